/**
 * Argument dispatch and the one place errors become exit codes. Each command is imported only
 * when it runs, so `mcflow-hooks run commit-msg` loads neither `config` nor secretlint.
 */
import type { Command, CommandSpec, Io } from './command.js';
import { useEnvironment } from './environment.js';
import { ExitCode, isMcflowError, UsageError } from './errors.js';
import { messages } from './messages.js';
import { guardWorkflowCommands } from './report/workflow-commands.js';

export type { Command, Io } from './command.js';

type CommandModule = { command: Command; spec: CommandSpec };

const COMMANDS: Record<string, () => Promise<CommandModule>> = {
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

export const commandNames = Object.keys(COMMANDS);

/** The whole help, from every command's own definitions (loads every command: help is never on a hook's path). */
export async function helpText(): Promise<string> {
  const [{ formatHelp }, ...modules] = await Promise.all([import('./help.js'), ...Object.values(COMMANDS).map((load) => load())]);
  return formatHelp(modules.map((module) => module.spec));
}

export async function main(argv: string[], unguarded: Io): Promise<ExitCode> {
  // In GitHub Actions no line we print may start a workflow command (report/workflow-commands.ts).
  const io = guardWorkflowCommands(unguarded);
  // What the command hands on (git's environment, the temp dir) comes from io.env, not the host process's: tests run main() in-process.
  const restoreEnvironment = useEnvironment(io.env);
  try {
    const [name, ...rest] = argv;
    if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
      io.stdout.write(await helpText());
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
    const { command, spec } = await load();
    // `--help` anywhere before a `--` shows the command's help instead of running it.
    const own = rest.indexOf('--') === -1 ? rest : rest.slice(0, rest.indexOf('--'));
    if (own.includes('--help') || own.includes('-h')) {
      io.stdout.write((await import('./help.js')).formatCommandHelp(spec));
      return ExitCode.ok;
    }
    return await command(rest, io);
  } catch (error) {
    return await reportError(error, io);
  } finally {
    restoreEnvironment();
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
