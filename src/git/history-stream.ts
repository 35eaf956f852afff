/**
 * Reads what every commit of a history added, streamed from one `git log --raw -p` process and
 * handed over in batches: the audit's bulk read. Memory stays bounded by a batch (a number of
 * commits, or of bytes of patch text, whichever comes first) however long the history is, and
 * git keeps producing the next batch while the caller scans the current one (at most two
 * batches are held at once).
 *
 * For each commit git prints a header line we ask for (`%x00%H %aI`), then its raw entries
 * (file status and blob ids), then its patch with no context lines:
 *   \0<sha> 2026-01-27T10:00:00+01:00
 *
 *   :000000 100644 0000… <blob> A\tsrc/pay.ts
 *   :100644 100644 <old> <new> R087\told.ts\tnew.ts
 *
 *   diff --git a/src/pay.ts b/src/pay.ts
 *   …
 *   +++ b/src/pay.ts
 *   @@ -0,0 +1,2 @@
 *   +added line
 * Paths with unusual characters are C-quoted (`"new\nline.txt"`) in both parts.
 */
import { spawn } from 'node:child_process';
import { GitError } from '../errors.js';
import { messages } from '../messages.js';
import { unquotePath, type RawEntry } from './diff.js';
import type { Repository } from './repo.js';

/** One commit's additions: its raw entries (deletions and submodules left out) and the lines each file gains. */
export interface CommitAdditions {
  sha: string;
  authorDate: string;
  entries: RawEntry[];
  added: Map<string, Set<number>>;
}

export interface HistoryStreamOptions {
  /** Revisions fed to `git log --stdin`: tips, and `^sha` for commits to leave out. */
  revisions: readonly string[];
  since?: string;
  /** A batch closes at this many commits… */
  maxCommits?: number;
  /** …or this many characters of patch text. */
  maxChars?: number;
}

const RAW = /^:(\d{6}) (\d{6}) ([0-9a-f]+) ([0-9a-f]+) ([A-Z])\d*\t(.*)$/;
const ZERO = /^0+$/;

/**
 * Parses one raw line (without -z): `:<mode> <mode> <sha> <sha> <status>\t<path>[\t<path>]`.
 * A C-quoted path cannot hold a literal tab, so splitting on tabs is exact.
 */
export function parseRawLine(line: string): RawEntry | undefined {
  const match = RAW.exec(line);
  if (!match) return undefined;
  const [, , mode, , blob, letter, rest] = match as unknown as string[];
  const paths = rest!.split('\t').map(unquotePath);
  const status = letter as RawEntry['status'];
  if ((status === 'R' || status === 'C') && paths.length === 2) return { status, from: paths[0]!, path: paths[1]!, blob: blob!, mode: mode! };
  return { status, path: paths[0]!, blob: ZERO.test(blob!) ? '' : blob!, mode: mode! };
}

/**
 * Reads one commit's lines as they arrive: raw entries first, then the patch. Hunk headers
 * (`@@ -a,b +c,d @@`) say how many removed and added lines follow, so a hunk is consumed by
 * count: an added line that itself reads `+++ x` or `diff --git` is never taken for a header.
 */
export class CommitParser {
  readonly commit: CommitAdditions;
  private added: Set<number> | undefined;
  private next = 0;
  private removing = 0;
  private adding = 0;

  constructor(sha: string, authorDate: string) {
    this.commit = { sha, authorDate, entries: [], added: new Map() };
  }

  /** True while a hunk's lines are expected: they are judged by their first character alone. */
  get inHunk(): boolean {
    return this.removing > 0 || this.adding > 0;
  }

  /** A line inside a hunk, by its first character: `-` removed, `+` added; "\ No newline at end of file" counts for nothing. */
  hunkLine(first: string): void {
    if (first === '-' && this.removing > 0) this.removing -= 1;
    else if (first === '+' && this.adding > 0) {
      this.adding -= 1;
      this.added?.add(this.next++);
    }
  }

