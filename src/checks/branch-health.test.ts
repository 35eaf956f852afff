import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CheckContext } from './check.js';
import { branchHealth } from './branch-health.js';
import type { BranchState } from '../types.js';

const NOW = Date.parse('2026-03-01T00:00:00Z');
const branch = (name: string, lastCommit: string, extra: Partial<BranchState> = {}): BranchState => ({
  name,
  ref: `refs/heads/${name}`,
  sha: 'a'.repeat(40),
  lastCommit,
  ...extra,
});
const config: CheckContext['config'] = { branches: { protected: ['main', 'develop'] } };
const run = (branches: BranchState[], extra: CheckContext['config'] = {}) =>
  Promise.resolve(branchHealth.run({ stage: 'audit', branches, now: NOW }, { config: { ...config, ...extra }, stage: 'audit' }));

describe('branch-health', () => {
  it('warns about branches with no commit for 30 days, never about protected ones', async () => {
    const problems = await run([
      branch('feature/old', '2026-01-15T10:00:00Z'),
      branch('feature/fresh', '2026-02-20T10:00:00Z'),
      branch('develop', '2025-01-01T00:00:00Z'),
    ]);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.severity, 'warning');
    assert.match(problems[0]!.message, /"feature\/old" has had no commit for 44 days \(last 2026-01-15\)/);
    assert.match(problems[0]!.fix!, /git branch -D feature\/old/);
  });

  it('reads audit.staleAfterDays', async () => {
    const problems = await run([branch('feature/fresh', '2026-02-20T10:00:00Z')], { audit: { staleAfterDays: 7 } });
    assert.equal(problems.length, 1);
  });

  it('reports a merged branch once, as merged, with the remote deletion for a remote branch', async () => {
    const problems = await run([branch('feature/done', '2025-12-01T00:00:00Z', { ref: 'refs/remotes/origin/feature/done', mergedInto: 'develop' })]);
    assert.equal(problems.length, 1);
    assert.match(problems[0]!.message, /"feature\/done" is merged into develop but was not deleted/);
    assert.match(problems[0]!.fix!, /git push origin --delete feature\/done/);
    assert.equal(problems[0]!.ref, 'refs/remotes/origin/feature/done');
  });
});
