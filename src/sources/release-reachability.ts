/**
 * Whether a pushed release tag sits on a production branch: asked by both ref-update sources
 * (pre-push, and verify's range for a tag push), answered here once so neither source reaches
 * into the other. The tag-name check reads the answer from the Change; it never asks git.
 */
import { GitError } from '../errors.js';
import { compileMatcher } from '../config/glob.js';
import { containedInAny, isShallowRepository, listBranchRefs } from '../git/refs.js';
import type { Repository } from '../git/repo.js';
import { isReleaseTag } from '../release-tag.js';
import type { RefUpdate } from '../types.js';

/**
 * Marks each pushed release tag with whether a production branch contains its commit. Local
 * branches and the remote's tracking branches both count; with neither in this clone the
 * answer is 'unknown'. Costs nothing unless the push carries a release tag.
 */
export function addProductionReachability(
  repo: Repository,
  updates: RefUpdate[],
  production: readonly string[],
  remote: string | undefined,
): RefUpdate[] {
  const isReleaseUpdate = (update: RefUpdate) =>
    update.kind !== 'delete' && update.remoteRef.startsWith('refs/tags/') && isReleaseTag(update.remoteRef.slice('refs/tags/'.length));
  if (production.length === 0 || !updates.some(isReleaseUpdate)) return updates;
  const isProduction = compileMatcher(production);
  const trackingPrefix = `refs/remotes/${remote}/`;
  const tips = listBranchRefs(repo, remote).filter((ref) => {
    const short = ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : ref.slice(trackingPrefix.length);
    return isProduction(short);
  });
  const answers = tips.length > 0 ? askContainment(repo, updates.filter(isReleaseUpdate).map((u) => u.localSha), tips) : undefined;
  // A shallow clone may lack the history that links a tag to production: "no" there means "cannot tell".
  const shallow = answers !== undefined && [...answers.values()].includes(false) && isShallowRepository(repo);
  return updates.map((update) => {
    if (!isReleaseUpdate(update)) return update;
    const answer = answers?.get(update.localSha);
    return { ...update, reachableFromProduction: answer === undefined || (answer === false && shallow) ? 'unknown' : answer };
  });
}

/** containedInAny, with "cannot tell" for a tag git cannot peel to a commit (a tag of a tree or blob). */
function askContainment(repo: Repository, objects: string[], tips: string[]): Map<string, boolean> | undefined {
  try {
    return containedInAny(repo, objects, tips);
  } catch (error) {
    if (error instanceof GitError) return undefined;
    throw error;
  }
}
