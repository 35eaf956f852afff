// End to end, as a user meets the tool, in the layouts teams already have: the packed tarball
// (`npm pack`) installed into real repositories with a bare origin, `npx mcflow-hooks init --yes`,
// the daily workflow through real husky hooks (good and bad messages, a secret, a .env, a commit
// on a protected branch, a feature branch and a tag pushed), then `uninstall`, and the state
// before and after compared. To keep the suite to minutes, npm installs once into a template
// whose node_modules each npm case gets as hard links; pnpm and yarn install once each, for their
// workspace, with the pnpm and yarn that `npm ci` put in our own node_modules (devDependencies).
// Every process is started without blocking, so the cases really run side by side: while one
// waits for a hook or an install, another uses the CPU.
// git-lfs, when it cannot run here, is skipped with the reason printed; an install that hangs
// fails its test with the reason (helpers/install.ts).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it, type TestContext } from 'node:test';
import { gitlabMergeRequestEnv } from './helpers/ci.js';
import { snapshot } from './helpers/init.js';
import { hangReason, INSTALL_BOUND_MS, NETWORK_TIMEOUTS } from './helpers/install.js';
import { createRepo, PACKAGE_ROOT, type RunResult, type TestRepo } from './helpers/repo.js';

const LOCKFILES = ['package-lock.json', 'pnpm-lock.yaml', 'yarn.lock'];
const work = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mcflow-e2e-')));
let tarball = '';
/** The npm template: node_modules with the tarball and the tools an existing project brings. */
const npmTemplate = path.join(work, 'npm-template');
/** npm's install of the template, started in before() and awaited by the npm cases only: the pnpm and yarn cases need just the tarball. */
let npmTemplateInstall: Promise<{ problem?: string; hung?: string }> = Promise.resolve({});
/** The user's npm cache (the e2e HOMEs are empty): installs then stay offline where they can. Set in before(). */
let npmCache = '';

/**
 * `command args` in `cwd`, without blocking: the cases overlap for real. A process still
 * running after `timeout` ms (only given for installs, whose hang must fail with a reason) is killed.
 */
function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env, timeout?: number): Promise<RunResult & { timedOut: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const timer =
      timeout === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
          }, timeout);
    child.on('error', (error) => (stderr += String(error)));
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr, output: stdout + stderr, timedOut });
    });
  });
}

/** `git args` in the repository (or `cwd`); throws with git's output unless it exits 0 or `allowFailure` is set, as TestRepo.git does. */
async function git(repo: TestRepo, args: string[], options: { allowFailure?: boolean; cwd?: string } = {}): Promise<RunResult> {
  const result = await run('git', args, options.cwd ?? repo.dir, repo.env);
  if (result.code !== 0 && !options.allowFailure) throw new Error(`git ${args.join(' ')} exited ${result.code}:\n${result.output}`);
  return result;
}

/**
 * `git switch -q args` without post-checkout: set-up for what a test asserts. Each layout's first
 * switch (the daily workflow's new feature branch) and the linked worktree's still go through it.
 */
async function switchQuietly(repo: TestRepo, ...args: string[]): Promise<void> {
  await git(repo, ['-c', 'core.hooksPath=/dev/null', 'switch', '-q', ...args]);
}

/** Commits everything staged (or an empty commit), bypassing every hook (as TestRepo.commitQuietly): test setup, not the thing tested. */
async function commitQuietly(repo: TestRepo, message: string): Promise<void> {
  await git(repo, ['-c', 'core.hooksPath=/dev/null', 'commit', '--allow-empty', '--no-verify', '-q', '-m', message]);
}

/**
 * pnpm and yarn as `npm ci` installed them (our devDependencies), each linked alone into a
 * folder of their own on the cases' PATH: putting our node_modules/.bin there would hand the
 * repositories our commitlint, husky and lint-staged as well.
 */
const managersBin = path.join(work, 'package-managers');
const managers = { pnpm: 'pnpm/bin/pnpm.cjs', yarn: 'yarn/bin/yarn.js' };
function managerBin(name: keyof typeof managers): string {
  const target = path.join(PACKAGE_ROOT, 'node_modules', managers[name]);
  assert.ok(fs.existsSync(target), `${name} is missing from node_modules (a devDependency of this package): run npm ci`);
  return path.join(managersBin, name);
}

