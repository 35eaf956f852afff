/**
 * protected-branch: nobody commits or pushes straight to a protected branch.
 *
 * Why: protected branches change only through reviewed pull requests with passing CI; a force
 * push or a deletion rewrites what everyone else builds on.
 *
 * pre-commit refuses a commit on a protected branch, except the repository's very first commit
 * and a commit that concludes a merge or rebase already in progress; a detached HEAD is on no
 * branch. pre-push decides from the ref updates git hands the hook, never from the current
 * branch: updating, force-updating or deleting a protected branch is refused (creating one, as
 * when a repository is first pushed, is not), and a force push to any other branch is
 * `branches.forcePush` ("warning" by default). Release automation may update (never force or
 * delete) the protected branches listed in MCFLOW_ALLOW_PUSH; each such update is reported.
 *   { "branches": { "protected": ["main", "develop", "release/*"], "forcePush": "warning" } }
 */
import { compileMatcher } from '../config/glob.js';
import { DEFAULTS } from '../config/defaults.js';
import { messages } from '../messages.js';
import type { Change, Problem, RefUpdate } from '../types.js';
import type { Check, CheckContext } from './check.js';
import { kindOf } from '../ref-update.js';

const text = messages.protectedBranch;
const BRANCH_PREFIX = 'refs/heads/';

export const protectedBranch: Check = {
  id: 'protected-branch',
  why: text.why,
  run(change, context) {
    const isProtected = compileMatcher(context.config.branches?.protected ?? []);
    if (change.stage === 'pre-commit') return checkCommit(change, isProtected);
    if (change.stage === 'pre-merge-commit') return checkMerge(change, isProtected);
    return (change.refUpdates ?? []).flatMap((update) => checkPush(update, change, context, isProtected));
  },
};

function checkCommit(change: Change, isProtected: (name: string) => boolean): Problem[] {
  const { branch, repo } = change;
  if (branch === undefined || !isProtected(branch)) return [];
  // The merge or rebase was decided already; concluding it is not new work on the branch.
  if (repo?.operation === 'merge' || repo?.operation === 'rebase') return [];
  if (repo?.firstCommit) return [];
  return [{ message: text.commitOn(branch), ref: `${BRANCH_PREFIX}${branch}`, fix: text.commitFix }];
}

/** A local `git merge` about to record a merge commit on a protected branch: merges arrive through pull requests. */
function checkMerge(change: Change, isProtected: (name: string) => boolean): Problem[] {
  const { branch } = change;
  if (branch === undefined || !isProtected(branch)) return [];
  return [{ message: text.mergeOn(branch), ref: `${BRANCH_PREFIX}${branch}`, fix: text.mergeFix(branch) }];
}

function checkPush(update: RefUpdate, change: Change, context: CheckContext, isProtected: (name: string) => boolean): Problem[] {
  if (!update.remoteRef.startsWith(BRANCH_PREFIX)) return [];
  const branch = update.remoteRef.slice(BRANCH_PREFIX.length);
  const remote = change.remote?.name ?? 'origin';
  const kind = kindOf(update);
  const where = { ref: update.remoteRef, commit: kind === 'delete' ? update.remoteSha : update.localSha };
  if (!isProtected(branch)) {
    const level = context.config.branches?.forcePush ?? DEFAULTS.forcePush;
    if (kind !== 'force' || level === 'off') return [];
    return [{ severity: level, message: text.forcePush(branch, remote), ...where, fix: text.forcePushFix(branch) }];
  }
  if (kind === 'create') return [];
  const allowList = change.allowPush ?? [];
  if (kind === 'update' && allowList.length > 0 && compileMatcher(allowList)(branch)) {
    // The escape hatch is explicit and visible: a warning names the variable on every use.
    return [{ severity: 'warning', message: text.allowedByEnv(branch, remote, allowList.join(',')), ...where, fix: text.allowedByEnvFix }];
  }
  return [{ message: text.push(kind, branch, remote), ...where, fix: text.pushFix(kind, branch, remote) }];
}
