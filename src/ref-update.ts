/**
 * Reading a pushed ref update the same way in every check. The pre-push source sets `kind`
 * (it asks git whether an update is a fast-forward); a Change built elsewhere, by a tool using
 * the library API, may not, and then the zero ids still tell creations and deletions apart.
 */
import type { RefUpdate, RefUpdateKind } from './types.js';

/** git's "no object" id: a ref that does not exist yet (create) or any more (delete). */
export function isZeroId(sha: string): boolean {
  return /^0+$/.test(sha);
}

export function kindOf(update: RefUpdate): RefUpdateKind {
  if (update.kind) return update.kind;
  if (isZeroId(update.localSha)) return 'delete';
  if (isZeroId(update.remoteSha)) return 'create';
  return 'update';
}