/** How this machine reaches the registry: proxies and extra CA certificates. */
function networkEnv(): NodeJS.ProcessEnv {
  const names = ['NODE_EXTRA_CA_CERTS', 'SSL_CERT_FILE', 'SSL_CERT_DIR', 'HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'http_proxy', 'https_proxy', 'no_proxy'];
  return Object.fromEntries(names.filter((key) => process.env[key] !== undefined).map((key) => [key, process.env[key]]));
}

/**
 * What the package managers read, in every process of a layout (hooks included, as a user's
 * shell has it). The network settings are not here: only installs reach the registry (withNetwork);
 * NODE_EXTRA_CA_CERTS alone costs every Node start ~40 ms of CPU on the development machine, and
 * the hooks of the daily workflows start over a hundred.
 */
function managerEnv(): NodeJS.ProcessEnv {
  return {
    npm_config_cache: npmCache,
    npm_config_prefer_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    ...NETWORK_TIMEOUTS,
    // pnpm's store and metadata cache where pnpm keeps them for the user (the e2e HOMEs are empty),
    // as npm's cache above: an install links the packages it has instead of downloading them each
    // run (~0.7 s less CPU per pnpm install). Its store is safe to share between processes.
    npm_config_store_dir: path.join(process.env.XDG_DATA_HOME || path.join(os.homedir(), '.local/share'), 'pnpm/store'),
    npm_config_cache_dir: path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'pnpm'),
    YARN_CACHE_FOLDER: path.join(work, 'yarn-cache'),
    CI: 'true',
    PATH: [managersBin, process.env.PATH].join(path.delimiter),
  };
}

/** The versions of the tools an existing project pins: the ones in our own lockfile, so npm's cache has them. */
const PROJECT_TOOLS = { '@commitlint/cli': '^20.5.3', '@commitlint/config-conventional': '^20.5.3', husky: '^9.1.7', 'lint-staged': '^16.4.0' };

before(async () => {
  // Under `npm test` npm says where its cache is; run alone, npm is asked.
  npmCache = process.env.npm_config_cache || (await run('npm', ['config', 'get', 'cache'], os.tmpdir())).stdout.trim();
  fs.mkdirSync(managersBin);
  for (const name of Object.keys(managers) as (keyof typeof managers)[]) {
    const target = path.join(PACKAGE_ROOT, 'node_modules', managers[name]);
    if (fs.existsSync(target)) fs.symlinkSync(target, path.join(managersBin, name));
  }

  // `npm pack` of this checkout, as `npm publish` would make it: prepack's manifest step strips
  // `prepare`; the build itself is skipped (scripts off) because `npm test` just built dist/.
  const strip = await run(process.execPath, ['scripts/pack-manifest.mjs', 'strip'], PACKAGE_ROOT);
  assert.equal(strip.code, 0, strip.output);
  let packed: RunResult;
  try {
    packed = await run('npm', ['pack', '--ignore-scripts', '--pack-destination', work, '--json'], PACKAGE_ROOT);
  } finally {
    await run(process.execPath, ['scripts/pack-manifest.mjs', 'restore'], PACKAGE_ROOT);
  }
  assert.equal(packed.code, 0, packed.output);
  tarball = path.join(work, (JSON.parse(packed.stdout) as { filename: string }[])[0]!.filename);

  // Not awaited here: the cases set up their repositories meanwhile, and pnpm and yarn need only the tarball.
  fs.mkdirSync(npmTemplate);
  fs.writeFileSync(path.join(npmTemplate, 'package.json'), JSON.stringify({ name: 'template', private: true, devDependencies: { 'mcflow-hooks': `file:${tarball}`, ...PROJECT_TOOLS } }));
  npmTemplateInstall = run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], npmTemplate, withNetwork(managerEnv()), INSTALL_BOUND_MS).then((template) => {
    if (template.timedOut) return { hung: hangReason('npm', template) };
    if (template.code !== 0) return { problem: `npm could not install the tarball and the project tools: ${template.output.trim().split('\n').slice(-3).join(' ')}` };
    return {};
  });
});

// An install still running (a run filtered to the pnpm case) must not write into a folder being removed.
after(async () => {
  await npmTemplateInstall;
  fs.rmSync(work, { recursive: true, force: true });
});

/** An environment for a command that installs packages: `env` with the way to the registry. */
function withNetwork(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, ...networkEnv() };
}

/** `npx mcflow-hooks …`, as the README tells a user to run init (which installs). */
function npx(repo: TestRepo, args: string[], cwd = repo.dir): Promise<RunResult> {
  return run('npx', ['--no-install', 'mcflow-hooks', ...args], cwd, withNetwork(repo.env));
}

/**
 * The installed bin link that npx resolves (node_modules/.bin/mcflow-hooks, nearest first, up to
 * the repository root), run straight: the commands after init, without npx's start-up (~0.3 s
 * CPU each, and npx itself is already exercised by every init).
 */
