/**
 * secrets: no credential enters history. Scans the content a change adds (pre-commit: the
 * staged blobs' added lines; pre-push: the added lines of every commit the remote lacks;
 * verify and audit: the added lines of every commit, so a secret is reported at the commit that
 * introduced it) with secretlint's
 * recommended preset plus our rules.
 *
 * Why: a pushed secret must be rotated, and history keeps it after the file is fixed.
 *
 * Every file the change adds is scanned, whatever its size (a file `files.allowLarge` lets in is
 * still scanned; one large-files refuses anyway is not read), its attributes or its encoding
 * (UTF-8/16, with or without BOM, decided by content). Findings are capped per file
 * ({@link MAX_PER_FILE}, then one "and N more" line) and per run ({@link MAX_PER_RUN}).
 *
 * Config: `secrets.ignore` path globs (test fixtures), `secrets.allow` fingerprints; inline
 * `mcflow-allow-secret` on the line or the line before.
 *   { "secrets": { "ignore": ["test/fixtures/**"], "allow": [{ "fingerprint": "3f1c9a2b84d84dbc", "reason": "public demo key" }] } }
 */
import { compileMatcher } from '../config/glob.js';
import { messages } from '../messages.js';
import type { Change, ChangedFile, Problem } from '../types.js';
import type { Check, CheckContext } from './check.js';
import { maxFileSize } from './large-files.size.js';
import { addedTextLines, decodeText } from './secrets.text.js';
import { isLockfile } from './secrets.filters.js';
import { allowedFingerprints, isAllowedInline } from './secrets.allow.js';
import { fingerprintSecret, maskSecret } from './secrets.redact.js';
import { scanTexts, type ScanTarget } from './secrets.scan.js';

const text = messages.secrets;

/** Findings shown per file before one "and N more in this file" line. */
export const MAX_PER_FILE = 20;
/** Findings shown per run before one "and N more" line. */
export const MAX_PER_RUN = 1000;

export interface ScanOptions {
  /** Fingerprints from `secrets.allow`: dropped before the caps are applied. */
  allowed?: ReadonlySet<string>;
  /** Receives every fingerprint found, capped or not (for `--report-unused-allow`). */
  seen?: Set<string>;
}

/** large-files' level at this stage, read as the engine reads it (the engine is not imported into a check). */
function largeFilesLevel(context: CheckContext): string {
  const setting = context.config.checks?.['large-files'];
  return setting === undefined ? 'error' : typeof setting === 'string' ? setting : (setting[context.stage] ?? 'error');
}

/** Every secret in the change, inline markers and `allowed` fingerprints applied, capped per file and per run. */
export async function scanForSecrets(change: Change, context: CheckContext, options: ScanOptions = {}): Promise<Problem[]> {
  const ignored = compileMatcher(context.config.secrets?.ignore ?? []);
  const limit = maxFileSize(context.config);
  const allowLarge = compileMatcher(context.config.files?.allowLarge ?? []);
  // A file over the limit is read only when large-files will not refuse it anyway.
  const largeRefused = largeFilesLevel(context) === 'error';
  const tooLarge = (file: ChangedFile) => (file.size ?? 0) > limit && largeRefused && !allowLarge(file.path);
  // Cheap filters first: path globs, lockfiles and size need no content.
  const files = (change.files ?? []).filter((file) => file.readContent && !ignored(file.path) && !isLockfile(file.path) && !tooLarge(file));
  // Sources tie each file to one commit with that commit's added lines: a secret that was in the
  // file before is not this commit's (verify: not this pull request's; audit: reported once, at
  // the commit that introduced it). Every line of a new file is added: only modified, renamed
  // and copied files need the diff.
  const needsDiff = (file: ChangedFile) => file.status !== 'A' && file.readAddedLines !== undefined;
  const problems: Problem[] = [];
  let hidden = 0;
  for (const batch of batchBySize(files, BATCH_BYTES)) {
    for (const problem of await scanBatch(batch, needsDiff, context, options)) {
      if (problems.length < MAX_PER_RUN) problems.push(problem);
      else hidden += problem.count ?? 1;
    }
  }
  if (hidden > 0) problems.push({ message: text.moreInRun(hidden), count: hidden });
  return problems;
}

/**
 * Content is read and scanned in batches of about BATCH_BYTES: a verify range adds hundreds of
 * megabytes, and holding every blob (and its UTF-8 string) at once would grow memory with the
 * range. A commit's staged files are one batch.
 */
const BATCH_BYTES = 8 * 1024 * 1024;

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

async function scanBatch(files: ChangedFile[], needsDiff: (file: ChangedFile) => boolean, context: CheckContext, options: ScanOptions): Promise<Problem[]> {
  // Ask for every blob and line set before awaiting: the source answers them with one git process each.
  const [contents, addedLines] = await Promise.all([
    Promise.all(files.map((file) => file.readContent!())),
    Promise.all(files.map((file) => (needsDiff(file) ? file.readAddedLines!() : undefined))),
  ]);
  const targets: (ScanTarget & { file: ChangedFile })[] = [];
  files.forEach((file, index) => {
    const gitLines = addedLines[index];
    if (gitLines?.size === 0) return;
    const bytes = contents[index]!;
    const decoded = decodeText(bytes);
    if (!decoded) return;
    targets.push({ file, path: file.path, content: decoded.text, lines: gitLines && addedTextLines(bytes, decoded, gitLines) });
  });
  const results = await scanTexts(targets);
  const problems: Problem[] = [];
  // Past the cap a secret is only counted; it is fingerprinted only when an allow-list or the caller needs to know it.
  const mustIdentify = (options.allowed?.size ?? 0) > 0 || options.seen !== undefined;
  targets.forEach((target, index) => {
    if (results[index]!.length === 0) return;
    const lines = target.content.split('\n');
    let shown = 0;
    let more = 0;
    for (const secret of results[index]!) {
      if (isAllowedInline(lines, secret.line)) continue;
      if (shown >= MAX_PER_FILE && !mustIdentify) {
        more++;
        continue;
      }
      const fingerprint = fingerprintSecret(secret.rule, secret.value);
      options.seen?.add(fingerprint);
      if (options.allowed?.has(fingerprint)) continue;
      if (shown >= MAX_PER_FILE) {
        more++;
        continue;
      }
      shown++;
      problems.push({
        message: text.found(secret.description, secret.rule, maskSecret(secret.value)),
        file: target.path,
        line: secret.line,
        column: secret.column,
        ...(target.file.commit ? { commit: target.file.commit } : {}),
        fingerprint,
        fix: text.fix(context.stage, target.path, target.file.commit, fingerprint),
      });
    }
    if (more > 0) {
      problems.push({
        message: text.moreInFile(more),
        file: target.path,
        ...(target.file.commit ? { commit: target.file.commit } : {}),
        fix: text.fixMany(context.stage, target.path, target.file.commit),
        count: more,
      });
    }
  });
  return problems;
}

export const secrets: Check = {
  id: 'secrets',
  why: text.why,
  run(change, context) {
    return scanForSecrets(change, context, { allowed: allowedFingerprints(context.config) });
  },
};
