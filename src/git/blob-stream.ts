/**
 * Reads blobs through one long-lived `git cat-file --batch` process, started on the first read:
 * checks that never look at content (branch names, file paths) cost no process, and a range
 * of 5 000 files costs one however the checks pace their reads. (`blobs.ts` batches the reads
 * of one tick into one short `spawnSync`, right for the few files of a commit; a range's
 * thousands of files, read as a check gets to them, would cost a process per wave and hold
 * every wave's bytes at once.) Requests are answered in order, as git answers them.
 *
 * Protocol: we write `<sha>\n`; git answers `<sha> blob <size>\n<size bytes>\n`, or
 * `<sha> missing\n`.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { GitError } from '../errors.js';
import { messages } from '../messages.js';
import type { Repository } from './repo.js';

interface Waiting {
  sha: string;
  resolve: (content: Buffer) => void;
  reject: (error: Error) => void;
}

export class BlobStream {
  private child: ChildProcessByStdio<Writable, Readable, null> | undefined;
  private readonly queue: Waiting[] = [];
  private buffer: Buffer = Buffer.alloc(0);
  /** Bytes of the current answer's body still expected (plus its trailing newline). */
  private expected = -1;
  private readonly chunks: Buffer[] = [];
  private received = 0;

  constructor(private readonly repo: Pick<Repository, 'root'>) {}

  read(sha: string): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      this.queue.push({ sha, resolve, reject });
      this.start().stdin.write(`${sha}\n`);
    });
  }

  /** Ends the git process; pending reads still get their answers. */
  close(): void {
    this.child?.stdin.end();
    this.child = undefined;
  }

  private start(): ChildProcessByStdio<Writable, Readable, null> {
    if (this.child) return this.child;
    const child = spawn('git', ['cat-file', '--batch'], { cwd: this.repo.root, stdio: ['pipe', 'pipe', 'inherit'] });
    child.on('error', (error) => this.failAll(new GitError(messages.gitFailed(['cat-file', '--batch'], error.message), messages.gitFailedFix)));
    child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    child.on('close', () => this.failAll(new GitError(messages.gitFailed(['cat-file', '--batch'], 'ended early'), messages.gitFailedFix)));
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
          const waiting = this.queue.shift();
          waiting?.reject(new GitError(messages.gitFailed(['cat-file', '--batch'], `${waiting.sha}: ${header}`), messages.gitFailedFix));
          continue;
        }
        this.expected = Number(size) + 1;
        this.received = 0;
      }
      const take = Math.min(this.expected - this.received, this.buffer.length);
      if (take > 0) this.chunks.push(this.buffer.subarray(0, take));
      this.received += take;
      this.buffer = this.buffer.subarray(take);
      if (this.received < this.expected) return;
      const content = Buffer.concat(this.chunks);
      this.chunks.length = 0;
      this.expected = -1;
      this.queue.shift()?.resolve(content.subarray(0, content.length - 1));
    }
  }

  private failAll(error: Error): void {
    for (const waiting of this.queue.splice(0)) waiting.reject(error);
  }
}
