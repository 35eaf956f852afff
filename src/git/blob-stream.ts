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
import type { Repository } from './repo.js';
import { CatFileProcess } from './cat-file-process.js';

export class BlobStream extends CatFileProcess<Buffer> {
  private buffer: Buffer = Buffer.alloc(0);
  /** Bytes of the current answer's body still expected (plus its trailing newline). */
  private expected = -1;
  private readonly chunks: Buffer[] = [];
  private received = 0;

  constructor(repo: Pick<Repository, 'root'>) {
    super(repo.root, '--batch');
  }

  protected receive(chunk: Buffer): void {
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
          waiting?.reject(this.failure(`${waiting.sha}: ${header}`));
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
}
