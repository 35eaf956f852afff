/**
 * The config format's TypeScript types. They are computed from `schema.ts`, the one description
 * of keys, types and defaults, so the types, the validator, the JSON schema editors use and the
 * defaults a policy is filled with cannot drift apart.
 */
import type { CheckId } from '../checks/ids.js';
import type { ConfigFromSchema } from './schema.js';

/** A config file or preset, as written: every key optional. */
export type McflowConfig = ConfigFromSchema;

/** One level for every stage, or a level per stage. */
export type CheckSetting = NonNullable<NonNullable<McflowConfig['checks']>[CheckId]>;

/** A commitlint rule: `[level, "always" | "never", value?]`, level 0 off, 1 warning, 2 error. */
export type CommitlintRule = readonly [0 | 1 | 2, ('always' | 'never')?, unknown?];

/** Identity function that gives a config file type checking and completion. */
export function defineConfig(config: McflowConfig): McflowConfig {
  return config;
}
