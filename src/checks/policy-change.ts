/**
 * policy-change (verify only): every way a pull request would loosen the policy that judges it.
 * In CI the policy comes from the target branch (`src/ci/policy-source.ts`); this check
 * compares it with the change's own config, key by key (a check lowered or off, error →
 * warning, an allow or ignore list widened, a protected branch removed, a limit raised), and
 * lists the inline `mcflow-allow-secret` markers the change adds, a JS/TS config it adds or
 * edits (not run), and a commitlint config it adds, edits, removes or replaces (not run either:
 * src/ci/commitlint-base.ts). Strengthening is never reported.
 *
 * Why: a rule change merged along with the code it lets in is never reviewed on its own.
 *
 * Config: `policy.reviewedLabel` (in the target branch's config) names a label that accepts a
 * reviewed change: its findings become warnings and the change's own config applies. Keys a
 * preset locks (`policy.locked`) stay errors whatever the label. On a push the pull request was
 * the gate: weakenings are warnings there, locked keys excepted.
 *   { "policy": { "reviewedLabel": "policy-reviewed" } }
 */
import { compileMatcher } from '../config/glob.js';
import { isLocked } from '../config/locks.js';
import { findWeakenings } from '../config/policy-diff.js';
import { messages } from '../messages.js';
import type { Change, ChangedFile, PolicyReview, Problem } from '../types.js';
import type { Check } from './check.js';
import { INLINE_MARKER } from './secrets.allow.js';
import { addedTextLines, decodeText, detectEncoding } from './secrets.text.js';

const text = messages.policyChange;

export const policyChange: Check = {
  id: 'policy-change',
  why: text.why,
  async run(change, context) {
    const review = change.policyReview;
    if (!review) return [];
    // Config values and file names are the pull request author's: masked like every echo (a token pasted into a list).
    const mask = context.mask ?? (async (value: string) => value);
    const locked = review.base.policy?.locked ?? [];
    const softened = review.acceptedLabel !== undefined || review.event === 'push';
    const fix = text.fix(review.label, change.pullRequest?.number);
    const accepted = review.acceptedLabel ? text.accepted(review.acceptedLabel) : '';
    const where = review.headFile ? { file: review.headFile } : {};
    const problems: Problem[] = [];
    if (review.newPolicy) {
      const message = review.newPolicy.code ? text.newPolicyCode(review.newPolicy.file!) : text.newPolicy(review.newPolicy.file);
      problems.push({ severity: 'warning', message, ...where, fix: text.newPolicyFix });
    }
    if (review.headError) problems.push({ message: text.headBroken(review.headError), ...where, fix: text.headBrokenFix });
    const seen = new Set<string>();
    for (const weakening of review.lockViolations) {
      seen.add(weakening.key);
      problems.push({ message: text.locked(weakening.key, weakening.change), ...where, fix: text.lockedFix });
    }
    for (const weakening of review.head ? findWeakenings(review.base, review.head) : []) {
      if (seen.has(weakening.key)) continue;
      if (isLocked(weakening.key, locked)) {
        problems.push({ message: text.locked(weakening.key, weakening.change), ...where, fix: text.lockedFix });
        continue;
      }
      problems.push({ ...soft(softened), message: text.weakened(weakening.key, weakening.change) + accepted, ...where, fix });
    }
    if (review.baseline) problems.push({ ...soft(softened), message: text.baseline(review.baseline.file, review.baseline.added) + accepted, file: review.baseline.file, fix });
    if (review.code) problems.push({ ...soft(softened), message: text.codeConfig(review.code.file, review.code.added) + accepted, file: review.code.file, fix });
    if (review.commitlint) problems.push({ ...soft(softened), message: text.commitlintConfig(review.commitlint) + accepted, file: review.commitlint.file, fix });
    for (const marker of await findAddedMarkers(change, review)) problems.push({ ...soft(softened), ...marker, message: text.markerAdded + accepted, fix });
    return Promise.all(problems.map(async (problem) => ({ ...problem, message: await mask(problem.message) })));
  },
};

const soft = (softened: boolean): { severity?: 'warning' } => (softened ? { severity: 'warning' } : {});
const commitOf = (file: ChangedFile) => (file.commit ? { commit: file.commit } : {});

/**
 * Lines the change adds that carry the inline marker, in files the `secrets` check scans, read
 * as it reads them (secrets.text.ts): UTF-16 text and a UTF-8 file with a stray NUL are text
 * there, so a marker in one silences a finding and must be listed here too.
 */
async function findAddedMarkers(change: Change, review: PolicyReview): Promise<{ file: string; line: number; commit?: string }[]> {
  const ignored = compileMatcher(review.base.secrets?.ignore ?? []);
  // The same files the secrets check scans: lockfiles too (a marker there silences a finding there).
  const files = (change.files ?? []).filter((file) => file.readContent && !ignored(file.path));
  const marker = Buffer.from(INLINE_MARKER);
  const found: { file: string; line: number; commit?: string }[] = [];
  for (const file of files) {
    const content = await file.readContent!();
    const encoding = detectEncoding(content);
    // Cheap byte search first: almost no file carries the marker. No binary test on UTF-8: the
    // secrets check scans a large file by windows, so a binary stretch does not hide a marker.
    if (encoding.encoding === 'utf8' && !content.includes(marker)) continue;
    const text = encoding.encoding === 'utf8' ? content.subarray(encoding.bom).toString('utf8') : decodeText(content, encoding)?.text;
    if (text === undefined || !text.includes(INLINE_MARKER)) continue;
    const gitLines = file.status === 'A' || !file.readAddedLines ? undefined : await file.readAddedLines();
    const added = gitLines && encoding.encoding !== 'utf8' ? addedTextLines(content, { text, ...encoding }, gitLines) : gitLines;
    text.split('\n').forEach((line, index) => {
      if (line.includes(INLINE_MARKER) && (!added || added.has(index + 1))) found.push({ file: file.path, line: index + 1, ...commitOf(file) });
    });
  }
  return found;
}
