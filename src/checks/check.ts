import type { LintSetup } from '../commitlint/setup.js';
import type { McflowConfig } from '../config/types.js';
import type { Change, Problem, Stage } from '../types.js';

export interface CheckContext {
  config: Omit<McflowConfig, 'extends'>;
  stage: Stage;
  /** The repository's work tree, when the check runs in one (unit tests pass none). */
  root?: string;
  /**
   * Masks secrets in user-written text a check echoes in a changed form (a suggested header):
   * the final pass over the report only finds a secret it can still match. Loaded on first use.
   */
  mask?: (text: string) => Promise<string>;
  /**
   * The commitlint rules and options messages are linted with, for a check whose registry entry
   * `needs` them: resolved outside the checks (finding and loading a repository's commitlint
   * config reads files), by the engine or its caller.
   */
  commitlint?: LintSetup;
  /**
   * `verify --report-unused-allow`: the secrets check also warns about `secrets.allow` entries
   * its scan matched to nothing, naming the config file that holds them.
   */
  unusedAllow?: { configFile: string };
}

/**
 * A check: one concern, a pure function of a Change and the config. It never spawns git or
 * reads the work tree; sources hand it everything it needs, and the engine what the config
 * resolves to (the commitlint setup). src/checks/purity.test.ts holds every check to that.
 */
export interface Check {
  id: string;
  /** Why the team cares, in one sentence: printed once under the check's findings. */
  why: string;
  run(change: Change, context: CheckContext): Problem[] | Promise<Problem[]>;
}

/** The commitlint setup the engine resolved for this run (the check's registry entry says it needs one). */
export function lintSetup(context: CheckContext): LintSetup {
  if (!context.commitlint) throw new Error('a commit message check ran without a commitlint setup: run it through the engine (runChecks)');
  return context.commitlint;
}
