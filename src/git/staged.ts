/**
 * What a commit is about to record: the staged files, read from the index through the content
 * reader (one `git diff --cached`). Never the working tree: a file edited after `git add`
 * commits as it was added.
 */
import type { ChangedFile } from '../types.js';
import { createBlobReader, readBlobSizes } from './blobs.js';
import { EMPTY_TREE, fileOf, readIndexContent } from './content-reader.js';
import { LineRanges } from '../line-ranges.js';
import type { Repository } from './repo.js';

/** Every line of a blob, as git counts them (by LF bytes). */
function allLines(content: Buffer): LineRanges {
  let count = 0;
  for (let lf = content.indexOf(0x0a); lf !== -1; lf = content.indexOf(0x0a, lf + 1)) count++;
  if (content.length > 0 && content[content.length - 1] !== 0x0a) count++;
  return new LineRanges().add(1, count);
}

/**
 * Files the index adds, modifies, renames, copies or retypes relative to HEAD (the empty tree
 * before the first commit); deletions carry nothing new and are left out, gitlinks too. Sizes
 * come from one `git cat-file --batch-check`, contents from one `git cat-file --batch` and
 * added lines from one `git diff --cached -p` when a check asks: synchronous one-shot processes
 * are the cheapest in a hook.
 */
export function getStagedFiles(repo: Repository, hasHead: boolean): ChangedFile[] {
  const { entries, readAddedLines } = readIndexContent(repo, hasHead ? 'HEAD' : EMPTY_TREE);
  if (entries.length === 0) return [];
  const sizes = readBlobSizes(repo, entries.map((entry) => entry.blob));
  const readBlob = createBlobReader(repo.root);
  return entries.map((entry) => ({
    ...fileOf(entry, sizes.get(entry.blob), () => readBlob(entry.blob)),
    // An added file's lines are all new; the others' come from the lazy patch.
    readAddedLines: async () => (entry.status === 'A' ? allLines(await readBlob(entry.blob)) : (readAddedLines().get(entry.path) ?? new LineRanges())),
  }));
}