function bin(repo: TestRepo, args: string[], cwd = repo.dir, env: NodeJS.ProcessEnv = repo.env): Promise<RunResult> {
  for (let dir = cwd; ; dir = path.dirname(dir)) {
    const link = path.join(dir, 'node_modules', '.bin', 'mcflow-hooks');
    if (fs.existsSync(link)) return run(link, args, cwd, env);
    assert.ok(dir.startsWith(repo.dir) && dir !== repo.dir, `no node_modules/.bin/mcflow-hooks from ${cwd} up to ${repo.dir}`);
  }
}

/** Runs `node <file>` when a task runs: counts its runs in `<name>.count`, so "ran once" can be checked. */
const COUNTER = "const fs = require('fs'); const f = __dirname + '/' + process.argv[2] + '.count'; fs.writeFileSync(f, String(Number(fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : 0) + 1));\n";
function runs(dir: string, name: string): number {
  const file = path.join(dir, `${name}.count`);
  return fs.existsSync(file) ? Number(fs.readFileSync(file, 'utf8')) : 0;
}

interface Layout {
  repo: TestRepo & { origin?: string };
  /** The package init runs in (a workspace package, or the root). */
  packageDir: string;
}

/** A repository with the given files committed, main (and `branches`) on origin. */
async function layoutRepo(t: TestContext, files: Record<string, string>, branches: string[] = ['develop']): Promise<TestRepo & { origin?: string }> {
  const repo = createRepo(t, { origin: true });
  Object.assign(repo.env, managerEnv());
  // Background upkeep after commits and pushes (`git maintenance run --auto`, `gc --auto`): work nothing here asserts on.
  fs.appendFileSync(path.join(repo.home, '.gitconfig'), '[maintenance]\n\tauto = false\n[gc]\n\tauto = 0\n');
  for (const [file, content] of Object.entries({ '.gitignore': 'node_modules/\n*.count\n', ...files })) {
    const written = repo.write(file, content);
    if (file.startsWith('.husky/')) fs.chmodSync(written, 0o755);
  }
  await git(repo, ['add', '-A']);
  await commitQuietly(repo, 'chore: initial commit');
  await git(repo, ['push', '-q', 'origin', 'main', ...branches.map((branch) => `main:${branch}`)]);
  await git(repo, ['fetch', '-q', 'origin']);
  await git(repo, ['remote', 'set-head', 'origin', 'main']);
  return repo;
}

/**
 * `dest` as a copy of `src` whose files are hard links: the same tree npm left, in a fraction
 * of a copy's time (copying ~7,500 files took 3-17 s per case on a loaded disk, linking < 1 s).
 * Safe to share because nothing writes into an installed package's files: npm replaces a
 * package by renaming its folder aside, caches write new files. npm does rewrite its hidden
 * lockfile in place, so that one is a copy of its own. `cp -al` links in one process without
 * blocking the other cases; where it cannot (a cp without -l, another device) files are copied.
 */
async function linkTree(src: string, dest: string): Promise<void> {
  const linked = await run('cp', ['-al', src, dest], path.dirname(dest));
  if (linked.code !== 0) {
    fs.rmSync(dest, { recursive: true, force: true });
    fs.cpSync(src, dest, { recursive: true, verbatimSymlinks: true });
  }
  const lockfile = path.join(dest, '.package-lock.json');
  if (fs.existsSync(lockfile)) {
    fs.rmSync(lockfile);
    fs.copyFileSync(path.join(src, '.package-lock.json'), lockfile);
  }
}

/** An npm project: the files, and the template's node_modules linked in, as `npm install` left them. */
async function npmLayout(t: TestContext, files: Record<string, string>, branches?: string[]): Promise<Layout | undefined> {
  const repo = await layoutRepo(t, files, branches);
  const template = await npmTemplateInstall;
  assert.equal(template.hung, undefined, template.hung);
  if (template.problem) {
    t.diagnostic(template.problem);
    t.skip(template.problem);
    return undefined;
  }
  await linkTree(path.join(npmTemplate, 'node_modules'), path.join(repo.dir, 'node_modules'));
  fs.copyFileSync(path.join(npmTemplate, 'package-lock.json'), path.join(repo.dir, 'package-lock.json'));
  return { repo, packageDir: repo.dir };
}

function manifest(extra: Record<string, unknown> = {}): string {
  return `${JSON.stringify({ name: 'app', version: '1.0.0', scripts: { test: 'node --test' }, ...extra, devDependencies: { 'mcflow-hooks': `file:${tarball}`, ...(extra.devDependencies as object) } }, null, 2)}\n`;
}

