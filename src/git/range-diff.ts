/**
 * What each commit of a range added, read from ONE streamed `git log -p -U0` so that a range of
 * 10 000 commits costs one git process and little memory. Only headers are decoded; hunk bodies
 * are counted and skipped as bytes. With `-U0`, the new side of every hunk is made of added
 * lines only, so `@@ -3,0 +4,2 @@` says exactly "lines 4 and 5 were added".
 *
 * Raw output, one commit (our `--format` puts a NUL-led marker before each commit):
 *   \0commit 4f2c…
 *
 *   diff --git a/src/app.ts b/src/app.ts
 *   index 9a1b…..77de… 100644
 *   --- a/src/app.ts
 *   +++ b/src/app.ts
 *   @@ -3,0 +4,2 @@ export function main() {
 *   +const token = read();
 *   +send(token);
 *   diff --git "a/odd\nname.txt" "b/odd\nname.txt"
 *   new file mode 100644
 *   index 0000…..e69d…
 */
import { spawn } from 'node:child_process';
import { GitError } from '../errors.js';
import { messages } from '../messages.js';
import { unquotePath as unquote } from './diff.js';
import { LineRanges } from './line-ranges.js';
import type { RevisionRange } from './log.js';
import type { Repository } from './repo.js';

export interface CommitFileDiff {
  commit: string;
  path: string;
  from?: string;
  status: 'A' | 'M' | 'R' | 'C' | 'D' | 'T';
  /** The new blob's sha (`--full-index`), absent for deletions. */
  blob?: string;
  binary: boolean;
  added: LineRanges;
}

const DIFF_ARGS = [
  'log',
  '-p',
  '-U0',
  '-M',
  '--full-index',
  '--no-color',
  '--no-ext-diff',
  '--no-textconv',
  '--src-prefix=a/',
  '--dst-prefix=b/',
  '--format=%x00commit %H',
];

/** Streams the per-commit file diffs of `range`, newest commit first. */
export async function readRangeDiff(repo: Pick<Repository, 'root'>, range: RevisionRange): Promise<CommitFileDiff[]> {
  if (range.revisions.length === 0) return [];
  const args = [...DIFF_ARGS, ...range.options, '--end-of-options', ...range.revisions, '--'];
  const parser = new PatchParser();
  const child = spawn('git', args, {
    cwd: repo.root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', GIT_OPTIONAL_LOCKS: '0' },
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdout.on('data', (chunk: Buffer) => parser.push(chunk));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) throw new GitError(messages.gitFailed(args, stderr), messages.gitFailedFix);
  return parser.end();
}

const LF = 0x0a;
const HUNK = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** A line-oriented state machine over raw patch bytes. Exported for its unit test. */
export class PatchParser {
  private readonly files: CommitFileDiff[] = [];
  private pending: Buffer | undefined;
  private commit = '';
  private file: CommitFileDiff | undefined;
  /** Hunk body lines still to skip (old + new counts of the current hunk). */
  private skip = 0;

  push(chunk: Buffer): void {
    const data = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    let start = 0;
    for (;;) {
      const end = data.indexOf(LF, start);
      if (end === -1) break;
      this.line(data, start, end);
      start = end + 1;
    }
    this.pending = start < data.length ? data.subarray(start) : undefined;
  }

  end(): CommitFileDiff[] {
    if (this.pending) this.line(this.pending, 0, this.pending.length);
    this.pending = undefined;
    this.finishFile();
    return this.files;
  }

  private line(data: Buffer, start: number, end: number): void {
    const first = data[start];
    if (this.skip > 0) {
      // "\ No newline at end of file" follows a body line without counting as one.
      if (first === 0x5c /* \ */) return;
      if (first === 0x2b /* + */ || first === 0x2d /* - */) {
        this.skip--;
        return;
      }
      this.skip = 0;
    }
    if (first === 0x5c) return;
    const text = data.toString('utf8', start, end);
    if (text.startsWith('\0commit ')) {
      this.finishFile();
      this.commit = text.slice('\0commit '.length).trim();
    } else if (text.startsWith('diff --git ')) {
      this.finishFile();
      this.file = { commit: this.commit, path: pathFromDiffLine(text.slice('diff --git '.length)), status: 'M', binary: false, added: new LineRanges() };
    } else if (this.file) {
      this.header(text, this.file);
    }
  }

  private header(text: string, file: CommitFileDiff): void {
    const hunk = HUNK.exec(text);
    if (hunk) {
      const oldCount = hunk[1] === undefined ? 1 : Number(hunk[1]);
      const newCount = hunk[3] === undefined ? 1 : Number(hunk[3]);
      file.added.add(Number(hunk[2]), newCount);
      this.skip = oldCount + newCount;
    } else if (text.startsWith('new file mode')) file.status = 'A';
    else if (text.startsWith('deleted file mode')) file.status = 'D';
    else if (text.startsWith('rename from ')) (file.status = 'R'), (file.from = unquote(text.slice('rename from '.length)));
    else if (text.startsWith('rename to ')) file.path = unquote(text.slice('rename to '.length));
    else if (text.startsWith('copy from ')) (file.status = 'C'), (file.from = unquote(text.slice('copy from '.length)));
    else if (text.startsWith('copy to ')) file.path = unquote(text.slice('copy to '.length));
    else if (text.startsWith('+++ ')) {
      // git ends the name with a TAB when it contains a space, so patch(1) can find its end.
      const target = text.slice(4).replace(/\t$/, '');
      if (target !== '/dev/null') file.path = stripPrefix(unquote(target), 'b/');
    } else if (text.startsWith('index ')) {
      const blob = /^index [0-9a-f]+\.\.([0-9a-f]+)/.exec(text)?.[1];
      if (blob && !/^0+$/.test(blob)) file.blob = blob;
    } else if (text.startsWith('Binary files ')) file.binary = true;
  }

  private finishFile(): void {
    if (this.file) this.files.push(this.file);
    this.file = undefined;
    this.skip = 0;
  }
}

function stripPrefix(value: string, prefix: string): string {
  return value.startsWith(prefix) ? value.slice(prefix.length) : value;
}

/**
 * The path of `diff --git a/X b/X` (both halves are the same path unless renamed or copied, and
 * those carry "rename to"/"copy to" lines that win). Quoted halves are unquoted.
 */
export function pathFromDiffLine(rest: string): string {
  if (rest.startsWith('"')) {
    const [, second] = splitQuoted(rest);
    return stripPrefix(unquote(second ?? rest), 'b/');
  }
  const length = (rest.length - 5) / 2;
  if (Number.isInteger(length) && length > 0) return rest.slice(2, 2 + length);
  return stripPrefix(rest.slice(rest.lastIndexOf(' b/') + 1), 'b/');
}

function splitQuoted(rest: string): [string, string | undefined] {
  for (let i = 1; i < rest.length; i++) {
    if (rest[i] === '\\') i++;
    else if (rest[i] === '"') return [rest.slice(0, i + 1), rest.slice(i + 2)];
  }
  return [rest, undefined];
}
