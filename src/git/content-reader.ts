/**
 * The one content reader: what the index, a commit, a range or a whole history adds, file by
 * file (`git diff --cached` for the index; for commits one streamed `git log --raw` listing the
 * files, and long-lived `git diff-tree --stdin -p` for the added lines of the commits that
 * modify, rename or copy files: an added file is new line by line, so its patch, a second copy
 * of its content, is never printed, not even in a commit that also edits files: {@link Patches}).
 * Every source (pre-commit, pre-push, verify, audit) builds its files from here, so "the same
 * findings at every stage" holds by construction.
 *
 * What it guarantees, whatever the user's config, attributes or environment say:
 * - Every diff option we parse is pinned ({@link PINNED_CONFIG}, {@link PINNED_OPTIONS}): no
 *   prefix, no colour, no external diff or textconv, `--text` (an attribute `-diff`, `binary` or
 *   `diff=x` must not hide a file), `-U0 --inter-hunk-context=0` (added lines are exact), one
 *   diff algorithm, one rename limit. GIT_DIFF_OPTS / GIT_EXTERNAL_DIFF are removed.
 * - Merges are read as combined diffs (`--cc`): a line counts as added by a merge only when it is
 *   new relative to EVERY parent, so a conflict resolution's (or an "evil merge"'s) own line is
 *   scanned and a line that came from one side is not scanned twice.
 * - Hunk bodies are consumed by the counts in their headers and judged by their first bytes:
 *   a line is never decoded or held, so a 30 MB one-line file costs one pass and no memory.
 * - Submodule gitlinks are skipped; symlinks are files whose content is the target string
 *   (never followed); deletions carry nothing new and are left out.
 *
 * Raw output, one commit (`--format=%x00%H%x1f%P%x1f%aI --raw --cc -p`):
 *   \0<sha>\x1f<parent> <parent>\x1f2026-01-27T10:00:00+01:00
 *
 *   :100644 100644 <old blob> <new blob> M\tsrc/app.ts
 *   ::100644 100644 100644 <p1 blob> <p2 blob> <blob> MM\tsrc/merged.ts     (a merge: one column per parent)
 *
 *   diff --git src/app.ts src/app.ts
 *   index …
 *   --- src/app.ts
 *   +++ src/app.ts
 *   @@ -3,0 +4,2 @@ export function main() {
 *   +const token = read();
 *   +send(token);
 *   diff --cc src/merged.ts
 *   …
 *   @@@ -3,0 -2,0 +3,1 @@@
 *   ++line neither parent had
 * Paths with unusual characters are C-quoted (`"new\nline.txt"`) in both parts.
 */
import type { ChangedFile } from '../types.js';
import { unquotePath } from './diff.js';
import { git, gitFailure, spawnGit } from './exec.js';
import { LineRanges, allLines } from '../line-ranges.js';
import type { Repository } from './repo.js';

/** `-c` settings that would otherwise change what git prints (each one was seen to). */
export const PINNED_CONFIG = [
  ['core.quotePath', 'false'],
  ['diff.noprefix', 'true'],
  ['diff.mnemonicPrefix', 'false'],
  ['diff.renames', 'true'],
  ['diff.renameLimit', '1000'],
  ['diff.algorithm', 'myers'],
  ['diff.indentHeuristic', 'true'],
  ['diff.interHunkContext', '0'],
  ['diff.context', '0'],
  ['diff.suppressBlankEmpty', 'false'],
  ['diff.relative', 'false'],
  ['diff.submodule', 'short'],
  ['diff.ignoreSubmodules', 'none'],
  ['diff.external', ''],
  ['color.ui', 'false'],
  ['color.diff', 'false'],
  ['log.showRoot', 'true'],
  ['log.showSignature', 'false'],
  ['log.follow', 'false'],
  ['core.bigFileThreshold', '2g'],
].flatMap(([key, value]) => ['-c', `${key}=${value}`]);

/** The file list's options: which files, their modes, blobs and renames (`-M` with a pinned limit). */
const RAW_OPTIONS = ['--raw', '--no-abbrev', '--full-index', '--no-ext-diff', '--no-textconv', '--no-color', '--no-relative', '--ignore-submodules=none', '-M', '-l1000'];