/** What must come back after uninstall: the files (lockfiles, node_modules and the workflow's own files aside), hooks path, .git/hooks. */
async function state(layout: Layout): Promise<{ files: Record<string, string>; hooksPath: string; gitHooks: string[] }> {
  const files = snapshot(layout.repo.dir);
  for (const name of Object.keys(files)) {
    if (LOCKFILES.includes(path.basename(name)) || name.startsWith('e2e/') || name.includes('/e2e/') || name.endsWith('.count')) delete files[name];
    // `npm i -D mcflow-hooks` came before init; uninstall takes that entry away as well.
    else if (path.basename(name) === 'package.json') files[name] = withoutOurDependency(files[name]!);
  }
  const hooksDir = path.join(layout.repo.dir, '.git', 'hooks');
  const gitHooks = fs.readdirSync(hooksDir).sort().map((name) => `${name}:${fs.readFileSync(path.join(hooksDir, name), 'utf8').length}`);
  return { files, hooksPath: (await git(layout.repo, ['config', 'core.hooksPath'], { allowFailure: true })).stdout.trim(), gitHooks };
}

/** package.json as it was before `npm i -D mcflow-hooks`, in the layout the file uses (two spaces). */
function withoutOurDependency(text: string): string {
  const data = JSON.parse(text) as { devDependencies?: Record<string, string> };
  if (!data.devDependencies?.['mcflow-hooks']) return text;
  delete data.devDependencies['mcflow-hooks'];
  if (Object.keys(data.devDependencies).length === 0) delete data.devDependencies;
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** A fake live Stripe key, built at run time so no secret sits in this file. */
const STRIPE_KEY = ['sk', 'live', '4eC39HqLyjWDarjtT1zdp7dc9x8Kq3Wm'].join('_');

/**
 * The day of a developer: messages, a secret, a .env, a protected branch, a push, a tag.
 * `where` is the directory files are written in (a workspace package or the root).
 */
async function dailyWorkflow(t: TestContext, layout: Layout, options: { feature: string; protectedBranch: string }): Promise<void> {
  const { repo } = layout;
  const rel = path.relative(repo.dir, layout.packageDir);
  const file = (name: string) => (rel ? `${rel}/e2e/${name}` : `e2e/${name}`);

  await t.test('a bad message is refused, a good one accepted', async () => {
    await git(repo, ['switch', '-q', '-c', options.feature]);
    repo.write(file('login.js'), 'export const login = 1;\n');
    await git(repo, ['add', file('login.js')]);
    const bad = await git(repo, ['commit', '-m', 'Added login.'], { allowFailure: true });
    assert.notEqual(bad.code, 0);
    assert.match(bad.output, /\[commit-message\]/);
    const good = await git(repo, ['commit', '-m', 'feat: add login']);
    assert.equal(good.code, 0, good.output);
  });

  await t.test('a staged secret is refused, masked; a staged .env gets one fix', async () => {
    repo.write(file('pay.js'), `export const key = "${STRIPE_KEY}";\n`);
    await git(repo, ['add', file('pay.js')]);
    const secret = await git(repo, ['commit', '-m', 'feat: add payments'], { allowFailure: true });
    assert.notEqual(secret.code, 0);
    assert.match(secret.output, /\[secrets\]/);
    assert.equal(secret.output.includes(STRIPE_KEY), false, 'the key is never printed');
    await git(repo, ['rm', '-q', '--cached', file('pay.js')]);
    fs.rmSync(path.join(repo.dir, file('pay.js')));
    repo.write(file('.env'), `DATABASE_URL=postgres://admin:${['hunter', '2hunter2'].join('')}@db.example.com/app\n`);
    await git(repo, ['add', '-f', file('.env')]);
    const env = await git(repo, ['commit', '-m', 'chore: add env'], { allowFailure: true });
    assert.notEqual(env.code, 0);
    assert.match(env.output, /\[sensitive-files\]/);
    assert.doesNotMatch(env.output, /git add -- /, 'no fix says to stage the .env again');
    await git(repo, ['rm', '-q', '--cached', file('.env')]);
    fs.rmSync(path.join(repo.dir, file('.env')));
  });

  await t.test(`a commit on ${options.protectedBranch}, and a local merge into it, are refused`, async () => {
    await switchQuietly(repo, options.protectedBranch);
    const direct = await git(repo, ['commit', '--allow-empty', '-m', 'feat: straight in'], { allowFailure: true });
    assert.notEqual(direct.code, 0);
    assert.match(direct.output, /\[protected-branch\]/);
    const head = (await git(repo, ['rev-parse', 'HEAD'])).stdout;
    const merge = await git(repo, ['merge', '--no-ff', '--no-edit', options.feature], { allowFailure: true });
    assert.notEqual(merge.code, 0, 'pre-merge-commit refuses the merge commit');
    assert.match(merge.output, /merging into the protected branch/);
    await git(repo, ['merge', '--abort'], { allowFailure: true });
    assert.equal((await git(repo, ['rev-parse', 'HEAD'])).stdout, head);
    await switchQuietly(repo, options.feature);
  });

  await t.test('a feature branch and a release tag are pushed; a bad tag is refused', async () => {
    const push = await git(repo, ['push', '-u', 'origin', options.feature]);
    assert.equal(push.code, 0, push.output);
    assert.equal((await git(repo, ['rev-parse', 'HEAD'])).stdout, (await git(repo, ['rev-parse', `origin/${options.feature}`])).stdout);
    await git(repo, ['tag', 'v1.0.0', 'main']);
    const tag = await git(repo, ['push', 'origin', 'v1.0.0']);
    assert.equal(tag.code, 0, tag.output);
    await git(repo, ['tag', 'release-1', 'main']);
    const badTag = await git(repo, ['push', 'origin', 'release-1'], { allowFailure: true });
    assert.notEqual(badTag.code, 0);
    assert.match(badTag.output, /\[tag-name\]/);
    await git(repo, ['tag', '-d', 'release-1']);
  });
}

/**
 * init, the daily workflow, uninstall; the state before init comes back. `install: false` runs
 * `init --yes --no-install` through the installed bin link: the npm layouts link node_modules
 * from the template, as the install would leave it, so init's own `npm install` changes nothing
 * there (~1 s of CPU and 2–3 s each), and npx resolves that same link (~0.3 s of CPU each). The
 * blank npm, pnpm and yarn cases run `npx mcflow-hooks init --yes`, install included, as the
 * README says.
 */
async function adopt(t: TestContext, layout: Layout, options: { feature: string; protectedBranch: string; preset: string; install?: boolean; check?: (init: RunResult) => void | Promise<void> }): Promise<void> {
  const before = await state(layout);
  const init = options.install === false ? await bin(layout.repo, ['init', '--yes', '--no-install'], layout.packageDir) : await npx(layout.repo, ['init', '--yes'], layout.packageDir);
  assert.equal(init.code, 0, init.output);
  assert.match(init.output, new RegExp(`Done: every commit and push now runs the "${options.preset}" policy`));
  const doctor = await bin(layout.repo, ['doctor'], layout.packageDir);
  assert.equal(doctor.code, 0, doctor.output);
  await options.check?.(init);
  await dailyWorkflow(t, layout, options);
  await t.test('uninstall gives back the repository as it was', async () => {
    await switchQuietly(layout.repo, 'main');
    const removed = await bin(layout.repo, ['uninstall'], layout.packageDir);
    assert.equal(removed.code, 0, removed.output);
    assert.deepEqual(await state(layout), before);
    const status = (await git(layout.repo, ['status', '--porcelain'])).stdout.split('\n').filter(Boolean);
    // package.json differs only by the `npm i -D mcflow-hooks` entry, compared in state() above.
    assert.deepEqual(status.filter((line) => ![...LOCKFILES, 'package.json'].some((file) => line.endsWith(file))), []);
  });
}

// The cases are independent repositories: they all run side by side (every process is started
// without blocking), so the installs, pushes and hooks of one overlap another's.
describe('adopting the packed package in the layouts teams have', { concurrency: true }, () => {
  it('the published manifest has no prepare script (npm would list it as an install script)', async () => {
    const manifestText = (await run('tar', ['-xOzf', tarball, 'package/package.json'], work)).stdout;
    const scripts = (JSON.parse(manifestText) as { scripts?: Record<string, string> }).scripts ?? {};
    assert.equal(scripts.prepare, undefined);
    assert.equal(JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')).scripts.prepare, 'node scripts/prepare.mjs', 'the checkout keeps its own');
  });

  it('a blank npm repository', async (t) => {
    const layout = await npmLayout(t, { 'package.json': manifest() });
    if (!layout) return;
    await adopt(t, layout, { feature: 'feature/e2e-login', protectedBranch: 'develop', preset: 'gitflow' });
    await t.test('installs never fail because of our prepare path', async () => {
      const offline = ['--prefer-offline', '--no-audit', '--no-fund'];
      for (const args of [['install', '--ignore-scripts'], ['ci', '--omit=dev']]) {
        const result = await run('npm', [...args, ...offline], layout.repo.dir, withNetwork(layout.repo.env));
        assert.equal(result.code, 0, `npm ${args.join(' ')}: ${result.output}`);
      }
    });
  });

  it('husky + lint-staged + commitlint already set up: migrated, lint-staged runs once, after the policy', async (t) => {
    const layout = await npmLayout(t, {
      'package.json': manifest({ scripts: { test: 'node --test', prepare: 'husky' }, devDependencies: PROJECT_TOOLS, 'lint-staged': { '*.js': 'node count.cjs format' } }),
      'count.cjs': COUNTER,
      '.husky/pre-commit': 'npx lint-staged\n',
      '.husky/commit-msg': 'npx --no -- commitlint --edit "$1"\n',
      'commitlint.config.cjs': "module.exports = { extends: ['@commitlint/config-conventional'] };\n",
    });
    if (!layout) return;
    const { repo } = layout;
    // What `npm install` ran as `prepare` in this project.
    assert.equal((await run(process.execPath, ['node_modules/husky/bin.js'], repo.dir, repo.env)).code, 0);
    await adopt(t, layout, {
      feature: 'feature/e2e-login',
      protectedBranch: 'develop',
      preset: 'gitflow',
      install: false,
      check: async (init) => {
        assert.match(init.output, /replaced "npx lint-staged" in \.husky\/pre-commit/);
        assert.match(init.output, /replaced "npx --no -- commitlint --edit "\$1"" in \.husky\/commit-msg/);
        await t.test('a one-file commit runs lint-staged once; a refused commit never reaches the formatters', async () => {
          await switchQuietly(repo, 'develop');
          repo.write('e2e/a.js', 'a\n');
          await git(repo, ['add', 'e2e/a.js']);
          assert.notEqual((await git(repo, ['commit', '-m', 'feat: on develop'], { allowFailure: true })).code, 0);
          assert.equal(runs(repo.dir, 'format'), 0, 'the policy refused before the formatter ran');
          await switchQuietly(repo, '-c', 'feature/one-file');
          const one = await git(repo, ['commit', '-m', 'feat: one file']);
          assert.equal(one.code, 0, one.output);
          assert.equal(runs(repo.dir, 'format'), 1, 'lint-staged ran exactly once');
          await switchQuietly(repo, 'main');
        });
      },
    });
    assert.equal(repo.read('.husky/pre-commit'), 'npx lint-staged\n', "the user's hook line is back");
  });

  it('simple-git-hooks present: its hook keeps running, chained', async (t) => {
    const layout = await npmLayout(t, { 'package.json': manifest({ 'simple-git-hooks': { 'pre-commit': 'node count.cjs simple' } }), 'count.cjs': COUNTER });
    if (!layout) return;
    const { repo } = layout;
    // The hook file as simple-git-hooks writes it into .git/hooks.
    const hook = path.join(repo.dir, '.git', 'hooks', 'pre-commit');
    fs.writeFileSync(hook, '#!/bin/sh\n\nif [ "$SKIP_SIMPLE_GIT_HOOKS" = "1" ]; then\n    echo "[INFO] SKIP_SIMPLE_GIT_HOOKS is set to 1, skipping hook."\n    exit 0\nfi\n\nnode count.cjs simple', { mode: 0o755 });
    await adopt(t, layout, {
      feature: 'feature/e2e-login',
      protectedBranch: 'develop',
      preset: 'gitflow',
      install: false,
      check: async (init) => {
        assert.match(init.output, /simple-git-hooks hook \.git\/hooks\/pre-commit: chained from \.husky\/pre-commit/);
        assert.match((await bin(repo, ['doctor'])).output, /\.git\/hooks\/pre-commit \(simple-git-hooks\) is chained/);
      },
    });
    assert.ok(runs(repo.dir, 'simple') >= 1, 'the simple-git-hooks hook ran through our pre-commit');
  });

  it('git-lfs hooks present: LFS objects are still pushed', async (t) => {
    const lfs = await run('git', ['lfs', 'version'], work);
    if (lfs.code !== 0) {
      const reason = 'git-lfs is not installed on this machine (apt-get install git-lfs); the git-lfs layout is not tested';
      t.diagnostic(reason);
      t.skip(reason);
      return;
    }
    const layout = await npmLayout(t, { 'package.json': manifest(), '.gitattributes': '*.bin filter=lfs diff=lfs merge=lfs -text\n' });
    if (!layout) return;
    const { repo } = layout;
    assert.equal((await git(repo, ['lfs', 'install', '--local'])).code, 0);
    await adopt(t, layout, {
      feature: 'feature/e2e-login',
      protectedBranch: 'develop',
      preset: 'gitflow',
      install: false,
      check: async (init) => {
        assert.match(init.output, /git-lfs's pre-push hook: its line is added to \.husky\/pre-push/);
        await t.test('an LFS file pushed from a feature branch reaches the remote', async () => {
          await switchQuietly(repo, '-c', 'feature/lfs-asset');
          repo.write('e2e/asset.bin', Buffer.alloc(2048, 7));
          await git(repo, ['add', 'e2e/asset.bin']);
          await git(repo, ['commit', '-q', '-m', 'feat: add an asset']);
          assert.match((await git(repo, ['show', 'HEAD:e2e/asset.bin'])).stdout, /^version https:\/\/git-lfs/, 'stored as an LFS pointer');
          const push = await git(repo, ['push', '-u', 'origin', 'feature/lfs-asset']);
          assert.equal(push.code, 0, push.output);
          const objects = path.join(repo.origin!, 'lfs', 'objects');
          assert.ok(fs.existsSync(objects) && fs.readdirSync(objects, { recursive: true }).length > 0, `git lfs pre-push uploaded the object: ${push.output}`);
          await switchQuietly(repo, 'main');
        });
      },
    });
  });

  it('a linked worktree: hooks fire there, the bin comes from the main worktree, doctor gives the right fix', async (t) => {
    const layout = await npmLayout(t, { 'package.json': manifest() });
    if (!layout) return;
    const { repo } = layout;
    // A package manager that is not on PATH (pnpm without corepack): init stops before touching anything.
    const manifestText = repo.read('package.json');
    fs.renameSync(path.join(repo.dir, 'package-lock.json'), path.join(repo.dir, 'package-lock.aside'));
    repo.write('package.json', manifestText.replace('"name": "app",', '"name": "app",\n  "packageManager": "pnpm@9.1.0",'));
    const withPnpm = repo.read('package.json');
    const noPnpm = await run(process.execPath, [path.join(repo.dir, 'node_modules/mcflow-hooks/dist/cli.cjs'), 'init', '--yes'], repo.dir, { ...repo.env, PATH: path.dirname(process.execPath) + path.delimiter + '/usr/bin:/bin' });
    assert.equal(noPnpm.code, 2, noPnpm.output);
    assert.match(noPnpm.output, /corepack enable/);
    assert.equal(repo.read('package.json'), withPnpm, 'nothing was written');
    assert.equal(fs.existsSync(path.join(repo.dir, '.husky')), false);
    repo.write('package.json', manifestText);
    fs.renameSync(path.join(repo.dir, 'package-lock.aside'), path.join(repo.dir, 'package-lock.json'));
    // Through the bin link npx resolves (npx itself runs in the blank npm, pnpm and yarn cases).
    const init = await bin(repo, ['init', '--yes', '--no-install']);
    assert.equal(init.code, 0, init.output);
    // The team commits the set-up (through a pull request; here straight, as test setup).
    await git(repo, ['add', '-A']);
    await commitQuietly(repo, 'chore: adopt mcflow-hooks');
    const cli = path.join(repo.dir, 'node_modules/mcflow-hooks/dist/cli.cjs');
    const tree = path.join(path.dirname(repo.dir), 'linked');
    const added = await git(repo, ['worktree', 'add', '-b', 'feature/in-worktree', tree, 'main']);
    assert.doesNotMatch(added.output, /husky - .* failed/);
    fs.writeFileSync(path.join(tree, 'x.txt'), 'x\n');
    await git(repo, ['add', 'x.txt'], { cwd: tree });
    const bad = await git(repo, ['commit', '-m', 'Bad message'], { cwd: tree, allowFailure: true });
    assert.notEqual(bad.code, 0, 'the commit-msg hook ran in the linked worktree');
    assert.match(bad.output, /\[commit-message\]/);
    assert.equal((await git(repo, ['commit', '-m', 'feat: from the worktree'], { cwd: tree })).code, 0);
    const amend = await git(repo, ['commit', '--amend', '-m', 'From the worktree, amended'], { cwd: tree, allowFailure: true });
    assert.notEqual(amend.code, 0);
    assert.match(amend.output, /git commit --amend --edit --file=/, 'a refused amend gets the amend fix');
    const doctor = await run(process.execPath, [cli, 'doctor'], tree, repo.env);
    assert.equal(doctor.code, 0, doctor.output);
    // After an `npm install` in the main tree husky writes its relative path again: doctor in the worktree says what to run there.
    await git(repo, ['config', 'core.hooksPath', '.husky/_']);
    const relative = await run(process.execPath, [cli, 'doctor'], tree, repo.env);
    assert.equal(relative.code, 1, relative.output);
    assert.match(relative.output, /linked worktree: install here \(cd .*linked && npm ci\)/);
    assert.doesNotMatch(relative.output, /→ npx mcflow-hooks init/);
    await git(repo, ['config', 'core.hooksPath', `${repo.dir}/.husky/_`]);
    await git(repo, ['switch', '-q', '--detach'], { cwd: tree });
    assert.equal((await git(repo, ['switch', '-q', 'develop'], { cwd: tree })).code, 0);
    assert.notEqual((await git(repo, ['commit', '--allow-empty', '-m', 'feat: on develop'], { cwd: tree, allowFailure: true })).code, 0, 'develop is protected in the worktree too');
  });

  it("a repository with only main and its own PR template, on GitLab: github-flow, the template is the policy, glab fixes", async (t) => {
    const template = '## Summary\n\n<!-- what and why -->\n\n## How to test\n\n- [ ] No sensitive data exposed\n';
    const layout = await npmLayout(t, { 'package.json': manifest(), '.github/pull_request_template.md': template }, []);
    if (!layout) return;
    const { repo } = layout;
    await adopt(t, layout, {
      feature: 'feat/e2e-login',
      protectedBranch: 'main',
      preset: 'github-flow',
      install: false,
      check: async (init) => {
        assert.match(init.output, /Preset "github-flow": no develop branch/);
        assert.deepEqual(JSON.parse(repo.read('.mcflowrc.json')).pullRequests.body.sections, ['Summary', 'How to test']);
        // The set-up reaches main (through a merge request; here as test setup), so CI reads the policy from it.
        await git(repo, ['add', '-A']);
        await commitQuietly(repo, 'chore: adopt mcflow-hooks');
        await switchQuietly(repo, '-c', 'feat/pr-base');
        await commitQuietly(repo, 'feat: add x');
        const pr = await bin(repo, ['pr']);
        assert.equal(pr.code, 0, pr.output);
        assert.match(pr.stdout, /## Summary/, "pr fills in the project's template");
        const body = template.replace('<!-- what and why -->', 'Adds x.').replace('## How to test\n', '## How to test\nRun it.\n').replace('- [ ]', '- [x]');
        const mr = await bin(repo, ['verify'], repo.dir, { ...repo.env, ...gitlabMergeRequestEnv(repo, { base: 'main', head: 'feat/pr-base', title: 'Add x', body, number: 4 }) });
        assert.notEqual(mr.code, 0, mr.output);
        assert.match(mr.output, /Merge request title: /);
        assert.match(mr.output, /glab mr update 4 --title/);
        assert.doesNotMatch(mr.output, /\[pr-body\]/, 'a description written from the template passes');
        assert.doesNotMatch(mr.output, /gh pr edit/);
        await switchQuietly(repo, 'main');
        await git(repo, ['branch', '-q', '-D', 'feat/pr-base']);
        // Back to init's files uncommitted, as before.
        await git(repo, ['reset', '-q', '--soft', 'HEAD~1']);
        await git(repo, ['reset', '-q']);
      },
    });
  });

  it('a pnpm workspace, lint-staged at the root, init in a package', async (t) => {
    const pnpm = managerBin('pnpm');
    const repo = await layoutRepo(t, {
      'package.json': `${JSON.stringify({ name: 'root', private: true, devDependencies: { 'lint-staged': PROJECT_TOOLS['lint-staged'] }, 'lint-staged': { '*.js': 'node count.cjs format' } }, null, 2)}\n`,
      'pnpm-workspace.yaml': 'packages:\n  - packages/*\n',
      'count.cjs': COUNTER,
      'packages/app/package.json': manifest(),
    });
    const install = await run(pnpm, ['install', '--no-frozen-lockfile'], repo.dir, withNetwork(repo.env), INSTALL_BOUND_MS);
    assert.ok(!install.timedOut, hangReason('pnpm', install));
    assert.equal(install.code, 0, install.output);
    await git(repo, ['add', 'pnpm-lock.yaml']);
    await commitQuietly(repo, 'chore: lockfile');
    await git(repo, ['push', '-q', 'origin', 'main', 'main:develop']);
    const layout = { repo, packageDir: path.join(repo.dir, 'packages/app') };
    await adopt(t, layout, {
      feature: 'feature/e2e-login',
      protectedBranch: 'develop',
      preset: 'gitflow',
      check: () => undefined,
    });
    // Two commits got past pre-commit (the refused message is refused later, by commit-msg): one run each.
    assert.equal(runs(repo.dir, 'format'), 2, "the root's lint-staged config ran from the root, once per commit");
  });

  it('a yarn workspace, init in a package, bins hoisted to the root', async (t) => {
    const yarn = managerBin('yarn');
    const repo = await layoutRepo(t, {
      'package.json': `${JSON.stringify({ name: 'root', private: true, workspaces: ['packages/*'] }, null, 2)}\n`,
      'packages/app/package.json': manifest(),
    });
    const install = await run(yarn, ['install', '--non-interactive'], repo.dir, withNetwork(repo.env), INSTALL_BOUND_MS);
    assert.ok(!install.timedOut, hangReason('yarn', install));
    assert.equal(install.code, 0, install.output);
    await git(repo, ['add', 'yarn.lock']);
    await commitQuietly(repo, 'chore: lockfile');
    await git(repo, ['push', '-q', 'origin', 'main', 'main:develop']);
    await adopt(t, { repo, packageDir: path.join(repo.dir, 'packages/app') }, { feature: 'feature/e2e-login', protectedBranch: 'develop', preset: 'gitflow' });
  });
});
