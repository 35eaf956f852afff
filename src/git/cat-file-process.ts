/**
 * One long-lived `git cat-file --batch…` process, started on the first request: the plumbing
 * that the content reader (`blob-stream.ts`, `--batch`) and the size reader (`object-reader.ts`,
 * `--batch-check`) share. We write `<sha>\n` per request; git answers in order, so answers are
 * matched to requests by a queue. Subclasses parse git's output and settle the oldest request.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { GitError } from '../errors.js';
import { messages } from '../messages.js';

export interface Pending<T> {
  sha: string;
  resolve: (value: T) => void;
  reject: (error: Error) => void;
}

export abstract class CatFileProcess<T> {
  private child: ChildProcessByStdio<Writable, Readable, null> | undefined;
  protected readonly queue: Pending<T>[] = [];

  constructor(
    private readonly root: string,
    private readonly mode: '--batch' | '--batch-check',
  ) {}

  read(sha: string): Promise<T> {
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

  /** Handles a chunk of git's output, settling requests from the front of the queue. */
  protected abstract receive(chunk: Buffer): void;

  protected failure(reason: string): GitError {
    return new GitError(messages.gitFailed(['cat-file', this.mode], reason), messages.gitFailedFix);
  }

  private start(): ChildProcessByStdio<Writable, Readable, null> {
    if (this.child) return this.child;
    const child = spawn('git', ['cat-file', this.mode], { cwd: this.root, stdio: ['pipe', 'pipe', 'inherit'] });
    const failAll = (reason: string) => {
      const error = this.failure(reason);
      for (const waiting of this.queue.splice(0)) waiting.reject(error);
    };
    child.on('error', (error) => failAll(error.message));
    child.on('close', () => failAll('ended early'));
    // A git that died closes the pipe under a pending write: 'close' reports it to every waiting read.
    child.stdin.on('error', () => {});
    child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.child = child;
    return child;
  }
}
