/**
 * Sizes and contents of many objects through two long-lived git processes, each started on
 * first use and asked asynchronously: while git answers, the event loop keeps reading the
 * audit's history stream, so the two overlap. Contents come from verify's {@link BlobStream}
 * (`git cat-file --batch`); sizes from `git cat-file --batch-check`, which answers one line
 * per object: `<sha> <type> <size>\n`, or `<sha> missing\n`.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { GitError } from '../errors.js';
import { messages } from '../messages.js';
import { BlobStream } from './blob-stream.js';
import type { Repository } from './repo.js';

class SizeStream {
  private child: ChildProcessByStdio<Writable, Readable, null> | undefined;
  private readonly queue: { resolve: (size: number | undefined) => void; reject: (error: Error) => void }[] = [];
  private rest = '';

  constructor(private readonly root: string) {}

  read(sha: string): Promise<number | undefined> {
    return new Promise((resolve, reject) => {
      this.queue.push({ resolve, reject });
      this.start().stdin.write(`${sha}\n`);
    });
  }

  close(): void {
    this.child?.stdin.end();
    this.child = undefined;
  }

  private start(): ChildProcessByStdio<Writable, Readable, null> {
    if (this.child) return this.child;
    const child = spawn('git', ['cat-file', '--batch-check'], { cwd: this.root, stdio: ['pipe', 'pipe', 'inherit'] });
    const fail = (reason: string) => {
      const error = new GitError(messages.gitFailed(['cat-file', '--batch-check'], reason), messages.gitFailedFix);
      for (const waiting of this.queue.splice(0)) waiting.reject(error);
    };
    child.on('error', (error) => fail(error.message));
    child.on('close', () => fail('ended early'));
    // A git that died closes the pipe under a pending write: 'close' reports it to every waiting read.
    child.stdin.on('error', () => {});
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      const lines = (this.rest + text).split('\n');
      this.rest = lines.pop() ?? '';
      for (const line of lines) {
        const size = /^\S+ \S+ (\d+)$/.exec(line)?.[1];
        this.queue.shift()?.resolve(size === undefined ? undefined : Number(size));
      }
    });
    this.child = child;
    return child;
  }
}

/** Object sizes and contents for one repository; `close()` ends both git processes. */
export class ObjectReader {
  private readonly sizes: SizeStream;
  private readonly contents: BlobStream;

  constructor(repo: Pick<Repository, 'root'>) {
    this.sizes = new SizeStream(repo.root);
    this.contents = new BlobStream(repo);
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
