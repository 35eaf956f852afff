import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { directCommits } from './direct-commits.js';
import type { CheckContext } from './check.js';
import type { Change, CommitInfo } from '../types.js';

const context: CheckContext = {
  config: { branches: { protected: ['main', 'develop'] }, pullRequests: { bots: ['dependabot[bot]'] } },
  stage: 'verify',
};
const commit = (sha: string, subject: string, extra: Partial<CommitInfo> = {}): CommitInfo => ({
  sha,
  parents: ['p'],
  author: { name: 'Ann', email: 'ann@example.com' },
  subject,
  firstParent: true,
  ...extra,
});
const run = (branch: string, commits: CommitInfo[], event: 'push' | 'pull-request' = 'push') =>
  directCommits.run(
    { stage: 'verify', branch, commits, messages: commits.map((c) => ({ text: c.subject, commit: c.sha })), ci: { provider: 'github', event } } satisfies Change,
    context,
  ) as { commit?: string; message: string }[];

describe('direct-commits', () => {
  it('reports a first-parent commit that came without a pull request', () => {
    const problems = run('main', [commit('a1', 'fix: hot edit')]);
    assert.deepEqual(problems.map((p) => p.commit), ['a1']);
    assert.equal(problems[0]!.message, 'Commit "fix: hot edit" reached main without a pull request');
  });

  it('accepts merge commits, squash merges, GitLab merge trailers and allowed bots', () => {
    const commits = [
      commit('m', "Merge pull request #4 from acme/feature/x", { parents: ['p', 'q'] }),
      commit('s', 'feat: add login (#12)'),
      commit('b', 'chore(deps): bump x', { author: { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' } }),
      commit('side', 'wip', { firstParent: false }),
    ];
    assert.deepEqual(run('develop', commits), []);
    const gitlab = commit('g', 'feat: add x');
    assert.deepEqual(
      directCommits.run(
        { stage: 'verify', branch: 'main', commits: [gitlab], messages: [{ commit: 'g', text: 'feat: add x\n\nSee merge request acme/app!42' }], ci: { provider: 'gitlab', event: 'push' } },
        context,
      ),
      [],
    );
  });

  it('ignores unprotected branches and pull requests', () => {
    assert.deepEqual(run('feature/x', [commit('a', 'x')]), []);
    assert.deepEqual(run('main', [commit('a', 'x')], 'pull-request'), []);
  });
});
