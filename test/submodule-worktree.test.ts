// A package that is a submodule of another repository keeps its git directory in the
// superproject's `.git/modules/<name>`: `$(git rev-parse --git-common-dir)/..` is not its work
// tree there. A linked worktree of it (no node_modules of its own) must still find the CLI.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { linkInstalledPackages, PACKAGE_JSON } from './helpers/init.js';
import { createRepo, TestRepo } from './helpers/repo.js';

describe('hooks in a linked worktree of a submodule', () => {
  it('find the main worktree\'s CLI: a bad message is refused, a good one commits', (t) => {
    const lib = createRepo(t);
    lib.write('package.json', PACKAGE_JSON);
    lib.write('.gitignore', 'node_modules/\n');
    lib.git(['add', '-A']);
    lib.commitQuietly('chore: initial commit');
    const superDir = path.join(path.dirname(lib.dir), 'super');
    fs.mkdirSync(superDir);
    const superRepo = new TestRepo(superDir, lib.env);
    superRepo.git(['init', '-q', '--initial-branch=main']);
    superRepo.git(['-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', lib.dir, 'app']);
    superRepo.commitQuietly('chore: add app');
    const app = new TestRepo(path.join(superDir, 'app'), lib.env);
    app.git(['config', 'commit.gpgsign', 'false']);
    assert.equal(app.cli(['init', '--preset', 'github-flow', '--no-install']).code, 0);
    linkInstalledPackages(app);
    app.git(['add', '-A']);
    app.commitQuietly('chore: add mcflow-hooks');

    const tree = path.join(path.dirname(lib.dir), 'app-tree');
    app.git(['worktree', 'add', '-q', tree, '-b', 'feat/tree']);
    const bad = app.git(['commit', '-q', '--allow-empty', '-m', 'Added stuff'], { allowFailure: true, cwd: tree });
    assert.equal(bad.code, 1, bad.output);
    assert.match(bad.output, /\[commit-message\]/);
    const good = app.git(['commit', '-q', '--allow-empty', '-m', 'feat: add stuff'], { allowFailure: true, cwd: tree });
    assert.equal(good.code, 0, good.output);
  });
});