/**
 * Every option the patch depends on (they win over any config git reads). `-U0` and
 * `--inter-hunk-context` imply `-p`: they are never given when only the file list is wanted.
 */
export const PINNED_OPTIONS = [
  ...RAW_OPTIONS,
  '-p',
  '--text',
  '-U0',
  '--inter-hunk-context=0',
  '--no-prefix',
  '--diff-algorithm=myers',
  '--indent-heuristic',
  '--submodule=short',
];

/** Variables that change a diff behind the options' back (GIT_DIFF_OPTS=--unified=3 beats -U0). */
const PINNED_ENV: NodeJS.ProcessEnv = { GIT_DIFF_OPTS: undefined, GIT_EXTERNAL_DIFF: undefined, GIT_CONFIG_PARAMETERS: undefined, GIT_CONFIG_COUNT: undefined };

export const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
const ZERO = /^0+$/;
const GITLINK = '160000';

/** One file a commit (or the index) adds or changes, deletions left out. */
export interface ContentEntry {
  path: string;
  /** Previous path of a rename or copy. */
  from?: string;
  status: ChangedFile['status'];
  mode: string;
  blob: string;
  /** Line numbers (1-based, in the new blob, counted by LF bytes) that are new relative to every parent. */
  added: LineRanges;
  /**
   * Every line counts as added: a merge's combined diff ignores `--text` for content git deems
   * binary (a NUL byte, a `binary` attribute) and prints no lines, so we fail closed.
   */
  whole?: boolean;
}

/** One commit's additions; the index is a commit with an empty sha. */
export interface CommitContent {
  sha: string;
  parents: string[];
  authorDate: string;
  entries: ContentEntry[];
}

interface RawLine {
  path: string;
  from?: string;
  status: ChangedFile['status'] | 'D';
  mode: string;
  blob: string;
}

/**
 * Parses one raw line: `:<mode> <mode> <sha> <sha> <status>\t<path>[\t<path>]`, or for a merge
 * with n parents n colons, n+1 modes, n+1 shas and n status letters. The last mode and sha are
 * the result's. A C-quoted path cannot hold a literal tab, so splitting on tabs is exact.
 */
export function parseRaw(line: string): RawLine | undefined {
  const tab = line.indexOf('\t');
  if (tab === -1) return undefined;
  const colons = /^:+/.exec(line)?.[0].length ?? 0;
  const fields = line.slice(colons, tab).split(' ');
  if (fields.length !== 2 * (colons + 1) + 1) return undefined;
  const mode = fields[colons]!;
  const blob = fields[2 * colons + 1]!;
  const letters = fields[2 * colons + 2]!.replace(/\d+$/, '');
  const paths = line.slice(tab + 1).split('\t').map(unquotePath);
  // A merge is 'A' only when the file is new relative to every parent; a 2-way status is its letter.
  const status = (colons === 1 ? letters : [...letters].every((l) => l === 'A') ? 'A' : [...letters].every((l) => l === 'D') ? 'D' : 'M') as RawLine['status'];
  if ((status === 'R' || status === 'C') && paths.length === 2) return { status, from: paths[0]!, path: paths[1]!, mode, blob };
  return { status, path: paths[paths.length - 1]!, mode, blob };
}

const LF = 0x0a;
/** The first bytes a hunk body line can have: `+`, `-`, a space, and `\\` (no newline at end of file). */
const BODY_START = new Uint8Array(256);
for (const code of [0x2b, 0x2d, 0x20, 0x5c]) BODY_START[code] = 1;
/** A header line longer than this is not git's: refuse rather than grow without bound. */
const MAX_HEADER = 1 << 20;

/**
 * A push parser over raw `--raw -p` bytes (chunks of any size). Header lines are collected and
 * decoded; hunk body lines are judged by their first `columns` bytes and skipped unread.
 */
