/**
 * The library API: config types and `defineConfig` for config files, and the engine for tools
 * that want to run the checks themselves.
 */
export { defineConfig } from './config/types.js';
export type { McflowConfig, CheckSetting, CommitlintRule } from './config/types.js';
export type { Change, ChangedFile, CommitInfo, CommitMessage, Finding, RefUpdate, RefUpdateKind, Severity, CheckLevel, Stage, HookName } from './types.js';
export type { Report } from './engine.js';
export { maskReport, planChecks, runChecks } from './engine.js';
export type { Plan, PlannedCheck } from './engine.js';
export { loadConfig } from './config/load.js';
export { CHECK_IDS, type CheckId } from './checks/ids.js';
export { ExitCode } from './errors.js';
