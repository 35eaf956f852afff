import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { packageRoot } from '../package-root.js';
import type { Change, RefUpdate, RefUpdateKind } from '../types.js';
import type { CheckContext } from './check.js';
import { protectedBranch } from './protected-branch.js';

const config = JSON.parse(fs.readFileSync(path.join(packageRoot(), 'presets/gitflow.json'), 'utf8'));
const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const Z = '0'.repeat(40);

const run = (change: Change, overrides: Partial<CheckContext['config']> = {}) =>
  protectedBranch.run(change, { config: { ...config, ...overrides }, stage: change.stage }) as ReturnType<typeof protectedBranch.run> & unknown[];

function push(remoteRef: string, kind: RefUpdateKind, localRef = remoteRef): RefUpdate {
  const localSha = kind === 'delete' ? Z : A;
  const remoteSha = kind === 'create' ? Z : B;
  return { localRef: kind === 'delete' ? '(delete)' : localRef, localSha, remoteRef, remoteSha, kind };
}

describe('protected-branch at pre-commit', () => {
  // [branch, repository state, refused?]
  const cases: [string | undefined, Change['repo'], boolean][] = [
    ['develop', { root: '/r', hasHead: true }, true],
    ['main', { root: '/r', hasHead: true }, true],
    ['main-production', { root: '/r', hasHead: true }, true],
    ['legacy-v1-production', { root: '/r', hasHead: true }, true],
    ['feature/login', { root: '/r', hasHead: true }, false],
    ['develop-old', { root: '/r', hasHead: true }, false],
    [undefined, { root: '/r', hasHead: true }, false], // detached HEAD
    ['develop', { root: '/r', hasHead: true, operation: 'merge' }, false],
    ['develop', { root: '/r', hasHead: true, operation: 'rebase' }, false],
    ['develop', { root: '/r', hasHead: true, operation: 'cherry-pick' }, true],
    ['main', { root: '/r', hasHead: false, firstCommit: true }, false],
    ['main', { root: '/r', hasHead: false, firstCommit: false }, true], // an orphan branch in a repository with history
  ];
  for (const [branch, repo, refused] of cases) {
    it(`${refused ? 'refuses' : 'allows'} a commit on ${branch ?? 'a detached HEAD'} ${JSON.stringify(repo)}`, async () => {
      const problems = await run({ stage: 'pre-commit', branch, repo });
      assert.equal(problems.length, refused ? 1 : 0);
      if (refused) {
        assert.equal(problems[0]!.message, `You are committing directly on the protected branch "${branch}"`);
        assert.equal(problems[0]!.ref, `refs/heads/${branch}`);
        assert.match(problems[0]!.fix!, /git switch -c feature\/<name>/);
      }
    });
  }

  it('matches globs, with "*" not crossing "/"', async () => {
    const branches = { ...config.branches, protected: ['release/*'] };
    assert.equal((await run({ stage: 'pre-commit', branch: 'release/v1.0.0' }, { branches })).length, 1);
    assert.equal((await run({ stage: 'pre-commit', branch: 'release/v1/hotfix' }, { branches })).length, 0);
  });
});

