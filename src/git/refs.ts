/**
 * Named questions about refs and ancestry, asked by the pre-commit and pre-push sources so that
 * the branch and tag checks never spawn git. Each answers for every ref update of a push in as
 * few git processes as it can.
 */
import { isZeroId } from '../ref-update.js';
import type { RefUpdate, RefUpdateKind } from '../types.js';
import { git } from './exec.js';
import { runCache } from './run-cache.js';
import type { Repository } from './repo.js';

/**
 * True when some branch already has a commit. Asked only on an unborn HEAD, where it tells the
 * repository's first commit (nothing to branch from yet) from `git switch --orphan`.
 * `git for-each-ref --count=1 --format=%(refname) refs/heads` prints at most one line:
 *   refs/heads/main
 */
export function hasAnyBranch(repo: Repository): boolean {
  const output = git(['for-each-ref', '--count=1', '--format=%(refname)', 'refs/heads'], { cwd: repo.root }).stdout;
  return output.trim() !== '';
}

/**
 * What each update does to the remote. Creations and deletions are read from the zero ids; an
 * update of a branch is a fast-forward when the remote's commit is an ancestor of the pushed one
 * (`git merge-base --is-ancestor`: exit 0 yes, 1 no, 128 when the remote's commit is not in this
 * clone, which git only lets through with --force). Moving an existing tag is always a force
 * update. One git process per branch update that is neither a creation nor a deletion: a push
 * rarely has more than a few.
 */
export function classifyRefUpdates(repo: Repository, updates: readonly RefUpdate[]): RefUpdate[] {
  return updates.map((update) => ({ ...update, kind: classify(repo, update) }));
}

function classify(repo: Repository, update: RefUpdate): RefUpdateKind {
  if (isZeroId(update.localSha)) return 'delete';
  if (isZeroId(update.remoteSha)) return 'create';
  if (update.localSha === update.remoteSha) return 'update';
  if (update.remoteRef.startsWith('refs/tags/')) return 'force';
  const result = git(['merge-base', '--is-ancestor', update.remoteSha, update.localSha], { cwd: repo.root, okCodes: [1, 128] });
  return result.status === 0 ? 'update' : 'force';
}

/**
 * Which of `objects` (commits or annotated tags) are contained in one of `tips`, in two git
 * processes whatever their number:
 *   `git rev-parse A^{commit} B^{commit}` peels each to its commit, one id per line;
 *   `git rev-list C1 C2 --not T1 T2` lists the commits reachable from some Ci but from no tip,
 * so Ci is contained in a tip exactly when it is absent from that list.
 */
export function containedInAny(repo: Repository, objects: readonly string[], tips: readonly string[]): Map<string, boolean> {
  const answers = new Map<string, boolean>();
  if (objects.length === 0) return answers;
  const unique = [...new Set(objects)];
  const commits = git(['rev-parse', ...unique.map((sha) => `${sha}^{commit}`)], { cwd: repo.root }).stdout.trim().split('\n');
  const outside = new Set(
    git(['rev-list', ...new Set(commits), '--not', ...tips, '--'], { cwd: repo.root }).stdout.trim().split('\n'),
  );
  unique.forEach((sha, index) => answers.set(sha, !outside.has(commits[index]!)));
  return answers;
}

/** `git rev-parse --is-shallow-repository` prints `true` or `false`: in a shallow clone, "not contained" may only mean "cut off". */
export function isShallowRepository(repo: Repository): boolean {
  const cache = runCache(repo);
  return (cache.shallow ??= git(['rev-parse', '--is-shallow-repository'], { cwd: repo.root }).stdout.trim() === 'true');
}

/**
 * Local branches and the given remote's tracking branches, as full ref names.
 * `git for-each-ref --format=%(refname) refs/heads refs/remotes/origin` prints one per line:
 *   refs/heads/main
 *   refs/remotes/origin/main-production
 */
export function listBranchRefs(repo: Repository, remote: string | undefined): string[] {
  const patterns = ['refs/heads'];
  // A push to a URL has no tracking branches; a remote name with a slash or space is not one either.
  if (remote && /^[\w.-]+$/.test(remote)) patterns.push(`refs/remotes/${remote}`);
  const output = git(['for-each-ref', '--format=%(refname)', ...patterns], { cwd: repo.root }).stdout;
  return output.split('\n').filter((ref) => ref !== '' && !ref.endsWith('/HEAD'));
}
