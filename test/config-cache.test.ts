// The resolved-config cache the hooks share (src/config/cache.ts): used when valid, rebuilt when
// any input changes, never an error, and never trusted by verify. Whether a run was warm is
// read from the modules it loaded: a cold run loads cosmiconfig (or @commitlint/load's parts),
// a warm one only the CLI, its sentences and the check. That takes a hook process of its own per
// run; a run whose exit code is all a test asserts runs in-process (verdict), on the same files,
// except where a config module changes under the same path (Node keeps the first it imported)
// or where loading it every time is the point.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { createRepo, PACKAGE_ROOT, type TestRepo } from './helpers/repo.js';

const PRELOAD = path.join(PACKAGE_ROOT, 'test/helpers/loaded-modules.cjs');
const INIT_CONFIG = JSON.stringify({ $schema: './node_modules/mcflow-hooks/schema.json', extends: 'gitflow' });
const CACHE = 'node_modules/.cache/mcflow-hooks';

/** A repository with its own TMPDIR (the cache's fallback) and node_modules, as npm leaves one. */
function cacheRepo(t: TestContext): TestRepo & { tmp: string } {
  const repo = createRepo(t) as TestRepo & { tmp: string };
  repo.tmp = repo.env.TMPDIR!;
  fs.mkdirSync(path.join(repo.dir, 'node_modules'));
  return repo;
}

function linkConventional(repo: TestRepo): void {
  fs.mkdirSync(path.join(repo.dir, 'node_modules/@commitlint'), { recursive: true });
  fs.symlinkSync(path.join(PACKAGE_ROOT, 'node_modules/@commitlint/config-conventional'), path.join(repo.dir, 'node_modules/@commitlint/config-conventional'));
}

/** Runs the commit-msg hook on `message`: its exit code, and whether it had to resolve a config (cold). */
function commitMsg(repo: TestRepo, message: string): { code: number; cold: boolean; output: string } {
  const record = path.join(repo.home, 'loaded.txt');
  const result = repo.cli(['run', 'commit-msg', repo.write('.git/MSG', message)], { env: { NODE_OPTIONS: `--require ${PRELOAD}`, MCFLOW_TEST_LOADED: record, GIT_PREFIX: '' } });
  assert.ok(result.code === 0 || result.code === 1, result.output);
  const loaded = fs.readFileSync(record, 'utf8');
  return { code: result.code, cold: /vendor\/cosmiconfig|node_modules\/jiti|config\/validate|shared\/glob/.test(loaded), output: result.output };
}

/**
 * The commit-msg hook on `message` run in this process (main()), for a verdict alone: its exit
 * code. It reads and writes the same cache files a hook process does; whether a run was cold can
 * only be seen in a process of its own (commitMsg), where nothing was loaded before it.
 */
async function verdict(repo: TestRepo, message: string): Promise<number> {
  const result = await repo.run(['run', 'commit-msg', repo.write('.git/MSG', message)], { env: { GIT_PREFIX: '' } });
  assert.ok(result.code === 0 || result.code === 1, result.output);
  return result.code;
}

function cacheFiles(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((file) => file.endsWith('.json')) : [];
}

