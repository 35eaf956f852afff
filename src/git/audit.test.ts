import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { listMessages } from './audit.js';

describe('audit message listing', () => {
  it('keeps a crafted author name (with \\x1f) from shifting the identities into the message', async (t) => {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mcflow-audit-')));
    t.after(() => fs.rmSync(root, { recursive: true, force: true }));
    // git keeps control characters inside a name: a PR author can choose one that spells a good header.
    const name = 'x\x1fx@e\x1fx\x1fx@e\x1ffeat: looks fine';
    const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: root, GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: 'a@e', GIT_COMMITTER_NAME: 'c', GIT_COMMITTER_EMAIL: 'c@e' };
    const git = (...args: string[]) => spawnSync('git', args, { cwd: root, encoding: 'utf8', env }).stdout.trim();
    git('init', '-q', '-b', 'main');
    git('-c', 'commit.gpgsign=false', 'commit', '-q', '--allow-empty', '-m', 'bad message\x1fwith a separator');
    const [record] = await listMessages({ root }, ['refs/heads/main']);
    assert.equal(record!.message, 'bad message\x1fwith a separator');
    assert.deepEqual(record!.author, { name, email: 'a@e' });
    assert.deepEqual(record!.committer, { name: 'c', email: 'c@e' });
    assert.equal(record!.source, 'refs/heads/main');
    assert.equal(record!.parents, 0);
  });
});
