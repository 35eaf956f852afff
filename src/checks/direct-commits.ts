/**
 * direct-commits: on a push to a protected branch (verify), or anywhere in its history (audit),
 * every commit on the branch's own (first-parent) line arrived through a pull request: a merge
 * commit, a squash merge with GitHub's `(#123)` / GitLab's `See merge request` trailer, or an
 * allowed bot.
 *
 * Why: protected branches change through reviewed pull requests only; a direct commit skipped
 * review and CI (`git push --no-verify` or an admin override gets here).
 *
 * Config: `branches.protected` names the branches; `pullRequests.bots` the allowed authors.
 */
import { compileMatcher } from '../config/glob.js';
import { messages } from '../messages.js';
import type { Check } from './check.js';
import type { CommitInfo } from '../types.js';

const text = messages.directCommits;
const SQUASH_SUFFIX = /\(#\d+\)\s*$/;

export function cameThroughPullRequest(commit: CommitInfo, bots: readonly string[], message?: string): boolean {
  if (commit.parents.length > 1) return true;
  if (SQUASH_SUFFIX.test(commit.subject)) return true;
  if (message && /^See merge request \S+!\d+$/m.test(message)) return true;
  return bots.includes(commit.author.name) || bots.includes(commit.author.email);
}

export const directCommits: Check = {
  id: 'direct-commits',
  why: text.why,
  run(change, context) {
    const branch = change.branch;
    if ((context.stage !== 'audit' && change.ci?.event !== 'push') || !branch) return [];
    if (!compileMatcher(context.config.branches?.protected ?? [])(branch)) return [];
    const bots = context.config.pullRequests?.bots ?? [];
    const messageOf = new Map((change.messages ?? []).map((message) => [message.commit, message.text]));
    return (change.commits ?? [])
      .filter((commit) => commit.firstParent && !cameThroughPullRequest(commit, bots, messageOf.get(commit.sha)))
      .map((commit) => ({ message: text.problem(branch, commit.subject), commit: commit.sha, ref: `refs/heads/${branch}`, fix: text.fix(branch) }));
  },
};
