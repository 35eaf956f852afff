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
 * Every file the change adds is scanned, whatever its size (a file `files.allowLarge` lets in is
 * still scanned; one large-files refuses anyway is not read), its attributes or its encoding
 * (UTF-8/16, with or without BOM, decided by content). Findings are capped per file
 * ({@link MAX_PER_FILE}, then one "and N more" line) and per run ({@link MAX_PER_RUN}).
 *
 * Config: `secrets.ignore` path globs (test fixtures), `secrets.allow` fingerprints; inline
 * `mcflow-allow-secret` on the line or the line before.
 *   { "secrets": { "ignore": ["test/fixtures/**"], "allow": [{ "fingerprint": "3f1c9a2b84d84dbc", "reason": "public demo key" }] } }
 */
import { levelFor } from '../config/levels.js';
import { messages } from '../messages.js';
import type { Change, ChangedFile, Problem } from '../types.js';
import type { Check, CheckContext } from './check.js';
import { maxFileSize } from './large-files.size.js';
import { addedTextLines, decodeText, detectEncoding } from './secrets.text.js';
import { isTestFixturePath } from './secrets.filters.js';
import { INLINE_MARKER, allowedFingerprints, findUnusedAllowEntries, isAllowedInline, oldAllowEntries, withOldFingerprint } from './secrets.allow.js';
import { fingerprintSecret, maskSecret, oldFingerprint } from './secrets.redact.js';
import { scanTextsCounted, type CountedScan, type ScanTarget } from './secrets.scan.js';
import { scanUserTexts } from './secrets.texts.js';

const text = messages.secrets;

/** Findings shown per file before one "and N more in this file" line. */
export const MAX_PER_FILE = 20;
/** Findings shown per run before one "and N more" line. */
export const MAX_PER_RUN = 1000;
/**
 * Matches each rule judges per scanned text (window): ten times what a file shows, so inline
 * markers and overlaps rarely leave the first {@link MAX_PER_FILE} unshown. Past it, a rule's
 * matches are counted in the file's "and N more possible secrets" without their placeholder
 * and structural tests (a file of 100 000 look-alikes is scanned at the speed of one regex pass).
 */
export const JUDGE_AT_MOST = 10 * MAX_PER_FILE;

export interface ScanOptions {
  /** Fingerprints from `secrets.allow`: dropped before the caps are applied. */
  allowed?: ReadonlySet<string>;
  /** Receives every fingerprint found, capped or not (for `--report-unused-allow`). */
  seen?: Set<string>;
  /** False where a pull request's own inline markers must not hide its secrets. */
  honourMarkers?: boolean;
}

