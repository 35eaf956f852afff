/**
 * The three ways to accept a finding that is not a secret: an inline `mcflow-allow-secret`
 * marker on the line or the line before (optionally followed by a reason), a fingerprint in
 * `secrets.allow`, and path globs in `secrets.ignore` (applied before anything is read).
 */
import type { McflowConfig } from '../config/types.js';
import { messages } from '../messages.js';
import type { Problem } from '../types.js';
import { isOldFingerprint } from './secrets.redact.js';

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
  // Old-style entries get their own warning from the check (oldAllowEntries).
  return (config.secrets?.allow ?? []).filter((entry) => !seen.has(entry.fingerprint) && !isOldFingerprint(entry.fingerprint));
}

/**
 * The fingerprint a finding had before v2, kept beside it (never printed) so that an old
 * `secrets.allow` entry can be told which new fingerprint replaces it.
 */
const oldFingerprints = new WeakMap<Problem, string>();

export function withOldFingerprint(problem: Problem, old: string): Problem {
  oldFingerprints.set(problem, old);
  return problem;
}

/**
 * Old-style (16 hex digits) `secrets.allow` entries: they allow nothing any more (their fast
 * hash, public in the config, gives a password back to a dictionary), and each warning says
 * which new fingerprint replaces it when a finding shows it, or how to get one.
 */
export function oldAllowEntries(found: readonly Problem[], config: Pick<McflowConfig, 'secrets'>): Problem[] {
  const text = messages.secrets;
  const entries = (config.secrets?.allow ?? []).filter((entry) => isOldFingerprint(entry.fingerprint));
  return entries.map((entry) => {
    const match = found.find((problem) => oldFingerprints.get(problem) === entry.fingerprint);
    const where = match && (match.file ? `${match.file}${match.line !== undefined ? `:${match.line}` : ''}` : `commit ${match.commit?.slice(0, 12) ?? ''}`.trim());
    return {
      severity: 'warning',
      message: text.oldAllowEntry(entry.fingerprint, entry.reason),
      fix: match ? text.oldAllowReplace(match.fingerprint!, entry.reason, where ?? '') : text.oldAllowRegenerate,
    };
  });
}
