/**
 * secrets: no credential enters history. Scans the content a change adds (pre-commit: the
 * staged blobs' added lines; pre-push: the added lines of every commit the remote lacks;
 * verify and audit: the added lines of every commit, so a secret is reported at the commit that
 * introduced it) with secretlint's
 * recommended preset plus our rules; and the commit messages (commit-msg, verify, audit) and the
 * pull request's title and body (verify) with the same rules.
 *
 * Why: a pushed secret must be rotated, and history keeps it after the file is fixed.
 *
 * Config: `secrets.ignore` path globs (test fixtures), `secrets.allow` fingerprints; inline
 * `mcflow-allow-secret` on the line or the line before.
 *   { "secrets": { "ignore": ["test/fixtures/**"], "allow": [{ "fingerprint": "fp2-3f1c9a2b84d84dbc", "reason": "public demo key" }] } }
 */
import { messages } from '../messages.js';
import type { Change, ChangedFile, Problem } from '../types.js';
import type { Check, CheckContext } from './check.js';
import { maxFileSize } from './large-files.size.js';
import { isBinary, isLockfile, isTestFixturePath } from './secrets.filters.js';
import { allowedFingerprints, isAllowedInline, oldAllowEntries, withOldFingerprint } from './secrets.allow.js';
import { fingerprintSecret, maskSecret, oldFingerprint } from './secrets.redact.js';
import { scanTexts, type ScanTarget } from './secrets.scan.js';
import { scanUserTexts } from './secrets.texts.js';

const text = messages.secrets;

/** Every secret in the change, inline markers applied, config fingerprints not yet: `findUnusedAllowEntries` needs these. */
export async function scanForSecrets(change: Change, context: CheckContext): Promise<Problem[]> {
  const ignored = change.files?.length ? (await loadGlob()).compileMatcher(context.config.secrets?.ignore ?? []) : () => false;
  const limit = maxFileSize(context.config);
  // Cheap filters first: path globs, lockfiles and size need no content.
  const files = (change.files ?? []).filter(
    (file) => file.readContent && !ignored(file.path) && !isLockfile(file.path) && (file.size ?? 0) <= limit,
  );
  // Sources tie each file to one commit with that commit's added lines: a secret that was in the
  // file before is not this commit's (verify: not this pull request's; audit: reported once, at
  // the commit that introduced it). Every line of a new file is added: only modified, renamed
  // and copied files need the diff.
  const needsDiff = (file: ChangedFile) => file.status !== 'A' && file.readAddedLines !== undefined;
  // verify on a pull request: every line scanned is one the pull request adds, and a marker beside
  // it may be its own (added in this commit or an earlier one): none counts until the change is
  // accepted (policy.reviewedLabel); policy-change lists the markers it adds.
  const review = change.policyReview;
  const honourMarkers = !review || review.acceptedLabel !== undefined || review.event === 'push';
  const problems: Problem[] = [];
  for (const batch of batchBySize(files, BATCH_BYTES)) problems.push(...(await scanBatch(batch, needsDiff, context, honourMarkers)));
  // Commit messages, the pull request's title and body: written by the same people, printed in the same logs.
  problems.push(...(await scanUserTexts(change, context)));
  if (change.history?.truncated) problems.push({ severity: 'warning', message: text.truncated(change.history.limit) });
  return problems;
}

/**
 * Globs only where there are files: the commit-msg hook scans a message and never loads picomatch.
 * In the bundles `require` reaches dist/shared/glob.cjs (an import() would make Node parse that
 * CommonJS file twice); ES modules (tests) import it.
 */
async function loadGlob(): Promise<typeof import('../config/glob.js')> {
  return typeof require === 'function' ? (require('../config/glob.js') as typeof import('../config/glob.js')) : import('../config/glob.js');
}

/**
 * Content is read and scanned in batches of about BATCH_BYTES: a verify range adds hundreds of
 * megabytes, and holding every blob (and its UTF-8 string) at once would grow memory with the
 * range. A commit's staged files are one batch.
 */
const BATCH_BYTES = 32 * 1024 * 1024;

export function batchBySize<T extends { size?: number }>(files: readonly T[], limit: number): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const file of files) {
    if (current.length > 0 && bytes + (file.size ?? 0) > limit) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(file);
    bytes += file.size ?? 0;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

async function scanBatch(files: ChangedFile[], needsDiff: (file: ChangedFile) => boolean, context: CheckContext, honourMarkers = true): Promise<Problem[]> {
  // Ask for every blob and line set before awaiting: the source answers them with one git process each.
  const [contents, addedLines] = await Promise.all([
    Promise.all(files.map((file) => file.readContent!())),
    Promise.all(files.map((file) => (needsDiff(file) ? file.readAddedLines!() : undefined))),
  ]);
  const targets: (ScanTarget & { file: ChangedFile })[] = [];
  files.forEach((file, index) => {
    const content = contents[index]!;
    const lines = addedLines[index];
    if (isBinary(content) || lines?.size === 0) return;
    targets.push({ file, path: file.path, content: content.toString('utf8'), lines });
  });
  const results = await scanTexts(targets);
  const found: Promise<Problem>[] = [];
  targets.forEach((target, index) => {
    const lines = target.content.split('\n');
    for (const secret of results[index]!) {
      if (honourMarkers && isAllowedInline(lines, secret.line)) continue;
      // Fingerprints are computed together: the slow ones run on every core of libuv's pool.
      found.push(
        fingerprintSecret(secret.rule, secret.value).then((fingerprint) =>
          withOldFingerprint(
            {
              message: text.found(secret.description, secret.rule, maskSecret(secret.value)) + (isTestFixturePath(target.path) ? text.inTestFixture : ''),
              ...(secret.severity ? { severity: secret.severity } : {}),
              file: target.path,
              line: secret.line,
              column: secret.column,
              ...(target.file.commit ? { commit: target.file.commit } : {}),
              fingerprint,
              fix: text.fix(context.stage, target.path, target.file.commit, fingerprint),
            },
            oldFingerprint(secret.rule, secret.value),
          ),
        ),
      );
    }
  });
  return Promise.all(found);
}

export const secrets: Check = {
  id: 'secrets',
  why: text.why,
  async run(change, context) {
    const allowed = allowedFingerprints(context.config);
    const found = await scanForSecrets(change, context);
    const kept = found.filter((problem) => !problem.fingerprint || !allowed.has(problem.fingerprint));
    // Once per run, where files are scanned: not in the commit-msg hook, nor per chunk of audited messages.
    return change.files ? [...kept, ...oldAllowEntries(found, context.config)] : kept;
  },
};

// Reached through the registry (its loader keeps this bundle off paths that print nothing).
export { maskDeep, maskText } from './secrets.mask.js';
