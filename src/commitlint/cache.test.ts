// Verdict parity: a commitlint config resolved by @commitlint/load (no cache), by the cache's
// first run (the bundled preset, or load + store) and by a warm run (read back from JSON) lints
// a table of messages identically: same validity, same errors and warnings, same messages.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import lint from '@commitlint/lint';
import type { LintOptions } from '@commitlint/types';
import { loadCommitlintCached, onlyExtendsConventional, type LoadedCommitlint } from './cache.js';
import { loadCommitlintConfig } from './setup.js';

const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const CONFIGS: [string, string, 'preset' | 'stored'][] = [
  ['.commitlintrc.json', JSON.stringify({ extends: ['@commitlint/config-conventional'] }), 'preset'],
  ['commitlint.config.mjs', "export default { extends: ['@commitlint/config-conventional'], rules: { 'scope-empty': [2, 'never'], 'header-max-length': [1, 'always', 40] } };\n", 'preset'],
  ['commitlint.config.ts', "export default { extends: '@commitlint/config-conventional', helpUrl: 'https://example.com/commits', rules: { 'subject-case': [0] } };\n", 'preset'],
  ['package.json', JSON.stringify({ name: 'app', commitlint: { extends: ['@commitlint/config-conventional'], defaultIgnores: false } }), 'preset'],
  // no extends: @commitlint/load, stored
  ['.commitlintrc.yaml', 'rules:\n  type-enum: [2, always, [story, task]]\n  subject-empty: [2, never]\n', 'stored'],
  // a parser preset set explicitly: not the fast path, stored with its regular expressions
  ['commitlint.config.cjs', "module.exports = { extends: ['@commitlint/config-conventional'], parserPreset: 'conventional-changelog-conventionalcommits', rules: { 'type-enum': [2, 'always', ['feat', 'fix']] } };\n", 'stored'],
];

const MESSAGES = [
  'feat: add login',
  'feat(auth): add login',
  'feat(auth)!: drop the v1 token format',
  'fix: Add login',
  'story: add login',
  'task: split the form',
  'add login',
  'feat: add login.',
  'FEAT: add login',
  'feat:add login',
  'feat(auth): add a login form that is definitely longer than forty characters',
  'feat: add login\nno blank line before the body',
  'feat: add login\n\nBREAKING CHANGE: tokens expire',
  'Merge branch \'develop\' into feature/login',
  'Revert "feat: add login"\n\nThis reverts commit 1234567.',
  'fixup! feat: add login',
  '',
];

function tempProject(t: TestContext): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mcflow-cl-cache-')));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.mkdirSync(path.join(dir, 'node_modules/@commitlint'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'node_modules/.cache'));
  for (const name of ['@commitlint/config-conventional', 'conventional-changelog-conventionalcommits']) {
    fs.symlinkSync(path.join(PACKAGE_ROOT, 'node_modules', name), path.join(dir, 'node_modules', name));
  }
  return dir;
}

async function verdicts(loaded: LoadedCommitlint): Promise<string[]> {
  const options: LintOptions = {
    parserOpts: loaded.parserPreset?.parserOpts as LintOptions['parserOpts'],
    plugins: loaded.plugins,
    ignores: loaded.ignores,
    defaultIgnores: loaded.defaultIgnores !== false,
    helpUrl: loaded.helpUrl,
  };
  const out: string[] = [];
  for (const message of MESSAGES) {
    const outcome = await lint(message, loaded.rules, options);
    out.push(JSON.stringify([message, outcome.valid, outcome.errors.map((e) => [e.name, e.message]), outcome.warnings.map((w) => [w.name, w.message])]));
  }
  return out;
}

