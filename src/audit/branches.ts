/**
 * The facts behind the "branch health" section: for every live branch that is not protected,
 * its last commit, whether a protected branch merged it, its base in the team workflow and how
 * far ahead of and behind that base it is.
 *
 * "Merged" means the tip is in a protected branch's history but not on its first-parent line:
 * it arrived through a merge. A branch just created from develop (its tip on develop's own
 * line) is therefore not "merged", and neither is a fast-forwarded or squash-merged one (git
 * cannot tell those from a branch with no work yet).
 */
import { baseBranchOf } from '../branch-base.js';
import { compileMatcher } from '../config/glob.js';
import type { McflowConfig } from '../config/types.js';
import { countAheadBehind, firstParentChain, refsMergedInto } from '../git/audit.js';
import type { Repository } from '../git/repo.js';
import type { BranchState } from '../types.js';
import type { AuditScope } from './scope.js';

/** Ahead/behind costs one git process per branch on this git: ask for the most recent ones only. */
export const AHEAD_BEHIND_LIMIT = 200;

export async function collectBranches(
  repo: Repository,
  scope: AuditScope,
  config: Omit<McflowConfig, 'extends'>,
): Promise<{ branches: BranchState[]; truncated: boolean }> {
  const isProtected = compileMatcher(config.branches?.protected ?? []);
  const live = [...scope.branches]
    .filter(([name]) => !isProtected(name))
    .map(([name, entry]): BranchState => ({ name, ref: entry.ref, sha: entry.commit!, lastCommit: entry.date ?? '' }))
    .sort((a, b) => Date.parse(b.lastCommit) - Date.parse(a.lastCommit) || a.name.localeCompare(b.name));
  if (live.length === 0) return { branches: [], truncated: false };

  // Asked concurrently (a few git processes at a time): the history scan runs meanwhile.
  const targets = await Promise.all(
    [...scope.protectedTips].map(async ([target, tip]) => {
      const [merged, ownLine] = await Promise.all([refsMergedInto(repo, tip, ['refs/heads', 'refs/remotes']), firstParentChain(repo, tip)]);
      return { target, merged, ownLine };
    }),
  );
  for (const { target, merged, ownLine } of targets) {
    for (const branch of live) {
      if (branch.mergedInto || !merged.has(branch.ref)) continue;
      if (!ownLine.has(branch.sha)) branch.mergedInto = target;
    }
  }
  const exists = (name: string) => scope.branches.has(name);
  const counted: { branch: BranchState; base: string }[] = [];
  let asked = 0;
  for (const branch of live) {
    if (branch.mergedInto) continue;
    const base = baseBranchOf(branch.name, exists);
    const baseEntry = scope.branches.get(base);
    if (!baseEntry) continue;
    branch.base = base;
    if (asked++ < AHEAD_BEHIND_LIMIT) counted.push({ branch, base: baseEntry.commit! });
  }
  for (let i = 0; i < counted.length; i += 4) {
    await Promise.all(counted.slice(i, i + 4).map(async ({ branch, base }) => Object.assign(branch, await countAheadBehind(repo, base, branch.sha))));
  }
  return { branches: live, truncated: asked > AHEAD_BEHIND_LIMIT };
}
