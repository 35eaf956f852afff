import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fullRefName } from './log.js';

describe('fullRefName', () => {
  it('names branches, remote branches and tags in full, and nothing else (on every git version)', (t) => {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mcflow-log-')));
    t.after(() => fs.rmSync(root, { recursive: true, force: true }));
    const git = (...args: string[]) =>
      spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@e', '-c', 'commit.gpgsign=false', ...args], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: root },
      }).stdout.trim();
    git('init', '-q', '-b', 'main');
    git('commit', '-q', '--allow-empty', '-m', 'init');
    git('update-ref', 'refs/remotes/origin/develop', 'HEAD');
    git('tag', 'v1.0.0');
    const sha = git('rev-parse', 'HEAD');
    assert.equal(fullRefName({ root }, 'main'), 'refs/heads/main');
    assert.equal(fullRefName({ root }, 'origin/develop'), 'refs/remotes/origin/develop');
    assert.equal(fullRefName({ root }, 'v1.0.0'), 'refs/tags/v1.0.0');
    for (const other of [sha, sha.slice(0, 10), 'HEAD~0', 'main~0', 'main^', 'main^{commit}', 'main:README.md', 'missing', '--all', '-q', '--end-of-options']) {
      assert.equal(fullRefName({ root }, other), undefined, other);
    }
  });
});
