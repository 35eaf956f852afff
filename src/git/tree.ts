/**
 * Files as a commit records them, without checking the commit out: what `verify` reads the
 * target branch's policy from. Nothing here looks at the work tree, the index or
 * .gitattributes (no textconv, no filters): the bytes are the blob's.
 */
import type { Repository } from './repo.js';
import { git } from './exec.js';
import { OBJECT_ID, rememberBlob, runCache } from './run-cache.js';

export interface TreeEntry {
  /** `100644`, `100755` (files), `120000` (a symlink), `160000` (a submodule), `040000` (a tree). */
  mode: string;
  type: string;
  object: string;
}

/**
 * Which of `paths` (relative to the top of the work tree) exist in `commit`, and as what.
 * `git ls-tree -z --full-tree <commit> -- <paths>` prints one entry per path found:
 *   100644 blob 587be6b4c3f93f93c489c0111bba5596147a26cb\t.mcflowrc.json\0
 * `--literal-pathspecs`: a directory name with `*` or `:(` in it is a name, not a pattern.
 */
export function listTreeEntries(repo: Pick<Repository, 'root'>, commit: string, paths: readonly string[]): Map<string, TreeEntry> {
  const entries = new Map<string, TreeEntry>();
  if (paths.length === 0) return entries;
  // Asked before for this commit id (verify reads the config, then the commitlint config, at the same commits).
  const cacheable = OBJECT_ID.test(commit) && paths.every(isPlainPath);
  const known = cacheable ? runCache(repo).trees.get(commit) : undefined;
  if (known && paths.every((file) => known.has(file))) {
    for (const file of paths) {
      const entry = known.get(file);
      if (entry) entries.set(file, entry);
    }
    return entries;
  }
  const { stdout } = git(['--literal-pathspecs', 'ls-tree', '-z', '--full-tree', commit, '--', ...paths], { cwd: repo.root });
  for (const record of stdout.split('\0')) {
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [mode, type, object] = record.slice(0, tab).split(' ');
    if (mode && type && object) entries.set(record.slice(tab + 1), { mode, type, object });
  }
  if (cacheable) {
    const trees = runCache(repo).trees;
    const answers = trees.get(commit) ?? new Map<string, TreeEntry | null>();
    trees.set(commit, answers);
    for (const file of paths) answers.set(file, entries.get(file) ?? null);
  }
  return entries;
}

/**
 * A path whose ls-tree answer is exactly its own entry or nothing: no empty or `.`/`..`
 * segment, no trailing slash (`dir/` lists the directory's children instead).
 */
function isPlainPath(file: string): boolean {
  return file.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

/** A blob's bytes (`git cat-file blob <sha>`): never a textconv'd or filtered version. */
export function readBlob(repo: Pick<Repository, 'root'>, blob: string): Buffer {
  const cache = runCache(repo);
  const known = cache.blobs.get(blob);
  if (known) return Buffer.from(known);
  const bytes = git(['cat-file', 'blob', blob], { cwd: repo.root, binary: true }).stdoutBuffer!;
  rememberBlob(cache, blob, Buffer.from(bytes));
  return bytes;
}

/**
 * True when a file under `paths` in `commit` contains `text` (fixed string). One
 * `git grep -l -F` over the commit's tree: exit 1 means "no match". `--no-textconv` and no
 * work tree: the commit's bytes decide.
 */
export function treeContains(repo: Pick<Repository, 'root'>, commit: string, text: string, paths: readonly string[]): boolean {
  const result = git(['--literal-pathspecs', 'grep', '-l', '-F', '--no-textconv', '-e', text, commit, '--', ...paths], {
    cwd: repo.root,
    okCodes: [1],
  });
  return result.status === 0 && result.stdout.length > 0;
}


/** A blob a pushed ref brings outside any commit: its path in the tree, or the ref's name. */
export interface LooseBlob {
  path: string;
  mode: string;
  blob: string;
}

/**
 * The blobs that pushed tips bring without a commit: a tag (or any ref) may point at a tree or a
 * blob, which `git log` skips without a word, yet the push sends it. One
 * `git cat-file --batch-check` peels every tip (`<sha>^{}`) and names its type:
 *   4f1c… blob
 *   9a2b… tree
 *   3e7d… commit
 * then `git ls-tree -r -z --full-tree <tree>` lists a tree's files (`100644 blob <sha>\t<path>\0`).
 */
export function readLooseBlobs(repo: Pick<Repository, 'root'>, tips: readonly { ref: string; sha: string }[]): LooseBlob[] {
  if (tips.length === 0) return [];
  const types = git(['cat-file', '--batch-check=%(objectname) %(objecttype)'], { cwd: repo.root, input: tips.map((tip) => `${tip.sha}^{}\n`).join('') })
    .stdout.split('\n')
    .slice(0, tips.length);
  const blobs: LooseBlob[] = [];
  tips.forEach((tip, index) => {
    const [object, type] = (types[index] ?? '').split(' ');
    if (!object) return;
    if (type === 'blob') blobs.push({ path: tip.ref, mode: '100644', blob: object });
    if (type !== 'tree') return;
    const { stdout } = git(['ls-tree', '-r', '-z', '--full-tree', object], { cwd: repo.root });
    for (const record of stdout.split('\0')) {
      const tab = record.indexOf('\t');
      const [mode, kind, sha] = record.slice(0, Math.max(tab, 0)).split(' ');
      if (kind === 'blob' && mode && sha) blobs.push({ path: record.slice(tab + 1), mode, blob: sha });
    }
  });
  return blobs;
}