export class ContentParser {
  private commit: { sha: string; parents: string[]; authorDate: string; raw: RawLine[]; added: Map<string, LineRanges>; whole: Set<string> } | undefined;
  /** The path of the current `diff --cc <path>` section. */
  private combinedPath: string | undefined;
  private header: Buffer[] = [];
  private headerBytes = 0;
  /** In a hunk body: the prefix bytes of the current line seen so far. */
  private prefix = '';
  private inBodyLine = false;
  private skippingLine = false;
  private columns = 1;
  private oldLeft: number[] = [];
  private newLeft = 0;
  private next = 0;
  private target: LineRanges | undefined;
  /** Bytes consumed since the current commit started (for batching by size). */
  commitBytes = 0;

  /** `onMark`: the patch reader's batch-end line ({@link BATCH_END}) came, every commit before it finished. */
  constructor(
    private readonly onCommit: (commit: CommitContent) => void,
    private readonly onMark?: () => void,
  ) {}

  /** Starts the index's pseudo-commit (`git diff` prints no commit header). */
  beginIndex(): void {
    this.startCommit('', [], '');
  }

  push(chunk: Buffer): void {
    this.commitBytes += chunk.length;
    let start = 0;
    while (start < chunk.length) {
      if (this.skippingLine) {
        const end = chunk.indexOf(LF, start);
        if (end === -1) return;
        this.skippingLine = false;
        start = end + 1;
        continue;
      }
      if (!this.inBodyLine && this.header.length === 0 && this.inHunk() && !BODY_START[chunk[start]!]) {
        // Not a body line where git's counts promised one: stop trusting them, and read the line
        // as a header (a commit's start or the batch-end mark must never be swallowed).
        this.abandonHunk();
      }
      if (!this.inBodyLine && this.header.length === 0 && this.columns === 1 && this.inHunk()) {
        // The common case, a two-way hunk line whose first byte is here: judge it by that byte, skip the rest.
        const first = chunk[start]!;
        if (first !== 0x5c) this.bodyLine(first === 0x2b ? '+' : first === 0x2d ? '-' : first === 0x20 ? ' ' : '?');
        const end = chunk.indexOf(LF, start);
        if (end === -1) {
          this.skippingLine = true;
          return;
        }
        start = end + 1;
        continue;
      }
      if (this.inBodyLine || (this.header.length === 0 && this.inHunk())) {
        start = this.bodyBytes(chunk, start);
        continue;
      }
      const end = chunk.indexOf(LF, start);
      const stop = end === -1 ? chunk.length : end;
      this.header.push(chunk.subarray(start, stop));
      this.headerBytes += stop - start;
      if (this.headerBytes > MAX_HEADER) throw new Error('git printed a header line over 1 MB: not a diff we know how to read');
      if (end === -1) return;
      const line = this.header.length === 1 ? this.header[0]!.toString('utf8') : Buffer.concat(this.header).toString('utf8');
      this.header = [];
      this.headerBytes = 0;
      this.headerLine(line);
      start = end + 1;
    }
  }

  /** Flushes the last line and commit. */
  end(): void {
    if (this.header.length > 0) {
      const line = Buffer.concat(this.header).toString('utf8');
      this.header = [];
      this.headerLine(line);
    }
    this.finishCommit();
  }

  private inHunk(): boolean {
    return this.newLeft > 0 || this.oldLeft.some((left) => left > 0);
  }

  /** Reads a hunk body line's prefix from `chunk[start…]`; returns where to continue. */
  private bodyBytes(chunk: Buffer, start: number): number {
    this.inBodyLine = true;
    let at = start;
    // "\ No newline at end of file" counts for nothing: its first byte is enough.
    while (this.prefix.length < this.columns && this.prefix !== '\\' && at < chunk.length && chunk[at] !== LF) {
      this.prefix += String.fromCharCode(chunk[at]!);
      at++;
    }
    const complete = this.prefix.length >= this.columns || this.prefix === '\\' || at < chunk.length;
    if (!complete) return at;
    this.bodyLine(this.prefix);
    this.prefix = '';
    this.inBodyLine = false;
    const end = chunk.indexOf(LF, at);
    if (end === -1) {
      this.skippingLine = true;
      return chunk.length;
    }
    return end + 1;
  }

