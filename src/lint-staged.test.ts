import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { resolveProjectLintStaged } from './lint-staged.js';

function fakeLintStaged(dir: string): string {
  const pkg = path.join(dir, 'node_modules', 'lint-staged');
  fs.mkdirSync(pkg, { recursive: true });
  fs.writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: 'lint-staged', main: 'index.js' }));
  fs.writeFileSync(path.join(pkg, 'index.js'), 'module.exports = {};\n');
  return fs.realpathSync(path.join(pkg, 'index.js'));
}

function tempTree(t: TestContext): { outer: string; repo: string } {
  const outer = fs.mkdtempSync(path.join(os.tmpdir(), 'mcflow-ls-'));
  t.after(() => fs.rmSync(outer, { recursive: true, force: true }));
  const repo = path.join(outer, 'repo');
  fs.mkdirSync(repo);
  return { outer, repo };
}

describe('resolveProjectLintStaged', () => {
  it("takes the repository's own copy", (t) => {
    const { outer, repo } = tempTree(t);
    fakeLintStaged(outer);
    const own = fakeLintStaged(repo);
    assert.equal(resolveProjectLintStaged([repo], repo), own);
  });
  it('ignores a copy above the repository (a stray ~/node_modules is nobody’s pinned version)', (t) => {
    const { outer, repo } = tempTree(t);
    fakeLintStaged(outer);
    assert.equal(resolveProjectLintStaged([repo], repo), undefined);
  });
});
