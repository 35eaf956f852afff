// Hook tools that follow core.hooksPath write into husky's `.husky/_` once init has pointed git
// there: simple-git-hooks (run again by its `postinstall`, or by hand after a config edit) puts
// its own script in `_/pre-commit` and deletes the hooks it does not configure. Then git never
// runs `.husky/*`: doctor must say so, and init must put husky's files back.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { linkInstalledPackages, packageRepo } from './helpers/init.js';
import type { TestRepo } from './helpers/repo.js';

/** What `simple-git-hooks` 2.13 does with `{ "pre-commit": "npx lint-staged" }` and core.hooksPath set. */
function runSimpleGitHooks(repo: TestRepo): void {
  const hooks = path.join(repo.dir, '.husky/_');
  fs.writeFileSync(path.join(hooks, 'pre-commit'), '#!/bin/sh\n\nif [ "$SKIP_SIMPLE_GIT_HOOKS" = "1" ]; then\n    exit 0\nfi\n\nnpx lint-staged\n', { mode: 0o755 });
  for (const hook of ['commit-msg', 'prepare-commit-msg', 'pre-push', 'pre-merge-commit', 'post-checkout']) fs.rmSync(path.join(hooks, hook), { force: true });
}

const refusedBadMessage = (repo: TestRepo): boolean => {
  repo.write('a.txt', `${Math.random()}\n`);
  repo.git(['add', 'a.txt']);
  const result = repo.git(['commit', '-q', '-m', 'Added a.'], { allowFailure: true, env: { SKIP_SIMPLE_GIT_HOOKS: '1' } });
  if (result.code === 0) repo.git(['reset', '-q', '--soft', 'HEAD~1']);
  return result.code !== 0;
};

describe('husky files overwritten by another hook tool', () => {
  it('doctor names each one, and init writes husky\'s files again', async (t) => {
    const repo = packageRepo(t);
    assert.equal((await repo.run(['init', '--preset', 'github-flow', '--no-install'])).code, 0);
    linkInstalledPackages(repo);
    repo.switchQuietly('-c', 'feat/x');
    assert.equal(refusedBadMessage(repo), true);

    runSimpleGitHooks(repo);
    assert.equal(refusedBadMessage(repo), false, 'git no longer runs .husky/commit-msg');
    const doctor = await repo.run(['doctor']);
    assert.equal(doctor.code, 1, doctor.output);
    assert.match(doctor.output, /✗ .*\.husky\/_\/pre-commit is not husky's .*git never runs \.husky\/pre-commit/);
    assert.match(doctor.output, /✗ .*\.husky\/_\/commit-msg is missing .*git never runs \.husky\/commit-msg/);

    const init = await repo.run(['init', '--preset', 'github-flow', '--no-install']);
    assert.equal(init.code, 0, init.output);
    assert.equal(repo.git(['config', 'core.hooksPath']).stdout.trim(), `${repo.dir}/.husky/_`);
    assert.equal((await repo.run(['doctor'])).code, 0);
    assert.equal(refusedBadMessage(repo), true);
  });
});
