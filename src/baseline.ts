/**
 * Baselines, as gitleaks and detect-secrets keep them: on adoption day `audit --write-baseline`
 * records the findings a repository already has, and `audit --baseline` / `verify --baseline`
 * then report only what is new. A pure filter over findings, whatever produced them.
 *
 * A finding's identity is a hash of what stays the same between runs: the check, and the file
 * and commit it is about (history content), plus the secret's fingerprint, which is itself a
 * hash; or else the check, file, commit (or, about no commit, the ref), and the rule ids where
 * the check names them, otherwise the message with its numbers blanked ("stale for 45 days"
 * must not become new on day 46). Left out because they move while the finding stays the same:
 * line numbers, the "still present on" part, the branch through which audit reached a commit,
 * and commitlint's suggested header (it draws on the branch name). The file records the identity
 * and where the finding is, never a message, so a secret's masked excerpt never reaches it.
 */
import fs from 'node:fs';
import { UsageError } from './errors.js';
import { messages } from './messages.js';
import type { Finding } from './types.js';

export interface BaselineEntry {
  id: string;
  check: string;
  file?: string;
  commit?: string;
  ref?: string;
  fingerprint?: string;
}

export interface Baseline {
  version: 1;
  /** Said in the file, for whoever opens it. */
  description: string;
  findings: BaselineEntry[];
}

export function findingIdentity(finding: Finding): string {
  const parts =
    finding.file !== undefined && finding.commit !== undefined
      ? [finding.check, finding.file, finding.commit, finding.fingerprint ?? '']
      : [
          finding.check,
          finding.file ?? '',
          finding.commit ?? '',
          finding.commit === undefined ? (finding.ref ?? '') : '',
          finding.fingerprint ?? '',
          finding.rules ? finding.rules.join(',') : finding.fingerprint ? '' : finding.message.replace(/\d+/g, '#'),
        ];
  // node:crypto is loaded when a baseline is used, not by every verify and audit that imports this module (~3 ms).
  const { createHash } = process.getBuiltinModule('node:crypto') as typeof import('node:crypto');
  return createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 32);
}

export function createBaseline(findings: readonly Finding[]): Baseline {
  const entries = new Map<string, BaselineEntry>();
  for (const finding of findings) {
    const id = findingIdentity(finding);
    if (entries.has(id)) continue;
    const { check, file, commit, ref, fingerprint } = finding;
    entries.set(id, { id, check, ...(file !== undefined ? { file } : {}), ...(commit !== undefined ? { commit } : {}), ...(ref !== undefined ? { ref } : {}), ...(fingerprint !== undefined ? { fingerprint } : {}) });
  }
  // Sorted, so that rewriting the baseline after a change gives a reviewable diff.
  const sorted = [...entries.values()].sort((a, b) => a.check.localeCompare(b.check) || (a.file ?? '').localeCompare(b.file ?? '') || a.id.localeCompare(b.id));
  return { version: 1, description: messages.baseline.description, findings: sorted };
}

export function formatBaseline(baseline: Baseline): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

export function writeBaseline(file: string, findings: readonly Finding[]): number {
  const baseline = createBaseline(findings);
  try {
    fs.writeFileSync(file, formatBaseline(baseline));
  } catch (error) {
    throw new UsageError(messages.baseline.unwritable(file, (error as Error).message), messages.baseline.unwritableFix);
  }
  return baseline.findings.length;
}

/** The identities a baseline file holds. A missing or malformed file is an error (exit 2), never an empty baseline. */
export function readBaseline(file: string, shown = file): Set<string> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new UsageError(messages.baseline.unreadable(shown, reason), messages.baseline.unreadableFix);
  }
  return parseBaseline(text, shown);
}

/** A baseline file's ids, from its text (verify reads a pull request's baseline from the target branch's commit). */
export function parseBaseline(text: string, shown: string): Set<string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UsageError(messages.baseline.invalid(shown, (error as Error).message), messages.baseline.unreadableFix);
  }
  const findings = (parsed as Partial<Baseline> | null)?.findings;
  if ((parsed as Partial<Baseline> | null)?.version !== 1 || !Array.isArray(findings) || !findings.every((entry) => typeof entry?.id === 'string')) {
    throw new UsageError(messages.baseline.invalid(shown, 'expected { "version": 1, "findings": [{ "id": … }] }'), messages.baseline.unreadableFix);
  }
  return new Set(findings.map((entry) => entry.id));
}

/** Splits findings into those the baseline does not know and a count of those it does. */
export function filterByBaseline<T extends Finding>(findings: readonly T[], known: ReadonlySet<string>): { fresh: T[]; known: number } {
  const fresh = findings.filter((finding) => !known.has(findingIdentity(finding)));
  return { fresh, known: findings.length - fresh.length };
}
