// The hot path is lazy (DESIGN.md): a hook loads only what its checks need. These tests look at
// which module files a real run loaded, so a stray top-level import fails here, not in a user's
// benchmark.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { createRepo, PACKAGE_ROOT, type TestRepo } from './helpers/repo.js';

const PRELOAD = path.join(PACKAGE_ROOT, 'test/helpers/loaded-modules.cjs');

function loadedBy(repo: TestRepo, args: string[], env: NodeJS.ProcessEnv = {}): string[] {
  const record = path.join(repo.home, 'loaded.txt');
  const result = repo.cli(args, { env: { NODE_OPTIONS: `--require ${PRELOAD}`, MCFLOW_TEST_LOADED: record, ...env } });
  assert.ok(result.code === 0 || result.code === 1, result.output);
  return fs
    .readFileSync(record, 'utf8')
    .split('\n')
    .filter((file) => file.startsWith(PACKAGE_ROOT) && file !== PRELOAD)
    .map((file) => path.relative(PACKAGE_ROOT, file));
}

describe('lazy loading', () => {
  it('commit-msg without a config file loads the bin, the program, the sentences and the message check, no rules, no globs, no secretlint', (t) => {
    const repo = createRepo(t);
    const loaded = loadedBy(repo, ['run', 'commit-msg', repo.write('msg', 'feat: ok\n')], { GIT_PREFIX: '' });
    // The message holds no secret rule's keyword: the secrets check's bundle (every rule) is not
    // even loaded (checks/secrets.prefilter.ts); picomatch (globs) and secretlint stay unloaded.
    // The commitlint setup (what the config resolves to) loads beside the checks, not inside one.
    assert.deepEqual(loaded, ['dist/cli.cjs', 'dist/main.cjs', 'dist/shared/messages.cjs', 'dist/checks/commitlint-setup.cjs', 'dist/checks/commit-message.cjs']);
  });

  it('commit-msg loads the secret rules for a message with a keyword, and finds the key in it', (t) => {
    const repo = createRepo(t);
    // Built by concatenation so this file itself holds no scannable key.
    const message = repo.write('msg', `feat: rotate\n\nSTRIPE_SECRET_KEY=sk_${'live'}_u8jzPde0IgxLd6GncfBA9fQ2\n`);
    const loaded = loadedBy(repo, ['run', 'commit-msg', message], { GIT_PREFIX: '' });
    assert.ok(loaded.includes('dist/checks/secrets.cjs'), loaded.join('\n'));
    const result = repo.cli(['run', 'commit-msg', message], { env: { GIT_PREFIX: '' } });
    assert.equal(result.code, 1, result.output);
    assert.match(result.output, /Stripe live key \(mcflow\/stripe\) in the commit message/);
  });

  it('a config file brings in the config parsers, still no TypeScript loader', (t) => {
    const repo = createRepo(t);
    repo.write('.mcflowrc.yaml', 'checks: { commit-message: error }\n');
    const loaded = loadedBy(repo, ['run', 'commit-msg', repo.write('msg', 'feat: ok\n')]);
    assert.deepEqual(loaded, [
      'dist/cli.cjs',
      'dist/main.cjs',
      'dist/shared/messages.cjs',
      // the import() of every bundle goes through it (src/import-module.ts)
      'dist/shared/import.cjs',
      'dist/vendor/cosmiconfig.cjs',
      // the config is validated, and validation checks its globs
      'dist/shared/glob.cjs',
      'dist/checks/commitlint-setup.cjs',
      'dist/checks/commit-message.cjs',
    ]);
  });

  it('with a warm config cache, the config init writes and a commitlint.config.ts load nothing more than no config', (t) => {
    const repo = createRepo(t);
    fs.mkdirSync(path.join(repo.dir, 'node_modules/@commitlint'), { recursive: true });
    fs.symlinkSync(path.join(PACKAGE_ROOT, 'node_modules/@commitlint/config-conventional'), path.join(repo.dir, 'node_modules/@commitlint/config-conventional'));
    repo.write('.mcflowrc.json', JSON.stringify({ $schema: './node_modules/mcflow-hooks/schema.json', extends: 'gitflow' }));
    repo.write('commitlint.config.ts', "export default { extends: ['@commitlint/config-conventional'], rules: { 'scope-empty': [0] } } as const;\n");
    const message = repo.write('msg', 'feat: ok\n');
    const cold = loadedBy(repo, ['run', 'commit-msg', message], { GIT_PREFIX: '' });
    assert.ok(cold.includes('dist/vendor/cosmiconfig.cjs') && cold.some((file) => file.startsWith('node_modules/jiti/')), cold.join('\n'));
    const warm = loadedBy(repo, ['run', 'commit-msg', message], { GIT_PREFIX: '' });
    // no cosmiconfig, YAML/JSON parsers, schema validator, globs or jiti: one JSON file per config
    assert.deepEqual(warm, loadedBy(createRepo(t), ['run', 'commit-msg', message], { GIT_PREFIX: '' }), 'the same files as a repository with no config at all');
    assert.ok(!warm.some((file) => /cosmiconfig|glob|jiti|@commitlint\/load/.test(file)), warm.join('\n'));
  });

  it('--version loads nothing but the bin, the program and its sentences', (t) => {
    const repo = createRepo(t);
    assert.deepEqual(loadedBy(repo, ['--version']), ['dist/cli.cjs', 'dist/main.cjs', 'dist/shared/messages.cjs']);
  });

  it('prepare-commit-msg and a pre-commit without lint-staged tasks load neither zx nor lint-staged', (t) => {
    const repo = createRepo(t);
    const message = repo.write('msg', '\n# Please enter the commit message\n');
    assert.deepEqual(loadedBy(repo, ['run', 'prepare-commit-msg', message], { GIT_PREFIX: '' }), ['dist/cli.cjs', 'dist/main.cjs', 'dist/shared/messages.cjs']);
    assert.match(repo.read('msg'), /^feat: \n/, 'the template was written');
    const preCommit = loadedBy(repo, ['run', 'pre-commit']);
    assert.deepEqual(preCommit.filter((file) => /node_modules\/(zx|lint-staged)\//.test(file)), []);
  });
});
