/**
 * Sizes and contents of many objects through two long-lived git processes
 * (`git cat-file --batch-check` and `--batch`), each started on first use and asked
 * asynchronously: while git answers, the event loop keeps reading the history stream, so the
 * two overlap. The audit reads tens of thousands of blobs this way; `blobs.ts` (one short
 * `spawnSync` per tick) stays the right tool for a hook's few files.
 *
 * Protocol: we write `<sha>\n`; `--batch-check` answers `<sha> <type> <size>\n`, `--batch` the
 * same header followed by <size> bytes and `\n`; a missing object is `<sha> missing\n`.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { GitError } from '../errors.js';
import { messages } from '../messages.js';
import type { Repository } from './repo.js';

interface Waiting<T> {
  sha: string;
  resolve: (value: T) => void;
  reject: (error: Error) => void;
}

class CatFile<T> {
  private child: ChildProcessByStdio<Writable, Readable, null> | undefined;
  private readonly queue: Waiting<T>[] = [];
  private buffer: Buffer = Buffer.alloc(0);
  /** Body bytes still expected for the current answer, plus its newline (`--batch` only). */
  private expected = -1;
  private size = 0;
  private readonly chunks: Buffer[] = [];
  private received = 0;

  constructor(
    private readonly root: string,
    private readonly mode: '--batch' | '--batch-check',
    private readonly answer: (size: number, body: Buffer | undefined) => T,
    private readonly missing: T,
  ) {}

  read(sha: string): Promise<T> {
    return new Promise((resolve, reject) => {
      this.queue.push({ sha, resolve, reject });
      this.start().stdin.write(`${sha}\n`);
    });
  }

  close(): void {
    this.child?.stdin.end();
    this.child = undefined;
  }

  private start(): ChildProcessByStdio<Writable, Readable, null> {
    if (this.child) return this.child;
    const child = spawn('git', ['cat-file', this.mode], { cwd: this.root, stdio: ['pipe', 'pipe', 'inherit'] });
    const fail = (reason: string) => {
      const error = new GitError(messages.gitFailed(['cat-file', this.mode], reason), messages.gitFailedFix);
      for (const waiting of this.queue.splice(0)) waiting.reject(error);
    };
    child.on('error', (error) => fail(error.message));
    // A git that died closes the pipe under a pending write: 'close' reports it to every waiting read.
    child.stdin.on('error', () => {});
    child.on('close', () => fail('ended early'));
    child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.child = child;
    return child;
  }

  private receive(chunk: Buffer): void {
    this.buffer = this.buffer.length > 0 ? Buffer.concat([this.buffer, chunk]) : chunk;
    for (;;) {
      if (this.expected < 0) {
        const newline = this.buffer.indexOf(0x0a);
        if (newline === -1) return;
        const header = this.buffer.toString('utf8', 0, newline);
        this.buffer = this.buffer.subarray(newline + 1);
        const size = /^\S+ \S+ (\d+)$/.exec(header)?.[1];
        if (size === undefined) {
          this.queue.shift()?.resolve(this.missing);
          continue;
        }
        this.size = Number(size);
        if (this.mode === '--batch-check') {
          this.queue.shift()?.resolve(this.answer(this.size, undefined));
          continue;
        }
        this.expected = this.size + 1;
        this.received = 0;
      }
      const take = Math.min(this.expected - this.received, this.buffer.length);
      if (take > 0) this.chunks.push(this.buffer.subarray(0, take));
      this.received += take;
      this.buffer = this.buffer.subarray(take);
      if (this.received < this.expected) return;
      const content = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
      this.chunks.length = 0;
      this.expected = -1;
      this.queue.shift()?.resolve(this.answer(this.size, content.subarray(0, this.size)));
    }
  }
}

/** Object sizes and contents for one repository; `close()` ends both git processes. */
export class ObjectReader {
  private readonly sizes: CatFile<number | undefined>;
  private readonly contents: CatFile<Buffer>;

  constructor(repo: Pick<Repository, 'root'>) {
    this.sizes = new CatFile(repo.root, '--batch-check', (size) => size, undefined);
    this.contents = new CatFile(repo.root, '--batch', (_size, body) => body!, Buffer.alloc(0));
  }

  size(sha: string): Promise<number | undefined> {
    return this.sizes.read(sha);
  }

  read(sha: string): Promise<Buffer> {
    return this.contents.read(sha);
  }

  close(): void {
    this.sizes.close();
    this.contents.close();
  }
}