describe('resolved-config cache: the mcflow config', () => {
  it('a repository as init leaves it resolves once, then reads the cache', async (t) => {
    const repo = cacheRepo(t);
    repo.write('.mcflowrc.json', INIT_CONFIG);
    assert.deepEqual(commitMsg(repo, 'feat: add login\n'), { code: 0, cold: true, output: '' });
    assert.equal(cacheFiles(path.join(repo.dir, CACHE)).length, 1);
    assert.deepEqual(commitMsg(repo, 'feat: add login\n'), { code: 0, cold: false, output: '' });
    assert.equal(await verdict(repo, 'add login\n'), 1, 'the cached policy still lints');
  });

  it('one resolution per commit: pre-commit stores it, commit-msg (the last hook git runs) reads it', async (t) => {
    const repo = cacheRepo(t);
    repo.write('.mcflowrc.json', INIT_CONFIG);
    repo.installHooks({
      'pre-commit': 'mcflow-hooks run pre-commit\n',
      'prepare-commit-msg': 'mcflow-hooks run prepare-commit-msg "$1" "$2" "$3"\n',
      'commit-msg': 'mcflow-hooks run commit-msg "$1"\n',
    });
    repo.git(['checkout', '-q', '-b', 'feature/login']);
    repo.write('src/login.ts', 'export const login = () => true;\n');
    repo.git(['add', 'src/login.ts', '.mcflowrc.json']);
    const record = path.join(repo.home, 'loaded.txt');
    // each hook process rewrites the record at exit: what is left is commit-msg's
    repo.git(['commit', '-q', '-m', 'feat: add login'], { env: { NODE_OPTIONS: `--require ${PRELOAD}`, MCFLOW_TEST_LOADED: record } });
    assert.equal(cacheFiles(path.join(repo.dir, CACHE)).length, 1);
    assert.doesNotMatch(fs.readFileSync(record, 'utf8'), /vendor\/cosmiconfig|shared\/glob/);
  });

  it('editing the config rebuilds it', async (t) => {
    const repo = cacheRepo(t);
    repo.write('.mcflowrc.json', INIT_CONFIG);
    assert.equal(await verdict(repo, 'story: add login\n'), 1);
    repo.write('.mcflowrc.json', JSON.stringify({ extends: 'gitflow', commits: { rules: { 'type-enum': [2, 'always', ['story']] } } }));
    const after = commitMsg(repo, 'story: add login\n');
    assert.deepEqual([after.code, after.cold], [0, true]);
    assert.deepEqual([commitMsg(repo, 'story: add login\n').cold, await verdict(repo, 'feat: add login\n')], [false, 1]);
  });

  it('a file the config extends is watched too', async (t) => {
    const repo = cacheRepo(t);
    repo.write('.mcflowrc.json', JSON.stringify({ extends: './team.json' }));
    repo.write('team.json', JSON.stringify({ extends: 'gitflow' }));
    assert.equal(await verdict(repo, 'story: add login\n'), 1);
    repo.write('team.json', JSON.stringify({ extends: 'gitflow', commits: { rules: { 'type-enum': [2, 'always', ['story']] } } }));
    assert.deepEqual(await verdict(repo, 'story: add login\n'), 0);
  });

  it('a config file added earlier in the search order takes over', async (t) => {
    const repo = cacheRepo(t);
    repo.write('.mcflowrc.json', INIT_CONFIG);
    assert.equal(await verdict(repo, 'story: add login\n'), 1);
    assert.equal(commitMsg(repo, 'story: add login\n').cold, false);
    // package.json comes first in the search places
    repo.write('package.json', JSON.stringify({ name: 'app', mcflow: { extends: 'gitflow', commits: { rules: { 'type-enum': [2, 'always', ['story']] } } } }));
    assert.equal(await verdict(repo, 'story: add login\n'), 0);
    fs.rmSync(path.join(repo.dir, 'package.json'));
    assert.equal(await verdict(repo, 'story: add login\n'), 1, 'and removing it gives the old one back');
  });

  it('a deleted or corrupted cache is rebuilt, never an error', async (t) => {
    const repo = cacheRepo(t);
    repo.write('.mcflowrc.json', INIT_CONFIG);
    await verdict(repo, 'feat: add login\n');
    fs.rmSync(path.join(repo.dir, CACHE), { recursive: true });
    assert.deepEqual(commitMsg(repo, 'feat: add login\n'), { code: 0, cold: true, output: '' });
    const [entry] = cacheFiles(path.join(repo.dir, CACHE));
    for (const garbage of ['{"format":1,', '', 'null', '{"format":1,"version":"0.0.0","inputs":{},"value":{}}', '[]']) {
      fs.writeFileSync(path.join(repo.dir, CACHE, entry!), garbage);
      assert.deepEqual(commitMsg(repo, 'feat: add login\n'), { code: 0, cold: true, output: '' }, garbage);
      assert.equal(await verdict(repo, 'add login\n'), 1);
      assert.doesNotThrow(() => JSON.parse(fs.readFileSync(path.join(repo.dir, CACHE, entry!), 'utf8')), 'rewritten');
    }
  });

  it('an unwritable node_modules/.cache falls back to the temp dir', async (t) => {
    const repo = cacheRepo(t);
    repo.write('.mcflowrc.json', INIT_CONFIG);
    const cache = path.join(repo.dir, 'node_modules/.cache');
    fs.mkdirSync(cache);
    // root writes through permissions: a file where our directory would go stops it too.
    fs.writeFileSync(path.join(cache, 'mcflow-hooks'), '');
    fs.chmodSync(cache, 0o555);
    t.after(() => fs.existsSync(cache) && fs.chmodSync(cache, 0o755));
    assert.deepEqual(commitMsg(repo, 'feat: add login\n'), { code: 0, cold: true, output: '' });
    assert.deepEqual(commitMsg(repo, 'feat: add login\n'), { code: 0, cold: false, output: '' });
    const fallback = fs.readdirSync(repo.tmp).filter((name) => name.startsWith('mcflow-hooks-'));
    assert.equal(fallback.length, 1);
    fs.chmodSync(cache, 0o755);
    // no node_modules at all: the same
    const bare = cacheRepo(t);
    fs.rmSync(path.join(bare.dir, 'node_modules'), { recursive: true });
    bare.write('.mcflowrc.json', INIT_CONFIG);
    assert.equal(commitMsg(bare, 'feat: add login\n').cold, true);
    assert.equal(commitMsg(bare, 'feat: add login\n').cold, false);
  });

  it('a temp dir another user could write to is not trusted', async (t) => {
    const repo = cacheRepo(t);
    fs.rmSync(path.join(repo.dir, 'node_modules'), { recursive: true });
    repo.write('.mcflowrc.json', INIT_CONFIG);
    await verdict(repo, 'feat: add login\n');
    const [shared] = fs.readdirSync(repo.tmp).filter((name) => name.startsWith('mcflow-hooks-'));
    fs.chmodSync(path.join(repo.tmp, shared!), 0o777);
    assert.equal(commitMsg(repo, 'feat: add login\n').cold, true);
  });

  it('verify never reads it: an entry planted in the checkout changes nothing in CI', async (t) => {
    const repo = cacheRepo(t);
    repo.write('.mcflowrc.json', INIT_CONFIG);
    repo.commitQuietly('chore: init');
    await verdict(repo, 'feat: add login\n');
    // A pull request could commit node_modules/.cache with inputs that match its own files.
    const dir = path.join(repo.dir, CACHE);
    const [name] = cacheFiles(dir);
    const entry = JSON.parse(fs.readFileSync(path.join(dir, name!), 'utf8')) as { value: { config: { checks: Record<string, unknown> } } };
    entry.value.config.checks['commit-message'] = 'off';
    fs.writeFileSync(path.join(dir, name!), JSON.stringify(entry));
    assert.equal(await verdict(repo, 'add login\n'), 0, 'the hook follows its cache (a local file, as node_modules is)');
    repo.commitQuietly('add login');
    const verified = await repo.run(['verify', '--base', 'HEAD~1', '--head', 'HEAD', '--branch', 'feature/login', '--target', 'develop']);
    assert.equal(verified.code, 1, verified.output);
    assert.match(verified.output, /\[commit-message\]/);
  });
});

