/**
 * init and uninstall first work out everything they will do as a list of actions, checking
 * every precondition on the way, and only then carry them out. That gives `--dry-run` for free
 * (print the list) and means a refused run leaves nothing half-written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { McflowError } from '../errors.js';
import { messages } from '../messages.js';

export type Action =
  | { kind: 'write'; file: string; content: string; mode?: number; created: boolean }
  | { kind: 'remove'; file: string }
  | {
      kind: 'run';
      command: string[];
      cwd: string;
      why: string;
      /** What to show instead of the full command (husky's bin by its path is noise). */
      display?: string;
      /** Variables the command must not see. */
      unsetEnv?: string[];
      /** husky reports failure on stdout and still exits 0: any output is an error. */
      failOnOutput?: (output: string) => McflowError;
    };

export interface Output {
  write(text: string): unknown;
}

export function describeAction(action: Action, root: string): string {
  const show = (file: string) => path.relative(root, file) || '.';
  if (action.kind === 'write') return `${action.created ? 'create' : 'update'} ${show(action.file)}${action.mode ? ' (executable)' : ''}`;
  if (action.kind === 'remove') return `remove ${show(action.file)}`;
  const where = path.relative(root, action.cwd);
  return `run    ${where ? `(in ${where}) ` : ''}${action.display ?? action.command.join(' ')}   # ${action.why}`;
}

/**
 * Prints what a plan leaves alone, then says whether to go on: not when there is nothing to
 * do, nor on --dry-run, which lists every action instead. init and uninstall share it.
 */
export function presentPlan(
  out: Output,
  plan: { actions: Action[]; notes: string[]; root: string },
  options: { dryRun: boolean; nothingToDo: string; dryRunHeader: string },
): boolean {
  for (const note of plan.notes) out.write(`${note}\n`);
  if (plan.actions.length === 0) {
    out.write(`${options.nothingToDo}\n`);
    return false;
  }
  if (!options.dryRun) return true;
  out.write(`${options.dryRunHeader}\n`);
  for (const action of plan.actions) out.write(`  ${describeAction(action, plan.root)}\n`);
  return false;
}

/**
 * Carries out the actions in order, printing each one. A failing command stops the run with its
 * output; what earlier actions wrote stays (every precondition was checked while planning).
 */
export async function applyActions(actions: Action[], root: string, out: Output, env: NodeJS.ProcessEnv): Promise<void> {
  for (const action of actions) {
    out.write(`  ${describeAction(action, root)}\n`);
    if (action.kind === 'write') {
      fs.mkdirSync(path.dirname(action.file), { recursive: true });
      fs.writeFileSync(action.file, action.content);
      if (action.mode) fs.chmodSync(action.file, action.mode);
    } else if (action.kind === 'remove') {
      fs.rmSync(action.file, { force: true, recursive: true });
      removeEmptyParents(path.dirname(action.file), root);
    } else {
      const commandEnv = { ...env };
      for (const name of action.unsetEnv ?? []) delete commandEnv[name];
      const output = await runCommand(action.command, action.cwd, commandEnv);
      if (action.failOnOutput && output.trim() !== '') throw action.failOnOutput(output.trim());
    }
  }
}

const ANY_STATUS = Array.from({ length: 256 }, (_, status) => status);

/**
 * The commands a plan runs. git (`git config core.hooksPath …` for init and uninstall) goes
 * through src/git/exec.ts like every git we start: no shell, git's own environment rules. Other
 * commands (husky's installer, the package manager) go through zx: quoting is handled for us and
 * the output comes back whole for the error message. Imported here only: no hook loads zx.
 */
export async function runCommand(command: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  if (command[0] === 'git') {
    const { git } = await import('../git/exec.js');
    // Every exit code is an answer here: a failure is reported as the plan's step that failed.
    const result = git(command.slice(1), { cwd, env, okCodes: ANY_STATUS });
    if (result.status === 0) return result.stdout;
    const shown = command.join(' ');
    throw new McflowError(messages.install.commandFailed(shown, result.stderr || result.stdout), messages.install.commandFailedFix(shown));
  }
  const { $ } = await import('zx');
  const result = await $({ cwd, env, quiet: true, nothrow: true, stdio: ['ignore', 'pipe', 'pipe'] })`${command}`;
  if (result.exitCode !== 0) {
    const shown = command.join(' ');
    throw new McflowError(messages.install.commandFailed(shown, result.stderr || result.stdout), messages.install.commandFailedFix(shown));
  }
  return result.stdout;
}

/** Removes directories that uninstall emptied (`.github/PULL_REQUEST_TEMPLATE/`), never the root. */
function removeEmptyParents(dir: string, root: string): void {
  for (let current = dir; current.startsWith(root + path.sep); current = path.dirname(current)) {
    try {
      if (fs.readdirSync(current).length > 0) return;
      fs.rmdirSync(current);
    } catch {
      return;
    }
  }
}