  private bodyLine(prefix: string): void {
    if (prefix === '\\') return;
    if (this.columns === 1) {
      const sign = prefix.charAt(0);
      if (sign === '+') {
        this.target?.add(this.next, 1);
        this.next++;
        this.newLeft--;
      } else if (sign === '-') this.oldLeft[0]!--;
      else if (sign === ' ') {
        this.next++;
        this.newLeft--;
        this.oldLeft[0]!--;
      } else this.abandonHunk();
      return;
    }
    if (prefix.length !== this.columns || !/^[-+ ]+$/.test(prefix)) return this.abandonHunk();
    if (prefix.includes('-')) {
      for (let i = 0; i < this.columns; i++) if (prefix[i] === '-') this.oldLeft[i]!--;
      return;
    }
    let allNew = true;
    for (let i = 0; i < this.columns; i++) {
      if (prefix[i] === ' ') {
        this.oldLeft[i]!--;
        allNew = false;
      }
    }
    if (allNew) this.target?.add(this.next, 1);
    this.next++;
    this.newLeft--;
  }

  /** A body line that is not one: git's counts and ours disagree, so stop trusting them. */
  private abandonHunk(): void {
    this.newLeft = 0;
    this.oldLeft = [];
  }

  private headerLine(line: string): void {
    if (line === BATCH_END) {
      this.finishCommit();
      this.onMark?.();
      return;
    }
    if (line.startsWith('\0')) {
      this.finishCommit();
      const [sha = '', parents = '', date = ''] = line.slice(1).split('\x1f');
      this.startCommit(sha, parents ? parents.split(' ') : [], date);
      return;
    }
    const commit = this.commit;
    if (!commit) return;
    if (line.startsWith(':')) {
      const raw = parseRaw(line);
      if (raw) commit.raw.push(raw);
    } else if (line.startsWith('@@')) {
      const ats = /^@+/.exec(line)![0].length;
      const ranges = line.slice(ats + 1, line.indexOf(' @@', ats)).split(' ');
      if (ranges.length !== ats) return;
      const counts = ranges.map((range) => {
        const [startText, countText] = range.slice(1).split(',');
        return { start: Number(startText), count: countText === undefined ? 1 : Number(countText) };
      });
      const result = counts.pop()!;
      this.columns = ats - 1;
      this.oldLeft = counts.map((range) => range.count);
      this.newLeft = result.count;
      this.next = result.start;
    } else if (line.startsWith('+++ ')) {
      // git ends a name that holds a space with a TAB, so patch(1) can find its end.
      const name = line.slice(4).replace(/\t$/, '');
      if (name === '/dev/null') this.target = undefined;
      else {
        const path = unquotePath(name);
        this.target = commit.added.get(path) ?? new LineRanges();
        commit.added.set(path, this.target);
      }
    } else if (line.startsWith('diff ')) {
      this.target = undefined;
      this.combinedPath = line.startsWith('diff --cc ') ? unquotePath(line.slice('diff --cc '.length)) : undefined;
    } else if (line.startsWith('Binary files ') && this.combinedPath !== undefined) {
      commit.whole.add(this.combinedPath);
    }
  }

  private startCommit(sha: string, parents: string[], authorDate: string): void {
    this.commit = { sha, parents, authorDate, raw: [], added: new Map(), whole: new Set() };
    this.combinedPath = undefined;
    this.abandonHunk();
    this.target = undefined;
    this.commitBytes = 0;
  }

  private finishCommit(): void {
    const commit = this.commit;
    if (!commit) return;
    this.commit = undefined;
    const entries: ContentEntry[] = [];
    for (const raw of commit.raw) {
      if (raw.status === 'D' || raw.mode === GITLINK || ZERO.test(raw.blob)) continue;
      const entry: ContentEntry = { ...raw, status: raw.status, added: commit.added.get(raw.path) ?? new LineRanges() };
      if (commit.whole.has(raw.path)) entry.whole = true;
      entries.push(entry);
    }
    this.onCommit({ sha: commit.sha, parents: commit.parents, authorDate: commit.authorDate, entries });
  }
}

/**
 * What the index adds relative to `base` (HEAD, or the empty tree before the first commit), in
 * the hook's cheapest form: one synchronous `git diff --cached --raw` for the file list, and the
 * added lines only when a check asks, from one `git diff --cached -p` limited to the files that
 * had a previous version (every line of an added file is new: git need not print 3 MB of
 * patch for 500 new files). Same pinned options and parser as for commits.
 */