describe('commitlint config cache: verdict parity', () => {
  for (const [file, content, expected] of CONFIGS) {
    it(`${file}: @commitlint/load, first run and warm run agree`, async (t) => {
      const dir = tempProject(t);
      const own = path.join(dir, file);
      fs.writeFileSync(own, content);
      const reference = await verdicts(await loadCommitlintConfig(own, dir));
      const cold = await loadCommitlintCached(own, dir, loadCommitlintConfig);
      assert.equal(cold.cache, expected);
      const warm = await loadCommitlintCached(own, dir, loadCommitlintConfig);
      assert.equal(warm.cache, 'hit');
      assert.deepEqual(await verdicts(cold.loaded), reference);
      assert.deepEqual(await verdicts(warm.loaded), reference);
      assert.equal(warm.loaded.helpUrl, (await loadCommitlintConfig(own, dir)).helpUrl);
    });
  }

  it('a function-valued rule is never stored', async (t) => {
    const dir = tempProject(t);
    const own = path.join(dir, 'commitlint.config.mjs');
    fs.writeFileSync(own, "export default { extends: ['@commitlint/config-conventional'], rules: { 'scope-enum': async () => [2, 'always', ['auth']] } };\n");
    const first = await loadCommitlintCached(own, dir, loadCommitlintConfig);
    assert.deepEqual([first.cache, first.reason], ['slow', 'rule scope-enum is a function, computed on every run']);
    assert.equal((await loadCommitlintCached(own, dir, loadCommitlintConfig)).cache, 'slow');
    assert.deepEqual((await lint('feat(billing): add invoices', first.loaded.rules)).errors.map((e) => e.name), ['scope-enum']);
  });
});

describe('commitlint config cache: computed shared configs', () => {
  it('an extended config whose rules are functions (a scope list from the workspace) is never stored', async (t) => {
    const dir = tempProject(t);
    const pkg = path.join(dir, 'node_modules/commitlint-config-scopes');
    fs.mkdirSync(pkg);
    fs.writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: 'commitlint-config-scopes', version: '1.0.0', main: 'index.js' }));
    // reads the workspace on every run, as @commitlint/config-pnpm-scopes does
    fs.writeFileSync(path.join(pkg, 'index.js'), `const fs = require('node:fs');\nmodule.exports = { rules: { 'scope-enum': async () => [2, 'always', fs.readdirSync(${JSON.stringify(path.join(dir, 'packages'))})] } };\n`);
    fs.mkdirSync(path.join(dir, 'packages/auth'), { recursive: true });
    const own = path.join(dir, '.commitlintrc.json');
    fs.writeFileSync(own, JSON.stringify({ extends: ['scopes'] }));
    const first = await loadCommitlintCached(own, dir, loadCommitlintConfig);
    assert.deepEqual([first.cache, first.reason], ['slow', 'scopes computes rule scope-enum on every run']);
    fs.mkdirSync(path.join(dir, 'packages/billing'));
    const second = await loadCommitlintCached(own, dir, loadCommitlintConfig);
    assert.deepEqual(second.loaded.rules['scope-enum'], [2, 'always', ['auth', 'billing']]);
  });
});

describe('onlyExtendsConventional', () => {
  const table: [unknown, boolean][] = [
    [{ extends: ['@commitlint/config-conventional'] }, true],
    [{ extends: '@commitlint/config-conventional', rules: { 'type-enum': [2, 'always', ['a']], 'body-max-line-length': [0] } }, true],
    [{ extends: ['@commitlint/config-conventional', 'other'] }, false],
    [{ extends: ['conventional'] }, false],
    [{ extends: ['@commitlint/config-conventional'], rules: { x: () => [2, 'always'] } }, false],
    [{ extends: ['@commitlint/config-conventional'], rules: { x: [3, 'always'] } }, false],
    [{ extends: ['@commitlint/config-conventional'], rules: { x: [2, 'sometimes'] } }, false],
    [{ extends: ['@commitlint/config-conventional'], plugins: ['x'] }, false],
    [{ extends: ['@commitlint/config-conventional'], parserPreset: 'x' }, false],
    [{ extends: ['@commitlint/config-conventional'], ignores: [() => true] }, false],
    [{ rules: {} }, false],
    [null, false],
  ];
  for (const [raw, expected] of table) it(JSON.stringify(raw) ?? String(raw), () => assert.equal(onlyExtendsConventional(raw), expected));
});
