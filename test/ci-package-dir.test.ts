// init in a package below the git root (a workspace's packages/app): the hooks run there, where
// its config is, so CI's verify must too; otherwise verify finds no config at the root and
// judges pull requests by the default preset instead of the package's policy.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { githubPullRequestEnv } from './helpers/ci.js';
import { linkInstalledPackages, packageRepo } from './helpers/init.js';

describe('init --ci github in a package below the root', () => {
  it('the workflow runs verify with the package\'s policy and writes the report at the root', async (t) => {
    const repo = packageRepo(t, { packageDir: 'packages/app' });
    const init = await repo.run(['init', '--preset', 'github-flow', '--no-install', '--ci', 'github'], { cwd: path.join(repo.dir, 'packages/app') });
    assert.equal(init.code, 0, init.output);
    linkInstalledPackages(repo, 'packages/app');
    repo.git(['add', '-A']);
    repo.commitQuietly('chore: add mcflow-hooks');
    // github-flow names branches feat/*; the default preset (gitflow) would refuse this one.
    repo.switchQuietly('-c', 'feat/login');
    repo.write('packages/app/login.ts', 'export const login = 1;\n');
    repo.git(['add', '-A']);
    repo.commitQuietly('feat: add login');

    const workflow = repo.read('.github/workflows/mcflow.yml');
    const command = /run: (.*mcflow-hooks verify.*)/.exec(workflow)![1]!;
    // The runner's shell; the CLI is installed in the package's node_modules.
    const env = { ...repo.env, ...githubPullRequestEnv(repo, { base: 'main', head: 'feat/login', title: 'feat: add login' }), GITHUB_WORKSPACE: repo.dir };
    const result = spawnSync('sh', ['-c', command], { cwd: repo.dir, env, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stdout + result.stderr);
    const sarif = JSON.parse(repo.read('mcflow.sarif')) as { runs: { results: { ruleId: string }[] }[] };
    assert.deepEqual(sarif.runs[0]!.results.map((r) => r.ruleId), []);
  });
});

describe('init --ci github: the install step', () => {
  it('runs no install script a pull request could edit to act before verify', async (t) => {
    const repo = packageRepo(t);
    assert.equal((await repo.run(['init', '--preset', 'github-flow', '--no-install', '--ci', 'github'])).code, 0);
    // What a pull request could write: a script that would run before the verify step.
    const manifest = JSON.parse(repo.read('package.json'));
    repo.write('package.json', JSON.stringify({ name: 'app', version: '1.0.0', scripts: { ...manifest.scripts, prepare: 'echo ran > pwned.txt', postinstall: 'echo ran > pwned.txt' } }));
    repo.write('package-lock.json', JSON.stringify({ name: 'app', version: '1.0.0', lockfileVersion: 3, requires: true, packages: { '': { name: 'app', version: '1.0.0' } } }));
    const install = /- run: (npm ci.*)/.exec(repo.read('.github/workflows/mcflow.yml'))![1]!;
    const result = spawnSync('sh', ['-c', install], { cwd: repo.dir, env: { ...repo.env, npm_config_cache: path.join(repo.home, '.npm'), npm_config_offline: 'true' }, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.equal(fs.existsSync(path.join(repo.dir, 'pwned.txt')), false, `"${install}" ran an install script`);
  });
});

describe('init --ci github: the verify step', () => {
  it('runs the installed CLI, not npx, which would run the node-options of a pull request\'s .npmrc', async (t) => {
    const repo = packageRepo(t);
    assert.equal((await repo.run(['init', '--preset', 'github-flow', '--no-install', '--ci', 'github'])).code, 0);
    linkInstalledPackages(repo);
    repo.git(['add', '-A']);
    repo.commitQuietly('chore: add mcflow-hooks');
    repo.switchQuietly('-c', 'feat/keys');
    // The pull request: a secret, and a .npmrc that would preload its own code and exit 0.
    repo.write('config.yml', `key: "${'sk_' + 'live_' + 'u8jzPde0IgxLd6GncfBA9fQ2'}"\n`);
    repo.write('.npmrc', 'node-options="--require ./pass.cjs"\n');
    repo.write('pass.cjs', 'process.exit(0);\n');
    repo.git(['add', '-A']);
    repo.commitQuietly('feat: add keys');
    const command = /run: (.*mcflow-hooks verify.*)/.exec(repo.read('.github/workflows/mcflow.yml'))![1]!;
    const env = { ...repo.env, ...githubPullRequestEnv(repo, { base: 'main', head: 'feat/keys', title: 'feat: add keys' }), GITHUB_WORKSPACE: repo.dir, npm_config_cache: path.join(repo.home, '.npm'), npm_config_offline: 'true' };
    const result = spawnSync('sh', ['-c', command], { cwd: repo.dir, env, encoding: 'utf8' });
    assert.equal(result.status, 1, result.stdout + result.stderr);
    const sarif = JSON.parse(repo.read('mcflow.sarif')) as { runs: { results: { ruleId: string }[] }[] };
    assert.ok(sarif.runs[0]!.results.some((r) => r.ruleId.startsWith('secrets')), JSON.stringify(sarif.runs[0]!.results));
  });
});

describe('init --ci github with pnpm', () => {
  it('installs without the pull request\'s install scripts or .pnpmfile.cjs hooks', async (t) => {
    const repo = packageRepo(t);
    repo.write('pnpm-lock.yaml', "lockfileVersion: '9.0'\n");
    assert.equal((await repo.run(['init', '--preset', 'github-flow', '--no-install', '--ci', 'github'])).code, 0);
    assert.match(repo.read('.github/workflows/mcflow.yml'), /- run: pnpm install --frozen-lockfile --ignore-scripts --ignore-pnpmfile\n/);
  });
});