export function readIndexContent(repo: Pick<Repository, 'root'>, base: string): { entries: ContentEntry[]; readAddedLines: () => Map<string, LineRanges> } {
  const run = (options: readonly string[]) => {
    const { stdoutBuffer } = git([...PINNED_CONFIG, 'diff', '--cached', ...options, base, '--'], { cwd: repo.root, binary: true, env: PINNED_ENV });
    let entries: ContentEntry[] = [];
    const parser = new ContentParser((commit) => (entries = commit.entries));
    parser.beginIndex();
    parser.push(stdoutBuffer!);
    parser.end();
    return entries;
  };
  const entries = run(RAW_OPTIONS);
  let added: Map<string, LineRanges> | undefined;
  const readAddedLines = () =>
    (added ??= new Map(
      entries.some((entry) => entry.status !== 'A') ? run([...PINNED_OPTIONS, '--diff-filter=MRCT']).map((entry) => [entry.path, entry.added]) : [],
    ));
  return { entries, readAddedLines };
}

/** Which commits to read: rev-list options (`--not --branches --not`, `--since=…`) and revisions (`<sha>`, `^<sha>`). */
export interface CommitSelection {
  options?: readonly string[];
  revisions: readonly string[];
}

export interface StreamOptions {
  /** A batch closes at this many commits… */
  maxCommits?: number;
  /** …or this many bytes of git output. */
  maxBytes?: number;
  /**
   * True (the default): list files with `git log --raw` and ask `git diff-tree` for the patches
   * of the commits that modify files only, so an added file's content is never printed as a
   * patch. False: one `git log -p` for everything, which costs one tree walk instead of two; a
   * whole history, where most commits modify a few files, reads faster that way.
   */
  skipNewFilePatches?: boolean;
}

/** What a content stream's reader does with its git's output and end. */
interface ContentHandlers {
  data(chunk: Buffer): void;
  error(error: NodeJS.ErrnoException): void;
  close(code: number | null): void;
}

/** A content stream's git, started before its reader (see {@link startCommitContent}). */
export interface StartedContent {
  readonly child: ReturnType<typeof spawnGit>;
  readonly args: readonly string[];
  readonly split: boolean;
  /** What git said on stderr so far. */
  stderr(): string;
  /** Hands git's output (what came already first) and its end to `handlers`, once. */
  claim(handlers: ContentHandlers): void;
  /** Ends a git nobody claimed (a run that stopped before reading the files); no-op once claimed. */
  kill(): void;
}

/**
 * Starts the stream's git now, to be read later by {@link streamCommitContent} with the same
 * selection and options: verify starts it before its other git questions about the range, so
 * that git walks the range while they are answered (side by side, not in turn).
 *
 * Until it is claimed the output is paused, so git waits on the full pipe and nothing piles up
 * here. One subtlety: when a child exits, Node resumes any of its output streams that nobody
 * listens to and DISCARDS what they held (child_process flushStdio). A short range's git can
 * exit before the reader comes, so a listener is attached at once and keeps those last chunks
 * (at most a pipe's worth: a git with more to print cannot exit before it is read).
 */
