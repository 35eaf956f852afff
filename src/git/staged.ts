/**
 * What a commit is about to record: the staged files, read from the index. Never the working
 * tree: a file edited after `git add` commits as it was added.
 */
import type { ChangedFile } from '../types.js';
import { createBlobReader, readBlobSizes } from './blobs.js';
import { EMPTY_TREE, parseAddedLines, parseRawDiff } from './diff.js';
import { git } from './exec.js';
import type { Repository } from './repo.js';

/** The commit the index is compared with: HEAD, or the empty tree before the first commit. */
function stagedBase(repo: Repository, hasHead: boolean): string {
  return hasHead ? 'HEAD' : EMPTY_TREE;
}

/**
 * Files the index adds, modifies, renames, copies or retypes relative to HEAD (deletions carry
 * nothing new and are left out). Sizes come from one `git cat-file --batch-check`, contents
 * from one `git cat-file --batch` when a check asks, and added line numbers from one
 * `git diff --cached -U0` when a check asks.
 */
export function getStagedFiles(repo: Repository, hasHead: boolean): ChangedFile[] {
  const base = stagedBase(repo, hasHead);
  const raw = git(['diff', '--cached', '--raw', '-z', '--no-abbrev', '-M', '--no-ext-diff', base, '--'], { cwd: repo.root }).stdout;
  const entries = parseRawDiff(raw).filter((entry) => entry.status !== 'D' && entry.blob && entry.mode !== '160000');
  if (entries.length === 0) return [];
  const sizes = readBlobSizes(repo, entries.map((entry) => entry.blob));
  const readBlob = createBlobReader(repo.root);
  let addedLines: Promise<Map<string, Set<number>>> | undefined;
  const readAddedLines = () =>
    (addedLines ??= Promise.resolve().then(() =>
      parseAddedLines(
        git(['diff', '--cached', '-U0', '--no-color', '--no-ext-diff', '-M', '--src-prefix=a/', '--dst-prefix=b/', base, '--'], { cwd: repo.root }).stdout,
      ),
    ));
  return entries.map((entry) => ({
    path: entry.path,
    status: entry.status,
    ...(entry.from !== undefined ? { from: entry.from } : {}),
    blob: entry.blob,
    size: sizes.get(entry.blob),
    readContent: () => readBlob(entry.blob),
    readAddedLines: async () => (await readAddedLines()).get(entry.path) ?? new Set<number>(),
  }));
}