describe('protected-branch at pre-push', () => {
  // [update, expected message (or undefined), severity]
  const cases: [RefUpdate, string | undefined, 'warning' | undefined][] = [
    [push('refs/heads/develop', 'update'), 'This push updates the protected branch "develop" on origin directly', undefined],
    [push('refs/heads/main', 'update', 'HEAD'), 'This push updates the protected branch "main" on origin directly', undefined],
    [push('refs/heads/develop', 'force'), 'This push force-updates the protected branch "develop" on origin: its published history would be rewritten', undefined],
    [push('refs/heads/develop', 'delete'), 'This push deletes the protected branch "develop" from origin', undefined],
    [push('refs/heads/main', 'create'), undefined, undefined], // the first push of a new repository
    [push('refs/heads/feature/x', 'update'), undefined, undefined],
    [push('refs/heads/feature/x', 'delete'), undefined, undefined],
    [push('refs/heads/feature/x', 'force'), 'This push force-updates "feature/x" on origin: commits others may have fetched are replaced', 'warning'],
    [push('refs/tags/v1.0.0', 'force'), undefined, undefined], // tags are tag-name's business
    [push('refs/notes/commits', 'force'), undefined, undefined],
  ];
  for (const [update, message, severity] of cases) {
    it(`${update.kind} of ${update.remoteRef} → ${message ?? 'nothing'}`, async () => {
      const problems = await run({ stage: 'pre-push', refUpdates: [update], remote: { name: 'origin', url: '/o.git' } });
      assert.deepEqual(problems.map((p) => p.message), message ? [message] : []);
      if (message) {
        assert.equal(problems[0]!.severity, severity);
        assert.equal(problems[0]!.ref, update.remoteRef);
        assert.equal(problems[0]!.commit, update.kind === 'delete' ? update.remoteSha : update.localSha);
        assert.ok(problems[0]!.fix);
      }
    });
  }

  it('judges every update of a multi-ref push on its own', async () => {
    const refUpdates = [push('refs/heads/feature/a', 'create'), push('refs/heads/develop', 'update'), push('refs/heads/main', 'delete')];
    const problems = await run({ stage: 'pre-push', refUpdates });
    assert.deepEqual(problems.map((p) => p.ref), ['refs/heads/develop', 'refs/heads/main']);
  });

  it('never refuses a deletion with a fix that deletes anyway', async () => {
    const [problem] = await run({ stage: 'pre-push', refUpdates: [push('refs/heads/develop', 'delete')] });
    assert.match(problem!.fix!, /never deleted/);
  });

  it('lets MCFLOW_ALLOW_PUSH update, but not force or delete, the branches it names, with a warning', async () => {
    const allowPush = ['main-production'];
    const [allowed] = await run({ stage: 'pre-push', allowPush, refUpdates: [push('refs/heads/main-production', 'update')] });
    assert.equal(allowed!.severity, 'warning');
    assert.match(allowed!.message, /allowed by MCFLOW_ALLOW_PUSH=main-production/);
    for (const kind of ['force', 'delete'] as const) {
      const [refused] = await run({ stage: 'pre-push', allowPush, refUpdates: [push('refs/heads/main-production', kind)] });
      assert.equal(refused!.severity, undefined, kind);
    }
    const [other] = await run({ stage: 'pre-push', allowPush, refUpdates: [push('refs/heads/develop', 'update')] });
    assert.equal(other!.severity, undefined);
  });

  it('follows branches.forcePush for branches that are not protected', async () => {
    const refUpdates = [push('refs/heads/feature/x', 'force')];
    const [error] = await run({ stage: 'pre-push', refUpdates }, { branches: { ...config.branches, forcePush: 'error' } });
    assert.equal(error!.severity, 'error');
    assert.deepEqual(await run({ stage: 'pre-push', refUpdates }, { branches: { ...config.branches, forcePush: 'off' } }), []);
  });
});

describe('protected-branch without a source-computed kind (library callers)', () => {
  it('still tells deletions and creations from the zero ids', async () => {
    const refUpdates: RefUpdate[] = [
      { localRef: '(delete)', localSha: Z, remoteRef: 'refs/heads/develop', remoteSha: B },
      { localRef: 'refs/heads/main', localSha: A, remoteRef: 'refs/heads/main', remoteSha: Z },
      { localRef: 'refs/heads/main', localSha: A, remoteRef: 'refs/heads/main-production', remoteSha: B },
    ];
    const problems = await run({ stage: 'pre-push', refUpdates });
    assert.deepEqual(problems.map((p) => p.message), [
      'This push deletes the protected branch "develop" from origin',
      'This push updates the protected branch "main-production" on origin directly',
    ]);
  });
});
