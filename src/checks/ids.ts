/**
 * Every check id, in the order reports list them. Kept apart from the registry so that config
 * validation and the JSON schema can name the checks without loading any check module.
 * A test fails unless every id here has a module in `src/checks/`, a registry entry and a
 * README section.
 */
export const CHECK_IDS = [
  'commit-message',
  'protected-branch',
  'branch-name',
  'tag-name',
  'secrets',
  'sensitive-files',
  'large-files',
  'merge-direction',
  'pr-title',
  'pr-body',
  'direct-commits',
  'policy-change',
  'branch-health',
  'signed-commits',
] as const;

export type CheckId = (typeof CHECK_IDS)[number];
