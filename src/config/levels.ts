/**
 * A check's level at a stage, as the config sets it. Pure, so that both the engine's plan and
 * the policy comparison (policy-diff.ts, which a check uses) read levels the same way.
 */
import type { CheckId } from '../checks/ids.js';
import type { CheckLevel, Stage } from '../types.js';
import type { McflowConfig } from './types.js';

/** The configured level of a check at a stage: a single level, or a per-stage map. Unset means "error". */
export function levelFor(config: Omit<McflowConfig, 'extends'>, id: CheckId, stage: Stage): CheckLevel {
  const setting = config.checks?.[id];
  if (setting === undefined) return 'error';
  if (typeof setting === 'string') return setting;
  return setting[stage] ?? 'error';
}
