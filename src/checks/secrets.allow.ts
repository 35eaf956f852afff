/**
 * The three ways to accept a finding that is not a secret: an inline `mcflow-allow-secret`
 * marker on the line or the line before (optionally followed by a reason), a fingerprint in
 * `secrets.allow`, and path globs in `secrets.ignore` (applied before anything is read).
 */
import type { McflowConfig } from '../config/types.js';

export const INLINE_MARKER = 'mcflow-allow-secret';

export type AllowEntry = NonNullable<NonNullable<McflowConfig['secrets']>['allow']>[number];

/** True when the 1-based `line` or the one before carries the inline marker. */
export function isAllowedInline(lines: readonly string[], line: number): boolean {
  return Boolean(lines[line - 1]?.includes(INLINE_MARKER) || lines[line - 2]?.includes(INLINE_MARKER));
}

export function allowedFingerprints(config: Pick<McflowConfig, 'secrets'>): Set<string> {
  return new Set((config.secrets?.allow ?? []).map((entry) => entry.fingerprint));
}

/**
 * `secrets.allow` entries no finding matches any more, for `verify --report-unused-allow`:
 * pass the findings as they were before allow-listing (the check's `scanForSecrets` result).
 */
export function findUnusedAllowEntries(
  findings: readonly { fingerprint?: string }[],
  config: Pick<McflowConfig, 'secrets'>,
): AllowEntry[] {
  const seen = new Set(findings.map((finding) => finding.fingerprint));
  return (config.secrets?.allow ?? []).filter((entry) => !seen.has(entry.fingerprint));
}
