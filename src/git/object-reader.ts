/**
 * Sizes and contents of many objects through two long-lived git processes, each started on
 * first use and asked asynchronously: while git answers, the event loop keeps reading the
 * audit's history stream, so the two overlap. Contents come from verify's {@link BlobStream}
 * (`git cat-file --batch`); sizes from `git cat-file --batch-check`, which answers one line
 * per object: `<sha> <type> <size>\n`, or `<sha> missing\n`.
 */
import { BlobStream } from './blob-stream.js';
import { CatFileProcess } from './cat-file-process.js';
import type { Repository } from './repo.js';

class SizeStream extends CatFileProcess<number | undefined> {
  private rest = '';

  constructor(root: string) {
    super(root, '--batch-check');
  }

  protected receive(chunk: Buffer): void {
    const lines = (this.rest + chunk.toString('utf8')).split('\n');
    this.rest = lines.pop() ?? '';
    for (const line of lines) {
      const size = /^\S+ \S+ (\d+)$/.exec(line)?.[1];
      this.queue.shift()?.resolve(size === undefined ? undefined : Number(size));
    }
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
