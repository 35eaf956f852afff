/**
 * Argument dispatch and the one place errors become exit codes. Each command is imported only
 * when it runs, so `mcflow-hooks run commit-msg` loads neither `config` nor secretlint.
 */
import { ExitCode, isMcflowError, UsageError } from './errors.js';
import { messages } from './messages.js';
import { guardWorkflowCommands } from './report/workflow-commands.js';

/**
 * The process's surroundings, passed in so tests can run commands in-process. The bin passes
 * getters: touching `process.stdout` or `process.stdin` sets up a stream, which a silent,
 * passing hook never needs.
 */
export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WriteStream | { write(text: string): unknown; isTTY?: boolean };
  stderr: NodeJS.WriteStream | { write(text: string): unknown; isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
}

export type Command = (args: string[], io: Io) => Promise<ExitCode>;

const COMMANDS: Record<string, () => Promise<{ command: Command }>> = {
  run: () => import('./commands/run.js'),
  // Cold commands: each is bundled on its own (scripts/build.mjs), so no hook pays to load them.
  config: () => import('./commands/config.js'),
  init: () => import('./commands/init.js'),
  doctor: () => import('./commands/doctor.js'),
  uninstall: () => import('./commands/uninstall.js'),
  pr: () => import('./commands/pr.js'),
  verify: () => import('./commands/verify.js'),
  audit: () => import('./commands/audit.js'),
};

export const HELP = `mcflow-hooks — the same git policy on every laptop and in CI

Usage:
  mcflow-hooks run <hook> [args]   run the checks of a git hook (what .husky/* calls)
                                   hooks: pre-commit, prepare-commit-msg, commit-msg, post-checkout, pre-push
  mcflow-hooks config              print the resolved config and the files it came from
  mcflow-hooks init                set up husky hooks, a config and PR templates here
      --preset <name>              the policy to extend (default gitflow; --preset alone lists them)
      --dry-run                    print every file and command, change nothing
      -y, --yes                    answer every question (never asked without a terminal)
      --no-install                 do not run the package manager; print the command instead
      --force                      replace existing PR templates (and the CI workflow) with the preset's
      --ci github|gitlab           also write .github/workflows/mcflow.yml, or print a .gitlab-ci.yml job
  mcflow-hooks doctor              check the set-up, one line per fact, with the fix for each ✗
  mcflow-hooks uninstall           remove exactly what init added
  mcflow-hooks pr [--base <b>]     print a pull-request body and the compare URL for this branch
  mcflow-hooks verify              CI: re-run the checks over a pull request or push
    --base <ref> [--head <ref>]    check this range instead of the CI event's (default head: HEAD)
    --branch <name> --target <name>  the head branch and the branch it merges into
    --staged                       check the index as pre-commit would
    --format text|json|github|sarif|junit   (default text; in GitHub Actions text + annotations)
    --output <file>                write the report to a file (the exit code still reflects it)
    --report-unused-allow          also warn about secrets.allow entries that match nothing
  mcflow-hooks audit               report on the whole history: secrets ever added, direct commits,
                                   stale and merged branches, tags, commit messages, signatures
      --since <date|ref>           only history after this date or commit
      --refs <glob>                only these branches and tags (repeatable; default all)
      --format text|json|markdown|sarif   (default text)
      --output <file>              write the report to a file (the exit code still reflects it)

Options:
  --format text|json               report format (run; default text; verify: see above)
  --config <file>                  use this config file instead of searching for one
  -h, --help                       show this help
  -v, --version                    print the version

Environment:
  MCFLOW_SKIP=check-a,check-b      skip named checks locally (verify ignores it: CI runs them all)
  HUSKY=0                          skip every hook
  NO_COLOR=1                       plain output

Exit codes: 0 ok, 1 policy violation, 2 bad usage/config/repository, 3 internal error.
Docs: https://www.npmjs.com/package/mcflow-hooks
`;

export async function main(argv: string[], unguarded: Io): Promise<ExitCode> {
  // In GitHub Actions no line we print may start a workflow command (report/workflow-commands.ts).
  const io = guardWorkflowCommands(unguarded);
  try {
    const [name, ...rest] = argv;
    if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
      io.stdout.write(HELP);
      return name === undefined ? ExitCode.usage : ExitCode.ok;
    }
    if (name === '-v' || name === '--version') {
      io.stdout.write(`${__MCFLOW_VERSION__}\n`);
      return ExitCode.ok;
    }
    const load = COMMANDS[name];
    if (!load) {
      if (name.startsWith('-')) throw new UsageError(messages.unknownFlag(name, 'mcflow-hooks'), messages.usageFix);
      throw new UsageError(messages.unknownCommand(name, Object.keys(COMMANDS)), messages.usageFix);
    }
    const { command } = await load();
    return await command(rest, io);
  } catch (error) {
    return await reportError(error, io);
  }
}

/** Error text can quote what a user wrote (a config value, a pushed line, a path): masked like any report. */
async function masked(text: string): Promise<string> {
  try {
    const { loadMasker } = await import('./checks/registry.js');
    return await (await loadMasker()).maskText(text);
  } catch {
    // The error itself must still be seen (an install missing its check bundles, for one).
    return text;
  }
}

async function reportError(error: unknown, io: Io): Promise<ExitCode> {
  if (isMcflowError(error)) {
    io.stderr.write(`✖ ${await masked(error.message)}\n`);
    if (error.fix) io.stderr.write(`  → ${await masked(error.fix)}\n`);
    return error.exitCode;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  // An internal fault shows its stack only when asked: users need the sentence, maintainers the trace.
  io.stderr.write(`✖ ${await masked(messages.internalError(io.env.MCFLOW_DEBUG ? detail : error instanceof Error ? error.message : String(error)))}\n`);
  return ExitCode.internal;
}