export function startCommitContent(repo: Pick<Repository, 'root'>, selection: CommitSelection, options: StreamOptions = {}): StartedContent {
  const split = options.skipNewFilePatches ?? true;
  const diffOptions = split ? [...RAW_OPTIONS, '--diff-merges=dense-combined'] : [...PINNED_OPTIONS, '--cc'];
  const args = [...PINNED_CONFIG, 'log', ...diffOptions, COMMIT_FORMAT, ...(selection.options ?? []), '--stdin', '--'];
  const child = spawnGit(args, { cwd: repo.root, env: PINNED_ENV });
  // Killed early (the caller failed), git closes its end: the exit, not the pipe, reports errors.
  child.stdin.on('error', () => {});
  child.stdin.end(`${selection.revisions.join('\n')}\n`);
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  let handlers: ContentHandlers | undefined;
  const held: Buffer[] = [];
  let failed: NodeJS.ErrnoException | undefined;
  let closed: { code: number | null } | undefined;
  child.stdout.on('data', (chunk: Buffer) => (handlers ? handlers.data(chunk) : held.push(chunk)));
  child.stdout.pause();
  child.on('error', (error: NodeJS.ErrnoException) => (handlers ? handlers.error(error) : (failed ??= error)));
  child.on('close', (code: number | null) => (handlers ? handlers.close(code) : (closed = { code })));
  return {
    child,
    args,
    split,
    stderr: () => stderr,
    claim(claimer) {
      if (handlers) throw new Error('a content stream is read once');
      handlers = claimer;
      // Chunks kept here mean git has exited and Node let its output flow already.
      const resume = held.length === 0;
      for (const chunk of held.splice(0)) claimer.data(chunk);
      if (failed) claimer.error(failed);
      if (closed) claimer.close(closed.code);
      else if (resume) child.stdout.resume();
    },
    kill() {
      if (handlers) return;
      handlers = { data: () => {}, error: () => {}, close: () => {} };
      held.length = 0;
      if (child.exitCode === null && !child.killed) child.kill();
      child.stdout.resume();
    },
  };
}

/**
 * Streams what every selected commit adds, newest first, in batches. Memory stays bounded by
 * two batches (git waits while the caller scans). Resolves with the number of commits read.
 *
 * Two git processes, because a new file's patch is its whole content again: `git log -p` of a
 * commit adding a 30 MB file prints 30 MB that say only "every line is new", and making and
 * parsing that patch cost more than reading and scanning the blob (it is read anyway). So the
 * walk lists files only (`git log --raw`), an added file is marked `whole` (every line is new,
 * relative to every parent for a merge), and only the commits that modify, rename or copy a
 * file go to a second, long-lived `git diff-tree --stdin -p` for their added lines (same
 * pinned options, merges as combined diffs). Pure additions, the commits that add most bytes,
 * cost no patch at all. A whole history can ask for the single stream instead
 * ({@link StreamOptions.skipNewFilePatches}).
 */
export async function streamCommitContent(
  repo: Pick<Repository, 'root'>,
  selection: CommitSelection,
  onBatch: (batch: CommitContent[]) => Promise<void> | void,
  options: StreamOptions = {},
  started?: StartedContent,
): Promise<number> {
  if (selection.revisions.length === 0) return 0;
  const maxCommits = options.maxCommits ?? 100;
  const maxBytes = options.maxBytes ?? 32 * 1024 * 1024;
  const stream = started ?? startCommitContent(repo, selection, options);
  const { child, args, split } = stream;
  const patches = new Patches(repo.root);

  // Batches in order, each complete once its added lines are known.
  const ready: Promise<CommitContent[]>[] = [];
  let batch: CommitContent[] = [];
  let batchBytes = 0;
  let total = 0;
  let ended = false;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    const resume = wake;
    wake = undefined;
    resume?.();
  };
  const closeBatch = () => {
    if (batch.length === 0) return;
    const completed = split ? patches.complete(batch) : Promise.resolve(batch);
    // Awaited in turn below; a failure meanwhile is not "unhandled".
    completed.catch(() => {});
    ready.push(completed);
    batch = [];
    batchBytes = 0;
    // Two batches held: let git wait until the caller has scanned one.
    if (ready.length >= 2) child.stdout.pause();
    notify();
  };
  const parser = new ContentParser((commit) => {
    batch.push(commit);
    batchBytes += parser.commitBytes;
    total += 1;
    if (batch.length >= maxCommits || batchBytes >= maxBytes) closeBatch();
  });
  const exited = new Promise<void>((resolve) => {
    stream.claim({
      data: (chunk) => {
        try {
          parser.push(chunk);
        } catch (error) {
          failure ??= error as Error;
          child.kill();
        }
      },
      error: (error) => {
        failure ??= gitFailure(args, error.message, error.code);
        resolve();
      },
      close: (code) => {
        if (!failure) parser.end();
        closeBatch();
        if (code !== 0 && !failure) failure = gitFailure(['log', split ? '--raw' : '-p', ...(selection.options ?? [])], stream.stderr());
        patches.end();
        resolve();
      },
    });
  }).then(() => {
    ended = true;
    notify();
  });

  try {
    for (;;) {
      const next = ready.shift();
      if (next) {
        if (ready.length < 2 && child.stdout.isPaused()) child.stdout.resume();
        const commits = await next;
        if (!failure) await onBatch(commits);
        continue;
      }
      if (ended) break;
      await new Promise<void>((resolve) => (wake = resolve));
    }
    await exited;
    await patches.closed();
  } finally {
    if (child.exitCode === null && !child.killed) child.kill();
    patches.kill();
  }
  if (failure) throw failure;
  return total;
}

