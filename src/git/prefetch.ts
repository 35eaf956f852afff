/**
 * Asks git, through ONE `cat-file --batch-command` process, everything `verify` reads before
 * the range: the commits its revisions name (the change's head, the policy's base), and at
 * each of those commits the top-level files the policy may come from (the config's search
 * places, the commitlint config's, package.json) with their bytes. The answers go into the
 * run's cache (run-cache.ts), keyed by commit and blob id, where the synchronous readers
 * (resolveCommit, listTreeEntries, readBlob) find them: one process instead of one per
 * question. Anything not answered here (a nested path, a revision a line cannot carry) is
 * simply asked later by those readers, as before.
 *
 * A commit's top-level tree is read as git stores it (`contents <commit>^{tree}`): entries of
 *   <octal mode> SP <name> NUL <raw object id: 20 bytes (SHA-1) or 32 (SHA-256)>
 * e.g. `100644 package.json\0<20 bytes>`, `40000 src\0<20 bytes>` (a tree's mode has no leading 0).
 */
import { ObjectStore, type ObjectInfo } from './object-store.js';
import { MAX_CACHED_BLOB, OBJECT_ID, rememberBlob, runCache } from './run-cache.js';
import type { TreeEntry } from './tree.js';

/** Modes as `git ls-tree` prints them, with the type it prints beside each. */
const TYPES: Record<string, string> = { '040000': 'tree', '160000': 'commit' };

/**
 * @param revisions resolved first, each as `<revision>^{commit}`.
 * @param commitsToRead then says, from the cache, which commits' files to read (verify: the policy's base and the head).
 * @param topLevel the top-level names to look up at each.
 */
export async function prefetchCommitFiles(
  repo: object & { root: string },
  revisions: readonly string[],
  commitsToRead: () => (string | undefined)[],
  topLevel: readonly string[],
  early?: EarlyPrefetch,
): Promise<void> {
  const cache = runCache(repo);
  const store = early?.store ?? new ObjectStore(repo, { quiet: true });
  try {
    // Revisions: only those a protocol line carries as they are (no spaces, no line breaks).
    const asked = early ? early.asked : [...new Set(revisions)].filter((revision) => !cache.commits.has(revision) && askable(revision));
    const answers = early ? await early.answers : await Promise.all(asked.map((revision) => store.info(`${revision}^{commit}`)));
    asked.forEach((revision, index) => {
      const answer = answers[index];
      cache.commits.set(revision, answer?.type === 'commit' && OBJECT_ID.test(answer.oid) ? answer.oid : null);
    });
    if (topLevel.length === 0) return;
    const commits = [...new Set(commitsToRead())].filter((commit): commit is string => commit !== undefined && OBJECT_ID.test(commit) && !cache.trees.has(commit));
    const names = topLevel.filter((name) => name !== '' && !name.includes('/') && name !== '.' && name !== '..');
    const trees = await Promise.all(commits.map((commit) => store.read(`${commit}^{tree}`).then((bytes) => parseTree(bytes, commit.length / 2))));
    const wanted = new Set<string>();
    commits.forEach((commit, index) => {
      const entries = trees[index]!;
      const known = new Map<string, TreeEntry | null>();
      for (const name of names) {
        const entry = entries.get(name);
        known.set(name, entry ?? null);
        if (entry && entry.type === 'blob' && entry.mode !== '120000') wanted.add(entry.object);
      }
      cache.trees.set(commit, known);
    });
    const blobs = [...wanted].filter((blob) => !cache.blobs.has(blob));
    const sizes = await Promise.all(blobs.map((blob) => store.size(blob)));
    const small = blobs.filter((_, index) => (sizes[index] ?? Infinity) <= MAX_CACHED_BLOB);
    const contents = await Promise.all(small.map((blob) => store.read(blob)));
    small.forEach((blob, index) => rememberBlob(cache, blob, contents[index]!));
  } catch {
    // Only a shortcut: whatever it could not answer, the readers ask git themselves (and report its errors).
  } finally {
    store.close();
  }
}

const askable = (revision: string) => /^[^\s\0]+$/.test(revision);

/** The first question of {@link prefetchCommitFiles} (which commits the revisions name), already asked. */
export interface EarlyPrefetch {
  store: ObjectStore;
  asked: string[];
  answers: Promise<(ObjectInfo | undefined)[]>;
}

/**
 * Asks that first question before the repository is known: verify starts it ahead of
 * `findRepository`'s own git, so that cat-file starts and answers while rev-parse runs. git finds
 * the repository from `cwd` as rev-parse does. The answers are only a cache (as below): a store
 * that could not start leaves every reader asking git itself. `close()` the store if the run stops first.
 */
export function startRevisionPrefetch(cwd: string, revisions: readonly string[]): EarlyPrefetch {
  const store = new ObjectStore({ root: cwd }, { quiet: true });
  const asked = [...new Set(revisions)].filter(askable);
  const answers = Promise.all(asked.map((revision) => store.info(`${revision}^{commit}`)));
  // Awaited by prefetchCommitFiles; a run that stops before has no use for a failure.
  answers.catch(() => {});
  return { store, asked, answers };
}

/** A tree object's entries by name, as `git ls-tree` describes them. */
export function parseTree(bytes: Buffer, idBytes: number): Map<string, TreeEntry> {
  const entries = new Map<string, TreeEntry>();
  for (let at = 0; at < bytes.length; ) {
    const space = bytes.indexOf(0x20, at);
    const nul = bytes.indexOf(0, space + 1);
    if (space === -1 || nul === -1 || nul + 1 + idBytes > bytes.length) throw new Error('not a tree object');
    const mode = bytes.toString('latin1', at, space).padStart(6, '0');
    const name = bytes.toString('utf8', space + 1, nul);
    entries.set(name, { mode, type: TYPES[mode] ?? 'blob', object: bytes.toString('hex', nul + 1, nul + 1 + idBytes) });
    at = nul + 1 + idBytes;
  }
  return entries;
}