/** Every secret in the change, inline markers and `allowed` fingerprints applied, capped per file and per run. */
export async function scanForSecrets(change: Change, context: CheckContext, options: ScanOptions = {}): Promise<Problem[]> {
  const glob = change.files?.length ? await loadGlob() : undefined;
  const ignored = glob ? glob.compileMatcher(context.config.secrets?.ignore ?? []) : () => false;
  const limit = maxFileSize(context.config);
  const allowLarge = glob ? glob.compileMatcher(context.config.files?.allowLarge ?? []) : () => false;
  // A file over the limit is read only when large-files will not refuse it anyway.
  const largeRefused = levelFor(context.config, 'large-files', context.stage) === 'error';
  const tooLarge = (file: ChangedFile) => (file.size ?? 0) > limit && largeRefused && !allowLarge(file.path);
  // Cheap filters first: path globs and size need no content. Lockfiles are scanned: any file
  // can be named yarn.lock, and a registry URL in one can carry a token (`https://ci:<token>@…`).
  const files = (change.files ?? []).filter((file) => file.readContent && !ignored(file.path) && !tooLarge(file));
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
  let hidden = 0;
  for (const batch of batchBySize(files, BATCH_BYTES)) {
    for (const problem of await scanBatch(batch, needsDiff, context, { ...options, honourMarkers })) {
      if (problems.length < MAX_PER_RUN) problems.push(problem);
      else hidden += problem.count ?? 1;
    }
  }
  if (hidden > 0) problems.push({ message: text.moreInRun(hidden), count: hidden });
  // Commit messages, the pull request's title and body: written by the same people, printed in the same logs.
  const inTexts = await scanUserTexts(change, context);
  options.seen && inTexts.forEach((problem) => problem.fingerprint && options.seen!.add(problem.fingerprint));
  problems.push(...inTexts.filter((problem) => !problem.fingerprint || !options.allowed?.has(problem.fingerprint)));
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

/**
 * A file larger than this is scanned in windows of about this many bytes, cut at line ends, each
 * overlapping the next by {@link WINDOW_OVERLAP} (a key block that starts in one window ends in
 * it): an allow-listed 200 MB file never becomes one 200 MB string plus its copies.
 */
export const WINDOW_BYTES = 8 * 1024 * 1024;
const WINDOW_OVERLAP = 64 * 1024;

interface Target extends ScanTarget {
  file: ChangedFile;
  /** Lines before this window (0 for a whole file). */
  lineBase: number;
  /** Findings on window lines after this one belong to the next window. */
  lastLine: number;
}

async function scanBatch(files: ChangedFile[], needsDiff: (file: ChangedFile) => boolean, context: CheckContext, options: ScanOptions): Promise<Problem[]> {
  // Ask for every blob and line set before awaiting: the source answers them with one git process each.
  const [contents, addedLines] = await Promise.all([
    Promise.all(files.map((file) => file.readContent!())),
    Promise.all(files.map((file) => (needsDiff(file) ? file.readAddedLines!() : undefined))),
  ]);
  const whole: Target[] = [];
  const large: { file: ChangedFile; bytes: Buffer; gitLines?: ReadonlySet<number> }[] = [];
  files.forEach((file, index) => {
    const gitLines = addedLines[index];
    if (gitLines?.size === 0) return;
    const bytes = contents[index]!;
    if (bytes.length > WINDOW_BYTES && detectEncoding(bytes).encoding === 'utf8') return void large.push({ file, bytes, gitLines });
    const decoded = decodeText(bytes);
    if (!decoded) return;
    whole.push({ file, path: file.path, content: decoded.text, lines: gitLines && addedTextLines(bytes, decoded, gitLines), lineBase: 0, lastLine: Infinity });
  });
  const collector = new Collector(context, options);
  // Past what a file can show, matches are counted, not judged (see JUDGE_AT_MOST), unless every
  // fingerprint must be known: an allow-list to apply, or the fingerprints the caller collects.
  const judgeAtMost = collector.mustIdentify ? undefined : JUDGE_AT_MOST;
  await collector.add(whole, await scanTextsCounted(whole, judgeAtMost));
  // One window at a time: only one window's text is alive at once.
  for (const { file, bytes, gitLines } of large) {
    for (const target of windowsOf(file, bytes, gitLines)) await collector.add([target], await scanTextsCounted([target], judgeAtMost));
  }
  return collector.problems();
}

/** The windows of a large UTF-8 file, each a target with its line offset. */
function* windowsOf(file: ChangedFile, bytes: Buffer, gitLines: ReadonlySet<number> | undefined): Generator<Target> {
  const lineEnd = (from: number) => {
    const lf = bytes.indexOf(0x0a, from);
    return lf === -1 ? bytes.length : lf + 1;
  };
  const { bom } = detectEncoding(bytes);
  let lineBase = 0;
  for (let start = bom; start < bytes.length; ) {
    let end = Math.min(bytes.length, start + WINDOW_BYTES);
    if (end < bytes.length) {
      const lf = bytes.lastIndexOf(0x0a, end - 1);
      end = lf >= start ? lf + 1 : lineEnd(end);
    }
    const scanEnd = end < bytes.length ? lineEnd(Math.min(bytes.length, end + WINDOW_OVERLAP)) : end;
    let lines = 0;
    for (let lf = bytes.indexOf(0x0a, start); lf !== -1 && lf < end; lf = bytes.indexOf(0x0a, lf + 1)) lines++;
    if (end === bytes.length && bytes[end - 1] !== 0x0a) lines++;
    const decoded = decodeText(bytes.subarray(start, scanEnd), { encoding: 'utf8', bom: 0 });
    const base = lineBase;
    // A binary stretch is skipped, not the whole file: padding does not hide what follows it.
    if (decoded) {
      const shifted = gitLines && ({ has: (line: number) => gitLines.has(line + base), size: gitLines.size } as ReadonlySet<number>);
      yield { file, path: file.path, content: decoded.text, lines: shifted, lineBase: base, lastLine: lines };
    }
    lineBase += lines;
    start = end;
  }
}

/** Turns raw secrets into problems: inline markers and allow-lists applied, capped per file. */
class Collector {
  /** In order of discovery; a slot stays empty when its secret turned out allowed or over the cap. */
  private readonly found: { problem: Problem | undefined; file: ChangedFile }[] = [];
  private readonly tallies = new Map<ChangedFile, { shown: number; pending: number; more: number }>();
  /** Past the cap a secret is only counted; it is fingerprinted only when an allow-list or the caller needs to know it. */
  readonly mustIdentify: boolean;

  constructor(
    private readonly context: CheckContext,
    private readonly options: ScanOptions,
  ) {
    this.mustIdentify = (options.allowed?.size ?? 0) > 0 || options.seen !== undefined;
  }

  async add(targets: readonly Target[], { found, unjudged }: CountedScan): Promise<void> {
    // Fingerprints are computed together: the slow ones run on every core of libuv's pool.
    const pending: Promise<void>[] = [];
    targets.forEach((target, index) => {
      const secrets = found[index]!.filter((secret) => secret.line <= target.lastLine);
      const { count, lines: countedLines } = unjudged[index]!;
      if (secrets.length === 0 && count === 0) return;
      // Lines only where a marker is: a file of 100 000 findings and no marker is not split into lines.
      const lines = target.content.includes(INLINE_MARKER) ? target.content.split('\n') : [];
      const honoured = lines.length > 0 && this.options.honourMarkers !== false;
      const tally = this.tallies.get(target.file) ?? { shown: 0, pending: 0, more: 0 };
      this.tallies.set(target.file, tally);
      const { file } = target;
      // A whole file with no marker (or none honoured): the count is all there is to know, no line is placed.
      if (target.lastLine === Infinity && !honoured) tally.more += count;
      else for (const line of countedLines()) if (line <= target.lastLine && (!honoured || !isAllowedInline(lines, line))) tally.more++;
      for (const secret of secrets) {
        if (this.options.honourMarkers !== false && isAllowedInline(lines, secret.line)) continue;
        // Past the cap a secret is only counted, unless an allow-list or the caller must know it.
        if (!this.mustIdentify && tally.shown + tally.pending >= MAX_PER_FILE) {
          tally.more++;
          continue;
        }
        tally.pending++;
        const slot = { problem: undefined as Problem | undefined, file };
        this.found.push(slot);
        pending.push(
          fingerprintSecret(secret.rule, secret.value).then((fingerprint) => {
            tally.pending--;
            this.options.seen?.add(fingerprint);
            if (this.options.allowed?.has(fingerprint)) return;
            if (tally.shown >= MAX_PER_FILE) {
              tally.more++;
              return;
            }
            tally.shown++;
            slot.problem = withOldFingerprint(
              {
                message: text.found(secret.description, secret.rule, maskSecret(secret.value)) + (isTestFixturePath(file.path) ? text.inTestFixture : ''),
                ...(secret.severity ? { severity: secret.severity } : {}),
                file: file.path,
                line: secret.line + target.lineBase,
                column: secret.column,
                ...(file.commit ? { commit: file.commit } : {}),
                fingerprint,
                fix: text.fix(this.context.stage, file.path, file.commit, fingerprint),
              },
              oldFingerprint(secret.rule, secret.value),
            );
          }),
        );
      }
    });
    await Promise.all(pending);
  }

  /** The problems, each capped file's followed by its "…and N more" line. */
  problems(): Problem[] {
    const problems: Problem[] = [];
    const closed = new Set<ChangedFile>();
    const close = (file: ChangedFile) => {
      if (closed.has(file)) return;
      closed.add(file);
      const tally = this.tallies.get(file);
      if (!tally || tally.more === 0) return;
      problems.push({
        message: text.moreInFile(tally.more),
        file: file.path,
        ...(file.commit ? { commit: file.commit } : {}),
        fix: text.fixMany(this.context.stage, file.path, file.commit),
        count: tally.more,
      });
    };
    let previous: ChangedFile | undefined;
    for (const { problem, file } of this.found) {
      if (!problem) continue;
      if (previous && file !== previous) close(previous);
      problems.push(problem);
      previous = file;
    }
    for (const file of this.tallies.keys()) close(file);
    return problems;
  }
}

export const secrets: Check = {
  id: 'secrets',
  why: text.why,
  async run(change, context) {
    // One scan: what it saw before allow-listing also tells which allow entries matched nothing.
    const seen = context.unusedAllow ? new Set<string>() : undefined;
    const found = await scanForSecrets(change, context, { allowed: allowedFingerprints(context.config), seen });
    // Once per run, where files are scanned: not in the commit-msg hook, nor per chunk of audited messages.
    const problems = change.files ? [...found, ...oldAllowEntries(found, context.config)] : found;
    if (seen && context.unusedAllow) problems.push(...unusedAllowEntries(seen, context.config, context.unusedAllow.configFile));
    return problems;
  },
};

/** `secrets.allow` entries the scan matched to nothing, as warnings, so stale exceptions get cleaned up. */
function unusedAllowEntries(seen: ReadonlySet<string>, config: CheckContext['config'], configFile: string): Problem[] {
  return findUnusedAllowEntries([...seen].map((fingerprint) => ({ fingerprint })), config).map((entry) => ({
    severity: 'warning',
    message: messages.verify.unusedAllow(entry.fingerprint, entry.reason),
    fix: messages.verify.unusedAllowFix(configFile),
  }));
}

// Reached through the registry (its loader keeps this bundle off paths that print nothing).
export { maskDeep, maskText } from './secrets.mask.js';