/** Each commit's header: `\0<sha>\x1f<parents>\x1f<author date>`. */
const COMMIT_FORMAT = '--format=%x00%H%x1f%P%x1f%aI';
/**
 * Written to the patch reader after a batch's commits: `git diff-tree --stdin` prints a line that
 * is not an object id back as it is, and flushes, so its return marks the batch's end. A control
 * character first: no diff header line starts with one, and it is not hexadecimal.
 */
export const BATCH_END = '\x01mcflow-batch-end';

/**
 * The added lines of the commits that modify, rename or copy files, from `git diff-tree --stdin`
 * started on first need and fed batch by batch (answers come in order). Two of them: a commit
 * with one parent (or none) leaves its added files out of the patch (`--diff-filter=a`: they are
 * read whole from the object store anyway, and a commit that vendors 16 000 files and edits one
 * had git print, and us parse, all 167 MB of them again). A merge keeps every path: in a combined
 * diff that filter also drops a file added relative to one parent and changed relative to the
 * other, whose own lines only the patch tells apart.
 */
class Patches {
  private readonly single: PatchReader;
  private readonly merges: PatchReader;

  constructor(root: string) {
    this.single = new PatchReader(root, ['--diff-filter=a']);
    this.merges = new PatchReader(root, []);
  }

  /** The batch with every entry's added lines: an added file whole, the others from the patch. */
  async complete(batch: CommitContent[]): Promise<CommitContent[]> {
    const needed = batch.filter((commit) => commit.entries.some((entry) => entry.status !== 'A'));
    const [single, merges] = await Promise.all([
      this.single.patches(needed.filter((commit) => commit.parents.length <= 1)),
      this.merges.patches(needed.filter((commit) => commit.parents.length > 1)),
    ]);
    const found = new Map([...single, ...merges]);
    return batch.map((commit) => {
      const patched = new Map(found.get(commit.sha)?.entries.map((entry) => [entry.path, entry]));
      const entries = commit.entries.map((entry): ContentEntry => {
        const patch = entry.status === 'A' ? undefined : patched.get(entry.path);
        // A file the patch does not show (it always does) is scanned whole: never fewer lines.
        if (!patch || patch.whole) return { ...entry, whole: true };
        return { ...entry, added: patch.added };
      });
      return { ...commit, entries };
    });
  }

  end(): void {
    this.single.end();
    this.merges.end();
  }

  async closed(): Promise<void> {
    await Promise.all([this.single.closed(), this.merges.closed()]);
  }

  kill(): void {
    this.single.kill();
    this.merges.kill();
  }
}

/**
 * Patch bytes the diff-tree readers have received, over the process's life: a test holds them to
 * what the edited files need, where time cannot be asserted.
 */
export const patchBytes = { read: 0 };

/** One `git diff-tree --stdin -p` (see {@link Patches}). */
class PatchReader {
  private child: ReturnType<typeof spawnGit> | undefined;
  private readonly waiting: { found: Map<string, CommitContent>; resolve: () => void; reject: (error: Error) => void }[] = [];
  private stderr = '';
  private failure: Error | undefined;
  private exit: Promise<number | null> = Promise.resolve(0);
  private readonly args: string[];

  constructor(
    private readonly root: string,
    filter: readonly string[],
  ) {
    this.args = [...PINNED_CONFIG, 'diff-tree', ...PINNED_OPTIONS, ...filter, '--cc', '--root', COMMIT_FORMAT, '--stdin'];
  }

