/**
 * Reads blob contents from the object database (never the working tree) through
 * `git cat-file --batch`. Requests made before the event loop turns are answered by one git process, so
 * a check that reads 500 staged files costs one spawn, not 500.
 */
import { git } from './exec.js';
import type { Repository } from './repo.js';

export type BlobReader = (blob: string) => Promise<Buffer>;

/**
 * Parses `git cat-file --batch` output: for each object a header line
 * `<sha> blob <size>\n`, then exactly <size> bytes, then `\n`; `<sha> missing\n` when absent.
 */
export function parseCatFileBatch(output: Buffer): Map<string, Buffer> {
  const blobs = new Map<string, Buffer>();
  let offset = 0;
  while (offset < output.length) {
    const end = output.indexOf(10, offset);
    if (end === -1) break;
    const header = output.subarray(offset, end).toString('utf8');
    const [sha, type, size] = header.split(' ');
    offset = end + 1;
    if (type === 'missing' || size === undefined) continue;
    const length = Number(size);
    blobs.set(sha!, output.subarray(offset, offset + length));
    offset += length + 1;
  }
  return blobs;
}

/** Every blob's content in one synchronous `git cat-file --batch` (missing ones are absent). */
export function readBlobsAtOnce(root: string, blobs: readonly string[]): Map<string, Buffer> {
  const { stdoutBuffer } = git(['cat-file', '--batch'], { cwd: root, input: `${[...new Set(blobs)].join('\n')}\n`, binary: true });
  return parseCatFileBatch(stdoutBuffer!);
}

export function createBlobReader(root: string): BlobReader {
  let pending: { blob: string; resolve: (data: Buffer) => void; reject: (error: unknown) => void }[] = [];
  const flush = () => {
    const batch = pending;
    pending = [];
    try {
      const unique = [...new Set(batch.map((request) => request.blob))];
      const { stdoutBuffer } = git(['cat-file', '--batch'], { cwd: root, input: `${unique.join('\n')}\n`, binary: true });
      const blobs = parseCatFileBatch(stdoutBuffer!);
      for (const request of batch) request.resolve(blobs.get(request.blob) ?? Buffer.alloc(0));
    } catch (error) {
      for (const request of batch) request.reject(error);
    }
  };
  return (blob) =>
    new Promise((resolve, reject) => {
      // setImmediate rather than a microtask: requests made across a few awaits still share one process.
      if (pending.length === 0) setImmediate(flush);
      pending.push({ blob, resolve, reject });
    });
}

/**
 * Sizes of many blobs in one process, without reading them. `git cat-file --batch-check`
 * prints `<sha> <type> <size>` per object:
 *   3b18e512dba79e4c8300dd08aeb37f8e728b8dad blob 12
 */
export function readBlobSizes(repo: Pick<Repository, 'root'>, blobs: readonly string[]): Map<string, number> {
  const output = git(['cat-file', '--batch-check'], { cwd: repo.root, input: `${[...new Set(blobs)].join('\n')}\n` }).stdout;
  const sizes = new Map<string, number>();
  for (const line of output.split('\n')) {
    const [sha, , size] = line.split(' ');
    if (sha && size) sizes.set(sha, Number(size));
  }
  return sizes;
}
