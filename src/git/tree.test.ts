import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { listTreeEntries, readBlob, treeContains } from './tree.js';

function repoWithFiles(t: { after(fn: () => void): void }, files: Record<string, string>): { root: string; commit: string } {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mcflow-tree-')));
  t.after(() => fs.rmSync(root, { recursive: true, force: true }));
  const git = (...args: string[]) => spawnSync('git', args, { cwd: root, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: root } }).stdout.trim();
  git('init', '-q');
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), content);
  }
  fs.symlinkSync('a.json', path.join(root, 'link.json'));
  git('add', '-A');
  git('-c', 'user.name=t', '-c', 'user.email=t@e', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'init');
  return { root, commit: git('rev-parse', 'HEAD') };
}

describe('git tree reader', () => {
  it('lists the paths a commit has, literally (no pathspec magic), with modes; reads blobs as stored', (t) => {
    const { root, commit } = repoWithFiles(t, { 'a.json': '{"a":1}\n', 'dir*x/:(top)b.json': 'b\n', 'crlf.txt': 'x\r\n' });
    const entries = listTreeEntries({ root }, commit, ['a.json', 'dir*x/:(top)b.json', 'link.json', 'missing.json', 'dir?x/:(top)b.json']);
    assert.deepEqual([...entries.keys()].sort(), ['a.json', 'dir*x/:(top)b.json', 'link.json']);
    assert.equal(entries.get('link.json')!.mode, '120000');
    assert.equal(entries.get('a.json')!.mode, '100644');
    assert.equal(readBlob({ root }, entries.get('a.json')!.object).toString(), '{"a":1}\n');
    const crlf = listTreeEntries({ root }, commit, ['crlf.txt']).get('crlf.txt')!;
    assert.equal(readBlob({ root }, crlf.object).toString(), 'x\r\n');
  });

  it('tells whether files under some paths mention a string', (t) => {
    const { root, commit } = repoWithFiles(t, { 'package.json': '{"devDependencies":{"mcflow-hooks":"1"}}', '.github/workflows/ci.yml': 'run: npm test\n' });
    assert.equal(treeContains({ root }, commit, 'mcflow-hooks', ['package.json', '.github/workflows']), true);
    assert.equal(treeContains({ root }, commit, 'mcflow-hooks', ['.github/workflows', '.gitlab-ci.yml']), false);
  });
});
