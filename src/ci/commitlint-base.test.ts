import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import type { Repository } from '../git/repo.js';
import { findCommitlintAtCommit, planCommitlint } from './commitlint-base.js';

/** A real repository; `commit(files)` writes (null: removes) files and commits, returning the sha. */
function repository(t: TestContext) {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mcflow-commitlint-base-')));
  t.after(() => fs.rmSync(root, { recursive: true, force: true }));
  const git = (...args: string[]) => spawnSync('git', args, { cwd: root, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: root } }).stdout.trim();
  git('init', '-q');
  const commit = (files: Record<string, string | null>) => {
    for (const [file, content] of Object.entries(files)) {
      if (content === null) fs.rmSync(path.join(root, file));
      else fs.writeFileSync(path.join(root, file), content);
    }
    git('add', '-A');
    git('-c', 'user.name=t', '-c', 'user.email=t@e', '-c', 'commit.gpgsign=false', 'commit', '-q', '--allow-empty', '-m', 'x');
    return git('rev-parse', 'HEAD');
  };
  return { repo: { root } as Repository, commit };
}

const ON = { commits: { useCommitlintConfig: true } };

describe('the commitlint config at a commit', () => {
  it('is found in commitlint\'s order of precedence; package.json counts only with a "commitlint" key', (t) => {
    const { repo, commit } = repository(t);
    assert.equal(findCommitlintAtCommit(repo, commit({ 'package.json': '{"name":"x"}' })), undefined);
    assert.equal(findCommitlintAtCommit(repo, commit({ 'package.json': '{"name":"x","type":"module","commitlint":{"rules":{}}}' }))?.file, 'package.json');
    const found = findCommitlintAtCommit(repo, commit({ 'commitlint.config.js': 'export default {};\n', '.commitlintrc.json': '{}' }));
    assert.deepEqual([found?.file, found?.moduleType], ['.commitlintrc.json', 'module']);
  });

  it('tells how the change moves it: added, edited, removed, replaced; nothing when only the rest of package.json changes', (t) => {
    const { repo, commit } = repository(t);
    const none = commit({ 'README.md': 'x\n' });
    const added = commit({ 'commitlint.config.mjs': 'export default {};\n' });
    assert.deepEqual(planCommitlint(repo, ON, none, added).change, { file: 'commitlint.config.mjs', kind: 'added' });
    assert.equal(planCommitlint(repo, ON, added, commit({ 'README.md': 'y\n' })).change, undefined);
    const edited = commit({ 'commitlint.config.mjs': 'export default { rules: {} };\n' });
    assert.deepEqual(planCommitlint(repo, ON, added, edited).change, { file: 'commitlint.config.mjs', kind: 'edited', previous: 'commitlint.config.mjs' });
    const replaced = commit({ '.commitlintrc': '{}' });
    assert.deepEqual(planCommitlint(repo, ON, edited, replaced).change, { file: '.commitlintrc', kind: 'replaced', previous: 'commitlint.config.mjs' });
    const removed = commit({ '.commitlintrc': null, 'commitlint.config.mjs': null });
    assert.deepEqual(planCommitlint(repo, ON, replaced, removed).change, { file: '.commitlintrc', kind: 'removed', previous: '.commitlintrc' });
    const manifest = commit({ 'package.json': '{"version":"1.0.0","commitlint":{"rules":{}}}' });
    assert.equal(planCommitlint(repo, ON, manifest, commit({ 'package.json': '{"version":"1.1.0","commitlint":{"rules":{}}}' })).change, undefined);
    assert.equal(planCommitlint(repo, ON, manifest, commit({ 'package.json': '{"version":"1.1.0","commitlint":{"rules":{"a":[0]}}}' })).change?.kind, 'edited');
  });

  it('with no commit to compare with, what the change brings counts as added (and is not run)', (t) => {
    const { repo, commit } = repository(t);
    assert.deepEqual(planCommitlint(repo, ON, undefined, commit({ '.commitlintrc.json': '{}' })).change, { file: '.commitlintrc.json', kind: 'added' });
  });

  it('commits.useCommitlintConfig: false: no commitlint config counts, the preset lints', async (t) => {
    const { repo, commit } = repository(t);
    const base = commit({ 'README.md': 'x\n' });
    const plan = planCommitlint(repo, { commits: { useCommitlintConfig: false } }, base, commit({ 'commitlint.config.js': 'module.exports = {};\n' }));
    assert.equal(plan.change, undefined);
    assert.equal((await plan.setup()).source, undefined);
    assert.deepEqual((await plan.setup()).rules['type-enum']?.[0], 2);
  });

  it('a target config that is a symbolic link is refused: verify follows no links', (t) => {
    const { repo, commit } = repository(t);
    fs.symlinkSync('/etc/hostname', path.join(repo.root, 'commitlint.config.js'));
    const base = commit({});
    assert.throws(() => planCommitlint(repo, ON, base, base), /commitlint\.config\.js at [0-9a-f]{12} is a symbolic link/);
  });
});
