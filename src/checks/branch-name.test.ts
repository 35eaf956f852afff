import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { packageRoot } from '../package-root.js';
import type { Change, Problem, RefUpdate } from '../types.js';
import { branchName } from './branch-name.js';

const config = JSON.parse(fs.readFileSync(path.join(packageRoot(), 'presets/gitflow.json'), 'utf8'));
const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const Z = '0'.repeat(40);
const run = async (change: Change) => (await branchName.run(change, { config, stage: change.stage })) as Problem[];

describe('branch-name on the checked-out branch', () => {
  // [stage, branch, message, fix, severity]
  const cases: [Change['stage'], string | undefined, string | undefined, string | undefined, 'warning' | undefined][] = [
    ['post-checkout', 'feature/login-form', undefined, undefined, undefined],
    ['post-checkout', undefined, undefined, undefined, undefined], // a file checkout, or a detached HEAD
    [
      'post-checkout',
      'Feature/Login-Form',
      'Branch "Feature/Login-Form" does not follow the naming rules (kebab-case: "Feature" is not lower-case kebab-case (a-z, 0-9, words joined by "-"))',
      'rename it: git branch -m feature/login-form',
      'warning',
    ],
    [
      'pre-commit',
      'login',
      'Branch "login" does not follow the naming rules (allowed-pattern: it matches none of the allowed patterns: feature/*, bugfix/*, hotfix/*, /^release\\/v(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?$/, rollback/*)',
      'rename it: git branch -m feature/login',
      undefined,
    ],
    ['pre-commit', 'feature/日本語', 'Branch "feature/日本語" does not follow the naming rules (kebab-case: "日本語" is not lower-case kebab-case (a-z, 0-9, words joined by "-"))', 'rename it to a name matching feature/*, bugfix/*, hotfix/*, /^release\\/v(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?$/, rollback/*: git branch -m <new-name>', undefined],
    ['pre-commit', 'develop', undefined, undefined, undefined],
  ];
  for (const [stage, branch, message, fix, severity] of cases) {
    it(`${stage}: ${branch ?? '(no branch)'} → ${message ? 'a finding' : 'nothing'}`, async () => {
      const problems = await run({ stage, branch });
      if (!message) return assert.deepEqual(problems, []);
      assert.equal(problems.length, 1);
      assert.equal(problems[0]!.message, message);
      assert.equal(problems[0]!.fix, fix);
      assert.equal(problems[0]!.severity, severity);
      assert.equal(problems[0]!.ref, `refs/heads/${branch}`);
    });
  }
});

describe('branch-name at pre-push', () => {
  const update = (localRef: string, remoteRef: string, kind: RefUpdate['kind']): RefUpdate => ({
    localRef,
    localSha: kind === 'delete' ? Z : A,
    remoteRef,
    remoteSha: kind === 'create' ? Z : B,
    kind,
  });
  // [update, fix (undefined: no finding)]
  const cases: [RefUpdate, string | undefined][] = [
    [update('refs/heads/feature/ok', 'refs/heads/feature/ok', 'create'), undefined],
    [update('(delete)', 'refs/heads/Bad Name', 'delete'), undefined], // removing a bad name is the cure
    [update('refs/heads/develop', 'refs/heads/develop', 'update'), undefined],
    [update('refs/heads/dependabot/npm_and_yarn/x-1.2', 'refs/heads/dependabot/npm_and_yarn/x-1.2', 'create'), undefined],
    [
      update('refs/heads/Feature/Login', 'refs/heads/Feature/Login', 'create'),
      'rename it and push the new name: git branch -m Feature/Login feature/login && git push -u origin feature/login',
    ],
    [
      update('refs/heads/Feature/Login', 'refs/heads/Feature/Login', 'update'),
      'rename it and push the new name: git branch -m Feature/Login feature/login && git push -u origin feature/login && git push origin --delete Feature/Login',
    ],
    [
      update('refs/heads/feature/ok', 'refs/heads/wip', 'create'),
      'push it under a valid name: git push origin feature/ok:refs/heads/feature/wip',
    ],
    [update('HEAD', 'refs/heads/hotfix_urgent', 'create'), 'push it under a valid name: git push origin HEAD:refs/heads/feature/hotfix-urgent'],
  ];
  for (const [refUpdate, fix] of cases) {
    it(`${refUpdate.localRef} → ${refUpdate.remoteRef} (${refUpdate.kind}): ${fix ? 'refused' : 'fine'}`, async () => {
      const problems = await run({ stage: 'pre-push', refUpdates: [refUpdate], remote: { name: 'origin', url: '/o.git' } });
      assert.deepEqual(problems.map((p) => p.fix), fix ? [fix] : []);
      if (fix) {
        assert.equal(problems[0]!.ref, refUpdate.remoteRef);
        assert.equal(problems[0]!.commit, A);
        assert.equal(problems[0]!.severity, undefined, 'the configured level decides');
      }
    });
  }

  it('ignores tags and checks every branch of a multi-ref push', async () => {
    const problems = await run({
      stage: 'pre-push',
      refUpdates: [update('refs/tags/Bad', 'refs/tags/Bad', 'create'), update('refs/heads/a', 'refs/heads/a', 'create'), update('refs/heads/b', 'refs/heads/b', 'create')],
    });
    assert.deepEqual(problems.map((p) => p.ref), ['refs/heads/a', 'refs/heads/b']);
  });
});