  /** The commits' patches (raw entries with added lines), by commit. */
  async patches(commits: CommitContent[]): Promise<Map<string, CommitContent>> {
    const found = new Map<string, CommitContent>();
    if (commits.length === 0) return found;
    const answered = new Promise<void>((resolve, reject) => this.waiting.push({ found, resolve, reject }));
    this.start().stdin.write(`${commits.map((commit) => commit.sha).join('\n')}\n${BATCH_END}\n`);
    await answered;
    return found;
  }

  /** No more batches: git ends once it has answered the last one. */
  end(): void {
    this.child?.stdin.end();
  }

  /** Resolves when git has exited; rejects when it failed. */
  async closed(): Promise<void> {
    const code = await this.exit;
    if (this.failure) throw this.failure;
    if (code !== 0 && code !== null) throw gitFailure(['diff-tree', '--stdin', '-p'], this.stderr);
  }

  kill(): void {
    if (this.child && this.child.exitCode === null && !this.child.killed) this.child.kill();
  }

  private start(): ReturnType<typeof spawnGit> {
    if (this.child) return this.child;
    const child = spawnGit(this.args, { cwd: this.root, env: PINNED_ENV });
    this.child = child;
    child.stdin.on('error', () => {});
    child.stderr!.setEncoding('utf8').on('data', (text: string) => (this.stderr += text));
    const fail = (error: Error) => {
      this.failure ??= error;
      for (const waiter of this.waiting.splice(0)) waiter.reject(this.failure);
    };
    const parser = new ContentParser(
      (commit) => this.waiting[0]?.found.set(commit.sha, commit),
      () => this.waiting.shift()?.resolve(),
    );
    child.stdout.on('data', (chunk: Buffer) => {
      patchBytes.read += chunk.length;
      try {
        parser.push(chunk);
      } catch (error) {
        fail(error as Error);
        child.kill();
      }
    });
    this.exit = new Promise((resolve) => {
      child.on('error', (error: NodeJS.ErrnoException) => {
        fail(gitFailure(this.args, error.message, error.code));
        resolve(null);
      });
      child.on('close', (code) => {
        // Every batch written is answered before git exits: a batch still waiting was not.
        if (this.waiting.length > 0) fail(gitFailure(['diff-tree', '--stdin', '-p'], this.stderr || 'ended early'));
        resolve(code);
      });
    });
    return child;
  }
}

/** Every selected commit's additions at once: pre-push and verify (metadata only; contents stay in git). */
export async function readCommitContent(repo: Pick<Repository, 'root'>, selection: CommitSelection): Promise<CommitContent[]> {
  const commits: CommitContent[] = [];
  await streamCommitContent(repo, selection, (batch) => void commits.push(...batch), { maxCommits: 1 << 30, maxBytes: Number.MAX_SAFE_INTEGER });
  return commits;
}

/**
 * Commits' entries as the checks read them, each tied to its commit: sizes asked up front
 * (pipelined through the store's one process), contents on request.
 */
export async function toChangedFiles(
  store: { size(sha: string): Promise<number | undefined>; read(sha: string): Promise<Buffer> },
  commits: readonly CommitContent[],
): Promise<ChangedFile[]> {
  const blobs = [...new Set(commits.flatMap((commit) => commit.entries.map((entry) => entry.blob)))];
  const sizeOf = await Promise.all(blobs.map((blob) => store.size(blob)));
  const sizes = new Map(blobs.map((blob, index) => [blob, sizeOf[index]]));
  return commits.flatMap((commit) =>
    commit.entries.map((entry): ChangedFile => ({
      ...fileOf(entry, sizes.get(entry.blob), () => store.read(entry.blob)),
      commit: commit.sha,
      // An added file's lines are all new (counted only if a check asks); a file read whole has
      // no line set: every line is scanned.
      ...(entry.status === 'A' ? { readAddedLines: async () => allLines(await store.read(entry.blob)) } : entry.whole ? {} : { readAddedLines: async () => entry.added }),
    })),
  );
}

/** The ChangedFile fields every source fills alike from an entry. */
export function fileOf(entry: ContentEntry, size: number | undefined, readContent: () => Promise<Buffer>): ChangedFile {
  return {
    path: entry.path,
    status: entry.status,
    ...(entry.from !== undefined ? { from: entry.from } : {}),
    blob: entry.blob,
    mode: entry.mode,
    size,
    readContent,
  };
}
