/**
 * The plain list of checks: which stages each runs in and how to load it. Modules are
 * imported only when a stage needs them, so a commit-msg hook never loads secretlint.
 */
import { messages } from '../messages.js';
import type { Change, Stage } from '../types.js';
import type { Check, CheckContext } from './check.js';
import type { CheckId } from './ids.js';
import { secretsMayFind } from './secrets.prefilter.js';

/** What a check needs resolved from the config before it runs (src/engine.ts resolves it once per run). */
export type CheckInput = 'commitlint';

export interface RegistryEntry {
  stages: readonly Stage[];
  load: () => Promise<Check>;
  needs?: readonly CheckInput[];
  /**
   * For a check whose bundle is large: whether it can find anything in this change, answered
   * without loading it (false: the engine records the check as run, with no problems), and the
   * check's `why` for that record. It must never answer false where `run` would return a problem.
   */
  prefilter?: { mayFind: (change: Change, context: CheckContext) => boolean; why: string };
}

export const registry: Record<CheckId, RegistryEntry> = {
  'commit-message': {
    stages: ['commit-msg', 'verify', 'audit'],
    needs: ['commitlint'],
    load: async () => (await import('./commit-message.js')).commitMessage,
  },
  'protected-branch': {
    stages: ['pre-commit', 'pre-merge-commit', 'pre-push'],
    load: async () => (await import('./protected-branch.js')).protectedBranch,
  },
  'branch-name': {
    stages: ['pre-commit', 'post-checkout', 'pre-push', 'verify'],
    load: async () => (await import('./branch-name.js')).branchName,
  },
  'tag-name': {
    stages: ['pre-push', 'verify', 'audit'],
    load: async () => (await import('./tag-name.js')).tagName,
  },
  secrets: {
    // commit-msg: the message is scanned too (keyword prefilter first, secretlint only on a trigger).
    stages: ['pre-commit', 'commit-msg', 'pre-push', 'verify', 'audit'],
    load: async () => (await import('./secrets.js')).secrets,
    // A message with no rule's keyword: the rules are not even loaded.
    prefilter: { mayFind: secretsMayFind, why: messages.secrets.why },
  },
  'sensitive-files': {
    stages: ['pre-commit', 'pre-push', 'verify', 'audit'],
    load: async () => (await import('./sensitive-files.js')).sensitiveFiles,
  },
  'large-files': {
    stages: ['pre-commit', 'pre-push', 'verify', 'audit'],
    load: async () => (await import('./large-files.js')).largeFiles,
  },
  'merge-direction': {
    stages: ['verify'],
    load: async () => (await import('./merge-direction.js')).mergeDirection,
  },
  'pr-title': {
    stages: ['verify'],
    needs: ['commitlint'],
    load: async () => (await import('./pr-title.js')).prTitle,
  },
  'pr-body': {
    stages: ['verify'],
    load: async () => (await import('./pr-body.js')).prBody,
  },
  'direct-commits': {
    stages: ['verify', 'audit'],
    load: async () => (await import('./direct-commits.js')).directCommits,
  },
  'policy-change': {
    stages: ['verify'],
    load: async () => (await import('./policy-change.js')).policyChange,
  },
  'branch-health': {
    stages: ['audit'],
    load: async () => (await import('./branch-health.js')).branchHealth,
  },
  'signed-commits': {
    stages: ['audit'],
    load: async () => (await import('./signed-commits.js')).signedCommits,
  },
};

/**
 * The masker for echoed text (src/checks/secrets.mask.ts), from the secrets check's bundle: loaded
 * only when there is something to print, so a silent hook never pays for it.
 */
export const loadMasker = async () => {
  const { maskDeep, maskText } = await import('./secrets.js');
  return { maskDeep, maskText };
};
