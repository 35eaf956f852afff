/** ChangedFiles built from plain strings, for check tests that need no repository. */
import type { ChangedFile } from '../types.js';

export function changedFile(path: string, content: string | Buffer, options: Partial<ChangedFile> & { added?: number[] } = {}): ChangedFile {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  const { added, ...rest } = options;
  const all = new Set(Array.from({ length: bytes.toString('utf8').split('\n').length }, (_, i) => i + 1));
  return {
    path,
    status: added ? 'M' : 'A',
    size: bytes.length,
    readContent: async () => bytes,
    readAddedLines: async () => (added ? new Set(added) : all),
    ...rest,
  };
}
