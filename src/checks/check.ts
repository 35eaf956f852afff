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
}

/**
 * A check: one concern, a pure function of a Change and the config. It never spawns git or
 * reads the work tree; sources hand it everything it needs.
 */
export interface Check {
  id: string;
  /** Why the team cares, in one sentence: printed once under the check's findings. */
  why: string;
  run(change: Change, context: CheckContext): Problem[] | Promise<Problem[]>;
}
