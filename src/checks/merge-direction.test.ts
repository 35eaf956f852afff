import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { packageRoot } from '../package-root.js';
import { findRoute, mergeDirection } from './merge-direction.js';
import type { CheckContext } from './check.js';

const config = JSON.parse(fs.readFileSync(path.join(packageRoot(), 'presets/gitflow.json'), 'utf8'));
const context: CheckContext = { config, stage: 'verify' };
const check = (branch: string, targetBranch: string, event: 'pull-request' | 'push' = 'pull-request') =>
  mergeDirection.run({ stage: 'verify', branch, targetBranch, ci: { provider: 'github', event }, pullRequest: { number: 7 } }, context) as ReturnType<
    typeof mergeDirection.run
  > &
    { message: string; fix?: string }[];

describe('merge-direction (gitflow preset)', () => {
  const allowed: [string, string][] = [
    ['feature/login', 'develop'],
    ['bugfix/issue-12', 'develop'],
    ['release/v2.1.0', 'main-production'],
    ['hotfix/critical-auth', 'main-production'],
    ['develop', 'main'],
    ['main-production', 'develop'],
    ['hotfix/v1-critical-db', 'legacy-v1-production'],
    ['feature/a', 'feature/b'],
  ];
  for (const [source, target] of allowed) {
    it(`allows ${source} → ${target}`, () => assert.deepEqual(check(source, target), []));
  }

  const refused: [string, string, RegExp][] = [
    ['feature/x', 'main-production', /feature\/x may not merge into main-production; feature\/x merges into develop/],
    ['develop', 'main-production', /develop may not merge into main-production/],
    ['feature/x', 'legacy-v1-production', /may not merge into legacy-v1-production/],
    ['hotfix/critical-x', 'legacy-v1-production', /hotfix\/critical-x may not merge into legacy-v1-production/],
  ];
  for (const [source, target, message] of refused) {
    it(`refuses ${source} → ${target}`, () => {
      const [problem, ...rest] = check(source, target);
      assert.equal(rest.length, 0);
      assert.match(problem!.message, message);
    });
  }

  it('names the route and the command that retargets the pull request', () => {
    const [problem] = check('feature/x', 'main');
    assert.match(problem!.message, /\(route: feature\/x → develop → main\)/);
    assert.equal(problem!.fix, 'retarget the pull request: gh pr edit 7 --base develop   (or "Edit" next to the title on GitHub)');
  });

  it('on GitLab, retargets the merge request with glab', () => {
    const [problem] = mergeDirection.run(
      { stage: 'verify', branch: 'feature/x', targetBranch: 'main', ci: { provider: 'gitlab', event: 'pull-request' }, pullRequest: { number: 12 } },
      context,
    ) as { fix?: string }[];
    assert.equal(problem!.fix, 'retarget the merge request: glab mr update 12 --target-branch develop   (or "Edit" on the merge request in GitLab)');
  });

  it("refuses a fork's branch into a production branch, or posing as a protected or bot branch; lets its work branches through", () => {
    const fromFork = (branch: string, targetBranch: string) =>
      mergeDirection.run({ stage: 'verify', branch, targetBranch, ci: { provider: 'github', event: 'pull-request' }, pullRequest: { number: 7, fork: 'mallory/app' } }, context) as { message: string; fix?: string }[];
    for (const [source, target] of [['release/v9.9.9', 'main-production'], ['hotfix/urgent', 'main-production'], ['develop', 'main'], ['main-production', 'develop'], ['dependabot/npm/x', 'develop']]) {
      const [problem, ...rest] = fromFork(source!, target!);
      assert.equal(rest.length, 0, `${source} → ${target}`);
      assert.match(problem!.message, new RegExp(`${source!.replace(/[/.]/g, '\\$&')} comes from mallory/app, not from this repository`));
      assert.match(problem!.fix!, /git fetch <url of mallory\/app> /);
    }
    assert.deepEqual(fromFork('feature/login', 'develop'), []);
    assert.deepEqual(fromFork('bugfix/issue-12', 'develop'), []);
    // The same names from this repository keep their routes.
    assert.deepEqual(check('release/v9.9.9', 'main-production'), []);
    assert.deepEqual(check('main-production', 'develop'), []);
  });

  it('only judges pull requests', () => assert.deepEqual(check('feature/x', 'main-production', 'push'), []));

  it('finds no route where there is none', () => {
    assert.equal(findRoute([['main', ['develop']]], 'feature/x', 'main'), undefined);
  });
});
