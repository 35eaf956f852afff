/**
 * The defaults of the config keys checks read. The schema attaches each to its key
 * (`default: DEFAULTS.maxLength`), `policy.ts` fills them in from there, and a check run without
 * the engine falls back to the same constant: one value, in one place. Kept apart from the
 * schema so that a check's bundle carries these few values, not the whole schema (hooks load
 * check bundles on every commit).
 */
export const DEFAULTS = {
  maxLength: 100,
  kebabCase: true,
  forcePush: 'warning',
  maxSize: '5 MB',
  staleAfterDays: 30,
  useCommitlintConfig: true,
  requireSignedCommits: false,
} as const;
