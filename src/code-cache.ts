/**
 * V8's code cache for our own bundles, so a hook does not parse and compile the same ~250 KB of
 * JavaScript on every commit: compiling them was the largest part of a commit-msg hook's own
 * time (measured on Node 20: ~9 ms of ~46 ms CPU). Node ≥ 22.1 has this built in
 * (`module.enableCompileCache`), and the bin uses that there; on Node 20 this module does the
 * same through the stable `Script` API (`cachedData`, `createCachedData`), as the
 * v8-compile-cache package does.
 *
 * What is cached: each dist/ bundle a hook loads, after it ran (so the functions the hook
 * called are in the cache, not only the top level), one set per hook (commit-msg and pre-commit
 * run different code). Where: `node_modules/.cache/mcflow-hooks-code/` of the node_modules the
 * package is installed in, beside the resolved-config cache (a sibling, not inside it: a config
 * change drops that one, and the code did not change). Nothing else is ever tried: a directory
 * that cannot be written leaves every run compiling as before.
 *
 * When it is used: only when the entry was made from the same bytes. V8 checks its own version
 * and flags and the source's length, not its content, so the names carry the rest: the build's
 * content hash (scripts/build.mjs) and the Node options, the bundle's size and mtime (a bundle
 * patched in place, by patch-package or by hand, gets a new mtime), and the hook. An entry V8 rejects is
 * rewritten. Entries are written whole (temporary file, then rename): two hooks at once never
 * read half of one.
 *
 * Only `run` (the hooks) uses it: `verify` and `audit` run in CI, where node_modules/.cache could
 * hold what a pull request planted, and where a process runs once anyway.
 */
// Named imports only: a default import of a builtin costs the bin a copy of all its properties (esbuild's __toESM).
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { Module } from 'node:module';
import { basename, dirname, join, sep } from 'node:path';
import { Script } from 'node:vm';

/** Module.prototype._compile, which Node's CommonJS loader calls with a file's source. */
type Compile = (this: Module, content: string, filename: string, ...rest: unknown[]) => unknown;

/** `import(`, but not a method named import (`jiti.import(…)`): what scripts/build.mjs rewrites. */
const DYNAMIC_IMPORT = /(?<![\w$.])import\(/;

interface Pending {
  script: Script;
  file: string;
  /** The name prefix of this hook's entries for this bundle: those of an older copy are removed. */
  stale: string;
}

/** A short FNV-1a hash of the Node options, for a directory name. */
function flagsStamp(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * The cache directory for a package whose bundles are in `distDir`: in the node_modules it is
 * installed in (`…/node_modules/mcflow-hooks/dist`), else in its own (a checkout of this repository).
 */
export function codeCacheDir(distDir: string): string {
  const packageDir = dirname(distDir);
  const parent = dirname(packageDir);
  const nodeModules = basename(parent) === 'node_modules' ? parent : join(packageDir, 'node_modules');
  return join(nodeModules, '.cache', 'mcflow-hooks-code');
}

/**
 * Compiles every CommonJS bundle under `distDir` loaded from now on through the code cache in
 * `cacheDir`, and writes the entries that were missing or rejected when the process exits.
 * `build` names the build (a hash of its bundles), `variant` the kind of run (the hook).
 * Returns false, changing nothing, where this Node cannot do it safely.
 */
export function useCodeCache(options: { distDir: string; cacheDir: string; build: string; variant: string }): boolean {
  const prototype = Module.prototype as unknown as { _compile: Compile };
  if (typeof prototype._compile !== 'function') return false;
  const prefix = options.distDir + sep;
  // V8 rejects code made under other flags: each set of Node options has entries of its own, so
  // runs with and without NODE_OPTIONS (an IDE's git and a terminal's) do not rewrite each other's.
  const flags = flagsStamp(`${process.execArgv.join(' ')}\0${process.env.NODE_OPTIONS ?? ''}`);
  const dir = join(options.cacheDir, `${process.versions.v8}-${process.arch}-${options.build}-${flags}`);
  const original = prototype._compile;
  const pending: Pending[] = [];
  prototype._compile = function compileWithCache(this: Module, content: string, filename: string, ...rest: unknown[]) {
    // Code from the cache cannot import() on Node 20 (import-module.ts): a bundle that still
    // holds an import() is compiled the usual way.
    if (!filename.startsWith(prefix) || !filename.endsWith('.cjs') || DYNAMIC_IMPORT.test(content)) return original.call(this, content, filename, ...rest);
    let file: string;
    let name: string;
    try {
      const stat = statSync(filename);
      name = `${options.variant}~${filename.slice(prefix.length).split(sep).join('~')}~${stat.size}~${Math.trunc(stat.mtimeMs)}`.replace(/[^\w.~@-]/g, '_');
      file = join(dir, `${name}.bin`);
    } catch {
      return original.call(this, content, filename, ...rest);
    }
    let cachedData: Buffer | undefined;
    try {
      cachedData = readFileSync(file);
    } catch {
      cachedData = undefined;
    }
    // The wrapper Node's loader puts around a module, on a line of its own (lineOffset -1): line
    // and column numbers in stack traces stay those of the file.
    const script = new Script(`(function (exports, require, module, __filename, __dirname) {\n${content.startsWith('#!') ? `//${content.slice(2)}` : content}\n})`, {
      filename,
      lineOffset: -1,
      cachedData,
    });
    if (cachedData === undefined || script.cachedDataRejected) pending.push({ script, file, stale: `${name.slice(0, name.lastIndexOf('~', name.lastIndexOf('~') - 1))}~` });
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    const require = Module.createRequire(filename);
    return wrapper.call(this.exports, this.exports, require, this, filename, dirname(filename));
  };
  process.once('exit', () => {
    if (pending.length > 0) writeEntries(options.cacheDir, dir, pending);
  });
  return true;
}

/**
 * Another build's entries are removed once they are an hour old: not at once, so that two builds
 * sharing one node_modules (two checkouts linked to it) do not remove each other's on every run.
 */
const STALE_MS = 60 * 60 * 1000;

/** Writes the new entries, and removes stale builds' when it starts a directory. Never throws. */
function writeEntries(cacheDir: string, dir: string, pending: readonly Pending[]): void {
  try {
    if (!existsSync(dir)) {
      mkdirSync(dir, { recursive: true });
      for (const entry of readdirSync(cacheDir)) {
        const other = join(cacheDir, entry);
        if (other !== dir && Date.now() - statSync(other).mtimeMs > STALE_MS) rmSync(other, { recursive: true, force: true });
      }
    }
    const present = readdirSync(dir);
    for (const { script, file, stale } of pending) {
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, script.createCachedData());
      renameSync(temporary, file);
      // A rebuilt or patched bundle's earlier entries: never read again.
      for (const entry of present) if (entry.startsWith(stale) && join(dir, entry) !== file) rmSync(join(dir, entry), { force: true });
    }
  } catch {
    // A read-only or full disk: the next run compiles as this one did.
  }
}