  line(line: string): void {
    if (this.inHunk) {
      this.hunkLine(line.charAt(0));
      return;
    }
    if (line.startsWith(':')) {
      const entry = parseRawLine(line);
      if (entry && entry.status !== 'D' && entry.blob && entry.mode !== '160000') this.commit.entries.push(entry);
    } else if (line.startsWith('@@')) {
      const match = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
      if (!match) return;
      this.removing = match[1] === undefined ? 1 : Number(match[1]);
      this.next = Number(match[2]);
      this.adding = match[3] === undefined ? 1 : Number(match[3]);
    } else if (line.startsWith('+++ ')) {
      const target = line.slice(4).replace(/\t$/, '');
      if (target === '/dev/null') {
        this.added = undefined;
        return;
      }
      const path = unquotePath(target).replace(/^b\//, '');
      this.added = this.commit.added.get(path) ?? new Set();
      this.commit.added.set(path, this.added);
    } else if (line.startsWith('diff --git ')) {
      this.added = undefined;
    }
  }
}

/**
 * Streams `git log --no-merges --raw -p -U0` over `revisions` and calls `onBatch` for each batch
 * of commits, oldest batch last (git's order: newest first). Resolves with the commit count.
 */
export async function streamHistory(
  repo: Pick<Repository, 'root'>,
  options: HistoryStreamOptions,
  onBatch: (commits: CommitAdditions[]) => Promise<void>,
): Promise<number> {
  const maxCommits = options.maxCommits ?? 500;
  const maxChars = options.maxChars ?? 32 * 1024 * 1024;
  const args = [
    // The user's config must not change what we parse: the root commit's files, prefixes, signatures.
    '-c', 'log.showRoot=true', '-c', 'log.showSignature=false', '-c', 'diff.noprefix=false', '-c', 'core.quotePath=true',
    'log', '--no-merges', '--raw', '--no-abbrev', '-p', '-U0', '-M', '--full-index', '--no-color', '--no-ext-diff', '--no-textconv',
    '--src-prefix=a/', '--dst-prefix=b/', '--format=%x00%H %aI', '--stdin',
    ...(options.since ? [`--since=${options.since}`] : []),
    '--',
  ];
  const child = spawn('git', args, { cwd: repo.root, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, GIT_PAGER: 'cat', GIT_OPTIONAL_LOCKS: '0' } });
  // Killed early (the caller failed), git closes its end: the exit, not the pipe, reports errors.
  child.stdin.on('error', () => {});
  child.stdin.end(`${options.revisions.join('\n')}\n`);
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));

  const ready: CommitAdditions[][] = [];
  let batch: CommitAdditions[] = [];
  let batchChars = 0;
  let current: CommitParser | undefined;
  let currentChars = 0;
  // The bytes of a line not yet ended, across chunks; hunk lines (most of the output) are
  // judged by their first byte and never decoded.
  let pending: Buffer[] = [];
  let total = 0;
  let ended = false;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    const resume = wake;
    wake = undefined;
    resume?.();
  };

  const closeCommit = () => {
    if (!current) return;
    batch.push(current.commit);
    batchChars += currentChars;
    total += 1;
    current = undefined;
    if (batch.length >= maxCommits || batchChars >= maxChars) closeBatch();
  };
  const closeBatch = () => {
    if (batch.length === 0) return;
    ready.push(batch);
    batch = [];
    batchChars = 0;
    // Two batches held: let git wait until the caller has scanned one.
    if (ready.length >= 2) child.stdout.pause();
    notify();
  };
  const takeLine = (line: string) => {
    if (line.startsWith('\0')) {
      closeCommit();
      const [sha = '', date = ''] = line.slice(1).split(' ');
      current = new CommitParser(sha, date);
      currentChars = 0;
      return;
    }
    current?.line(line);
  };
  /** One line, given as the pending pieces plus `chunk[start, end)`. */
  const endLine = (chunk: Buffer, start: number, end: number) => {
    const length = pending.reduce((sum, piece) => sum + piece.length, 0) + end - start;
    currentChars += length + 1;
    const first = pending.length > 0 ? pending[0]![0] : start < end ? chunk[start] : undefined;
    if (current?.inHunk && (first === 0x2b || first === 0x2d || first === 0x5c)) current.hunkLine(String.fromCharCode(first));
    else takeLine(pending.length > 0 ? Buffer.concat([...pending, chunk.subarray(start, end)]).toString('utf8') : chunk.toString('utf8', start, end));
    pending = [];
  };

  child.stdout.on('data', (chunk: Buffer) => {
    let start = 0;
    for (let newline = chunk.indexOf(0x0a); newline !== -1; newline = chunk.indexOf(0x0a, start)) {
      endLine(chunk, start, newline);
      start = newline + 1;
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
  });
  const exited = new Promise<void>((resolve) => {
    child.on('error', (error: NodeJS.ErrnoException) => {
      failure = error.code === 'ENOENT' ? new GitError(messages.gitMissing, messages.gitMissingFix) : new GitError(messages.gitFailed(args, error.message), messages.gitFailedFix);
      resolve();
    });
    child.on('close', (code) => {
      if (pending.length > 0) endLine(Buffer.alloc(0), 0, 0);
      closeCommit();
      closeBatch();
      if (code !== 0 && !failure) failure = new GitError(messages.gitFailed(['log', '--raw', '-p'], stderr), messages.gitFailedFix);
      resolve();
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
        await onBatch(next);
        continue;
      }
      if (ended) break;
      await new Promise<void>((resolve) => (wake = resolve));
    }
    await exited;
  } finally {
    if (child.exitCode === null && !child.killed) child.kill();
  }
  if (failure) throw failure;
  return total;
}
