/**
 * Questions about commits rather than the index: which commits a push would give the remote,
 * and what files and lines those commits add. Everything is read in bulk (one `rev-list`, one
 * `diff-tree --stdin` for the file list, one for the patches, one `cat-file` each for sizes and
 * contents), never one process per commit. `verify` reads a PR's range with the same
 * {@link getFilesAddedByCommits}.
 */
import type { ChangedFile } from '../types.js';
import { createBlobReader, readBlobSizes } from './blobs.js';
import { parseAddedLines, type RawEntry } from './diff.js';
import { git } from './exec.js';
import type { Repository } from './repo.js';

/** How many commits a push scan reads before it stops and says so. */
export const UNPUSHED_COMMIT_LIMIT = 1000;

const OBJECT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const ZERO = /^0+$/;

/**
 * Commits reachable from `tips` that no remote-tracking ref has, newest first, at most `limit`:
 * `git rev-list --max-count=<limit + 1> <tips…> --not --remotes` prints one sha per line.
 */
export function listUnpushedCommits(
  repo: Pick<Repository, 'root'>,
  tips: readonly string[],
  limit = UNPUSHED_COMMIT_LIMIT,
): { commits: string[]; truncated: boolean } {
  const wanted = tips.filter((sha) => OBJECT_ID.test(sha) && !ZERO.test(sha));
  if (wanted.length === 0) return { commits: [], truncated: false };
  const output = git(['rev-list', `--max-count=${limit + 1}`, ...wanted, '--not', '--remotes'], { cwd: repo.root }).stdout;
  const commits = output.split('\n').filter(Boolean);
  return { commits: commits.slice(0, limit), truncated: commits.length > limit };
}

/**
 * Parses `git diff-tree --stdin -r -z --raw --no-abbrev -M --root`: each commit's sha, then its
 * raw entries, all NUL-terminated:
 *   <commit sha>\0:000000 100644 <0…> <blob> A\0path\0:100644 100644 <a> <b> R090\0old\0new\0<next sha>\0…
 */
export function parseDiffTreeRaw(output: string): Map<string, RawEntry[]> {
  const byCommit = new Map<string, RawEntry[]>();
  const fields = output.split('\0');
  let current: RawEntry[] | undefined;
  for (let i = 0; i < fields.length; ) {
    const field = fields[i++]!;
    if (field === '') continue;
    const header = /^:(\d{6}) (\d{6}) ([0-9a-f]+) ([0-9a-f]+) ([A-Z])\d*$/.exec(field);
    if (!header) {
      if (!OBJECT_ID.test(field)) throw new Error(`unexpected git diff-tree entry: ${JSON.stringify(field)}`);
      current = [];
      byCommit.set(field, current);
      continue;
    }
    const [, , mode, , blob, letter] = header as unknown as string[];
    const status = letter as ChangedFile['status'];
    const from = status === 'R' || status === 'C' ? fields[i++] : undefined;
    const path = fields[i++]!;
    current?.push({ status, path, blob: ZERO.test(blob!) ? '' : blob!, mode: mode!, ...(from !== undefined ? { from } : {}) });
  }
  return byCommit;
}

/** Splits `git diff-tree --stdin -p` output at the bare sha line that starts each commit. */
export function splitPatchesByCommit(output: string): Map<string, string> {
  const patches = new Map<string, string>();
  let sha: string | undefined;
  let start = 0;
  const lines = output.split('\n');
  lines.forEach((line, index) => {
    if (!OBJECT_ID.test(line)) return;
    if (sha) patches.set(sha, lines.slice(start, index).join('\n'));
    sha = line;
    start = index + 1;
  });
  if (sha) patches.set(sha, lines.slice(start).join('\n'));
  return patches;
}

/**
 * The files each commit adds or changes (not deletions, not submodules), as ChangedFiles tied
 * to their commit: sizes up front, contents and added lines on request. Merge commits are left
 * out (their content arrives through the commits they merge).
 */
export function getFilesAddedByCommits(repo: Pick<Repository, 'root'>, commits: readonly string[]): ChangedFile[] {
  if (commits.length === 0) return [];
  const input = `${commits.join('\n')}\n`;
  const raw = git(['diff-tree', '--stdin', '-r', '-z', '--raw', '--no-abbrev', '-M', '--root', '--no-ext-diff'], { cwd: repo.root, input }).stdout;
  const byCommit = parseDiffTreeRaw(raw);
  const entries = [...byCommit].flatMap(([commit, list]) =>
    list.filter((entry) => entry.status !== 'D' && entry.blob && entry.mode !== '160000').map((entry) => ({ commit, entry })),
  );
  if (entries.length === 0) return [];
  const sizes = readBlobSizes(repo, entries.map(({ entry }) => entry.blob));
  const readBlob = createBlobReader(repo.root);
  let added: Promise<Map<string, Map<string, Set<number>>>> | undefined;
  const readAdded = () =>
    (added ??= Promise.resolve().then(() => {
      const patch = git(
        ['diff-tree', '--stdin', '-r', '-p', '-U0', '-M', '--root', '--no-color', '--no-ext-diff', '--src-prefix=a/', '--dst-prefix=b/'],
        { cwd: repo.root, input },
      ).stdout;
      return new Map([...splitPatchesByCommit(patch)].map(([commit, text]) => [commit, parseAddedLines(text)]));
    }));
  return entries.map(({ commit, entry }) => ({
    path: entry.path,
    status: entry.status,
    ...(entry.from !== undefined ? { from: entry.from } : {}),
    blob: entry.blob,
    size: sizes.get(entry.blob),
    commit,
    readContent: () => readBlob(entry.blob),
    readAddedLines: async () => (await readAdded()).get(commit)?.get(entry.path) ?? new Set<number>(),
  }));
}