describe('resolved-config cache: the project\'s commitlint config', () => {
  const CONVENTIONAL_MJS = "export default { extends: ['@commitlint/config-conventional'], rules: { 'scope-empty': [2, 'never'] } };\n";

  it('a config that only extends config-conventional needs no @commitlint/load, even cold', async (t) => {
    const repo = cacheRepo(t);
    linkConventional(repo);
    repo.write('commitlint.config.mjs', CONVENTIONAL_MJS);
    const record = path.join(repo.home, 'loaded.txt');
    repo.cli(['run', 'commit-msg', repo.write('.git/MSG', 'feat(auth): add login\n')], { env: { NODE_OPTIONS: `--require ${PRELOAD}`, MCFLOW_TEST_LOADED: record } });
    // @commitlint/load is an ES module; cosmiconfig (CommonJS) is what it would have loaded
    assert.doesNotMatch(fs.readFileSync(record, 'utf8'), /cosmiconfig|config-validator/);
    assert.equal(await verdict(repo, 'feat: add login\n'), 1, 'scope-empty override applies');
    assert.equal(await verdict(repo, 'feat(auth): add login\n'), 0);
  });

  it('a .ts config is read without jiti once cached; editing it rebuilds', async (t) => {
    const repo = cacheRepo(t);
    linkConventional(repo);
    repo.write('commitlint.config.ts', "const config = { extends: ['@commitlint/config-conventional'] } as const;\nexport default config;\n");
    assert.deepEqual([commitMsg(repo, 'feat: add login\n').cold, commitMsg(repo, 'feat: add login\n').cold], [true, false]);
    repo.write('commitlint.config.ts', "const config = { extends: ['@commitlint/config-conventional'], rules: { 'type-enum': [2, 'always', ['story']] } } as const;\nexport default config;\n");
    assert.equal(await verdict(repo, 'feat: add login\n'), 1);
    assert.equal(await verdict(repo, 'story: add login\n'), 0);
  });

  it('a higher-precedence commitlint file takes over', async (t) => {
    const repo = cacheRepo(t);
    linkConventional(repo);
    repo.write('commitlint.config.mjs', CONVENTIONAL_MJS);
    assert.equal(await verdict(repo, 'feat: add login\n'), 1);
    repo.write('.commitlintrc.json', JSON.stringify({ extends: ['@commitlint/config-conventional'] }));
    assert.equal(await verdict(repo, 'feat: add login\n'), 0);
  });

  it('upgrading an extended package rebuilds the entry', async (t) => {
    const repo = cacheRepo(t);
    const pkg = path.join(repo.dir, 'node_modules/commitlint-config-team');
    const release = (version: string, types: string[]) => {
      fs.mkdirSync(pkg, { recursive: true });
      fs.writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: 'commitlint-config-team', version, main: 'index.js' }));
      fs.writeFileSync(path.join(pkg, 'index.js'), `module.exports = { rules: { 'type-enum': [2, 'always', ${JSON.stringify(types)}] } };\n`);
    };
    release('1.0.0', ['story']);
    repo.write('.commitlintrc.json', JSON.stringify({ extends: ['team'] }));
    assert.equal(commitMsg(repo, 'story: add login\n').code, 0);
    assert.equal(commitMsg(repo, 'task: add login\n').code, 1);
    release('1.1.0', ['task']);
    assert.equal(commitMsg(repo, 'task: add login\n').code, 0);
    assert.equal(commitMsg(repo, 'story: add login\n').code, 1);
  });

  it('an installed config-conventional other than the bundled one is loaded, not replaced', async (t) => {
    const repo = cacheRepo(t);
    const pkg = path.join(repo.dir, 'node_modules/@commitlint/config-conventional');
    fs.mkdirSync(pkg, { recursive: true });
    fs.writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: '@commitlint/config-conventional', version: '0.0.1', main: 'index.js' }));
    fs.writeFileSync(path.join(pkg, 'index.js'), "module.exports = { rules: { 'type-enum': [2, 'always', ['story']] } };\n");
    repo.write('.commitlintrc.json', JSON.stringify({ extends: ['@commitlint/config-conventional'] }));
    assert.equal(await verdict(repo, 'story: add login\n'), 0);
    assert.equal(await verdict(repo, 'feat: add login\n'), 1);
  });

  it('a config with a plugin is loaded the slow way every time, and still works', async (t) => {
    const repo = cacheRepo(t);
    linkConventional(repo);
    repo.write(
      'commitlint.config.mjs',
      "export default { extends: ['@commitlint/config-conventional'], plugins: [{ rules: { 'no-wip': ({ header }) => [!/wip/i.test(header ?? ''), 'no WIP commits'] } }], rules: { 'no-wip': [2, 'always'] } };\n",
    );
    for (let run = 0; run < 2; run++) {
      const bad = commitMsg(repo, 'feat: wip login\n');
      assert.equal(bad.code, 1);
      assert.match(bad.output, /no WIP commits/);
      assert.equal(commitMsg(repo, 'feat: add login\n').code, 0);
    }
    repo.write('package.json', JSON.stringify({ name: 'app', version: '1.0.0' }));
    const doctor = await repo.run(['doctor']);
    assert.match(doctor.output, /commitlint config .*loaded on every commit: plugin .* brings rules that are functions/);
  });
});
