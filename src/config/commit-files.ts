/**
 * Loading code as a commit records it, away from the work tree. In CI the work tree is the pull
 * request's: a config the target branch trusts must not pick up the change's version of a file it
 * imports (`require('./policy/helper.cjs')`). The commit's files are written to a fresh directory
 * and loaded from there; a local file the load misses is read from the same commit and the load
 * starts over in a new directory (Node caches a failed ES import per path).
 * Used by the target branch's mcflow config (src/config/at-commit.ts) and commitlint config
 * (src/ci/commitlint-base.ts).
 */
import path from 'node:path';
import { listTreeEntries, readBlob } from '../git/tree.js';
import type { Repository } from '../git/repo.js';
import type { TreeEntry } from '../git/tree.js';

/** Local files a config may pull in before we call it a loop. */
export const MAX_LOCAL_FILES = 50;

export function isRegularFile(entry: TreeEntry): boolean {
  return entry.type === 'blob' && (entry.mode === '100644' || entry.mode === '100755');
}

/**
 * The repository path (posix) of a local module the load could not find, when it is one: Node's
 * `Cannot find module '/tmp/dir/x.mjs' imported from …` (ES), `Cannot find module './x'` with
 * `Require stack: - /tmp/dir/a.cjs` (require), or a relative `extends` of the config itself.
 */
export function missingLocalFile(message: string, dir: string): string | undefined {
  const specifier = /Cannot find (?:module|package) ["']([^"']+)["']/.exec(message)?.[1];
  if (!specifier) return undefined;
  let absolute: string;
  if (path.isAbsolute(specifier)) absolute = specifier;
  else if (/^\.{1,2}\//.test(specifier)) {
    const referrer = /imported from (\S+)/.exec(message)?.[1] ?? /Require stack:\n\s*- ([^\n]+)/.exec(message)?.[1];
    absolute = path.resolve(referrer && path.isAbsolute(referrer) ? path.dirname(referrer) : dir, specifier);
  } else return undefined;
  const relative = path.relative(dir, absolute);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep).join('/');
}

/** The commit's file for a module path as Node would resolve it (with or without an extension, or a directory's index). */
export function findLocalFile(repo: Repository, commit: string, wanted: string, have: ReadonlyMap<string, Buffer>): { file: string; content: Buffer } | undefined {
  if (wanted.split('/').includes('node_modules')) return undefined;
  const candidates = [wanted, ...LOCAL_EXTENSIONS.map((extension) => `${wanted}${extension}`), ...LOCAL_EXTENSIONS.map((extension) => `${wanted}/index${extension}`)];
  const entries = listTreeEntries(repo, commit, candidates);
  for (const file of candidates) {
    const entry = entries.get(file);
    if (entry && isRegularFile(entry) && !have.has(file)) return { file, content: readBlob(repo, entry.object) };
  }
  return undefined;
}

const LOCAL_EXTENSIONS = ['.js', '.cjs', '.mjs', '.json', '.ts', '.cts', '.mts'];

/**
 * A TypeScript config goes through jiti, which keeps transpiled files in node_modules/.cache/jiti
 * and reuses one whose recorded hash matches: nothing of the checkout's (the change's) is
 * reused, and nothing is left there for a copy that is deleted right after.
 */
export async function withoutJitiCache<T>(load: () => Promise<T>): Promise<T> {
  const saved = process.env.JITI_FS_CACHE;
  process.env.JITI_FS_CACHE = 'false';
  try {
    return await load();
  } finally {
    if (saved === undefined) delete process.env.JITI_FS_CACHE;
    else process.env.JITI_FS_CACHE = saved;
  }
}
