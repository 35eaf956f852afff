// A repository made with a plain `git init` (git's default branch `master`) and no origin/HEAD:
// init must protect master as it protects main, not leave it open and call its name wrong.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { linkInstalledPackages, PACKAGE_JSON } from './helpers/init.js';
import { createRepo } from './helpers/repo.js';

describe('init on master without origin/HEAD', () => {
  it('protects master: a direct commit is refused, a feature branch commits', (t) => {
    const repo = createRepo(t, { branch: 'master', origin: true });
    repo.write('package.json', PACKAGE_JSON);
    repo.write('.gitignore', 'node_modules/\n');
    repo.git(['add', '-A']);
    repo.commitQuietly('chore: initial commit');
    repo.git(['push', '-q', '--no-verify', 'origin', 'master']);
    const init = repo.cli(['init', '--no-install']);
    assert.equal(init.code, 0, init.output);
    assert.deepEqual(JSON.parse(repo.read('.mcflowrc.json')).branches.protected, ['master']);
    linkInstalledPackages(repo);
    repo.git(['add', '-A']);
    repo.commitQuietly('chore: add mcflow-hooks');
    repo.write('a.txt', 'a\n');
    repo.git(['add', 'a.txt']);
    const direct = repo.git(['commit', '-q', '-m', 'feat: add a'], { allowFailure: true });
    assert.equal(direct.code, 1, direct.output);
    assert.match(direct.output, /protected branch "master" \[protected-branch\]/);
    repo.switchQuietly('-c', 'feat/a');
    assert.equal(repo.git(['commit', '-q', '-m', 'feat: add a'], { allowFailure: true }).code, 0);
  });
});
