/**
 * The environment of the command being run: `io.env`, set by `main` for the length of a command.
 * Modules that hand the environment on (every git we start, the temp dir of the config cache)
 * read it here rather than `process.env`, so a command run in-process (the tests, a caller of
 * `main`) sees the environment it was given, not the host process's HOME, GIT_DIR or TMPDIR.
 * Outside `main` (library calls) it is the process's own.
 */
let current: NodeJS.ProcessEnv | undefined;

/** Makes `env` the command's environment until the returned function restores the previous one. */
export function useEnvironment(env: NodeJS.ProcessEnv): () => void {
  const previous = current;
  current = env;
  return () => {
    current = previous;
  };
}

export function environment(): NodeJS.ProcessEnv {
  return current ?? process.env;
}

/** `os.tmpdir()` of the command's environment (the same variables, in the same order). */
export function tempDir(): string {
  const env = environment();
  // node:os only when asked: a hook that finds its cache under node_modules never needs it.
  const os = () => process.getBuiltinModule('node:os') as typeof import('node:os');
  if (env === process.env) return os().tmpdir();
  const dir = env.TMPDIR || env.TMP || env.TEMP;
  return dir ? dir.replace(/(.)\/+$/, '$1') : os().tmpdir();
}
