import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { findGitDirHooks } from './existing-hooks.js';

describe('hooks already in .git/hooks', () => {
  it('skips a dangling symlink instead of throwing, and still finds the real hooks', (t) => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mcflow-existing-')));
    t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
    assert.equal(spawnSync('git', ['init', '-q', dir], { env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: dir } }).status, 0);
    const hooks = path.join(dir, '.git', 'hooks');
    fs.mkdirSync(hooks, { recursive: true });
    fs.symlinkSync(path.join(dir, 'removed-tool', 'pre-commit'), path.join(hooks, 'pre-commit'));
    fs.writeFileSync(path.join(hooks, 'pre-push'), '#!/bin/sh\necho mine\n', { mode: 0o755 });
    const found = findGitDirHooks(dir);
    assert.deepEqual(found.map((hook) => [hook.name, hook.kind]), [['pre-push', 'your own']]);
  });
});
