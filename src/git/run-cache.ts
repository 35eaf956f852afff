/**
 * Answers git already gave during one run, so that the same question is not asked twice:
 * `verify` reads the config at the target's commit and at the change's, then the commitlint
 * config at both, then the range, and each of those used to ask for the same revisions, tree
 * entries and blobs again (17 git processes before reading any content, ~3 ms each).
 *
 * Scope: one Repository object, which `findRepository` makes afresh for every command run
 * (the cache dies with it; tests that build another repository object start empty). Keys:
 * - tree entries by (commit *object id*, path) and blobs by *object id*: what an object id
 *   names never changes, so a pull request that edits the config between two commits gets
 *   two different answers. Nothing is ever cached by a ref name or a path alone.
 * - revisions by their text (`origin/main`, `HEAD`, a sha): within one run a name means one
 *   commit, which also keeps the policy's commit and the range's the same commit.
 */
import type { TreeEntry } from './tree.js';

export interface RunCache {
  /** commit id → path → its entry, or null when the commit has no such path. */
  trees: Map<string, Map<string, TreeEntry | null>>;
  /** blob id → bytes (small blobs only: configs, manifests). */
  blobs: Map<string, Buffer>;
  blobBytes: number;
  /** revision text → the commit it names, or null when it names none. */
  commits: Map<string, string | null>;
  shallow?: boolean;
}

const caches = new WeakMap<object, RunCache>();

/** A full object id (SHA-1 or SHA-256): the only commit names tree answers are cached under. */
export const OBJECT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/** Blobs kept: configs and manifests are a few KB; content scanning goes through the object store. */
export const MAX_CACHED_BLOB = 1024 * 1024;
const MAX_CACHED_BYTES = 16 * 1024 * 1024;

export function runCache(repo: object): RunCache {
  let cache = caches.get(repo);
  if (!cache) {
    cache = { trees: new Map(), blobs: new Map(), blobBytes: 0, commits: new Map() };
    caches.set(repo, cache);
  }
  return cache;
}

/** Keeps `bytes` for `blob` when it is small and the run's budget allows. */
export function rememberBlob(cache: RunCache, blob: string, bytes: Buffer): void {
  if (!OBJECT_ID.test(blob) || bytes.length > MAX_CACHED_BLOB || cache.blobBytes + bytes.length > MAX_CACHED_BYTES) return;
  cache.blobs.set(blob, bytes);
  cache.blobBytes += bytes.length;
}
