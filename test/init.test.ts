// `init`, `doctor` and `uninstall` in real repositories, with real husky hooks (installs are
// skipped with --no-install and the built CLI linked in; the packed tarball is tested in e2e).
// The commands run in-process through main(); the commits after init go through real husky
// hooks and the built bin, and the terminal prompt through a real terminal (script(1)).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { hookLine } from '../src/install/hook-files.js';
import { linkInstalledPackages, PACKAGE_JSON, packageRepo, snapshot } from './helpers/init.js';
import { CLI, createRepo, makeTempDir, isolatedEnv, runMain } from './helpers/repo.js';

describe('init', () => {
  it('sets up hooks, config and templates, and the hooks then refuse and accept real commits', async (t) => {
    const repo = packageRepo(t);
    const result = await repo.run(['init', '--preset', 'gitflow', '--no-install']);
    assert.equal(result.code, 0, result.output);
    assert.match(result.output, /skipped installing \(--no-install\); run it yourself: npm install/);
    assert.match(result.output, /git commit --no-verify/);
    assert.match(result.output, /CI runs the same checks/);
    const manifest = JSON.parse(repo.read('package.json'));
    assert.deepEqual(manifest.scripts, { test: 'node --test', prepare: 'husky || true' });
    assert.deepEqual(Object.keys(manifest.devDependencies), ['mcflow-hooks', 'husky']);
    assert.equal(repo.git(['config', 'core.hooksPath']).stdout.trim(), `${repo.dir}/.husky/_`);
    for (const hook of ['commit-msg', 'prepare-commit-msg']) {
      const file = path.join(repo.dir, '.husky', hook);
      assert.ok(fs.statSync(file).mode & 0o100, `${hook} is executable`);
      assert.doesNotMatch(fs.readFileSync(file, 'utf8'), /\r/);
    }
    assert.match(repo.read('.mcflowrc.json'), /"extends": "gitflow"/);
    const template = repo.read('.github/pull_request_template.md');
    for (const heading of ['Description', 'Type of change', 'Testing', 'Security', 'Deployment']) assert.match(template, new RegExp(`## ${heading}`));
    assert.ok(fs.existsSync(path.join(repo.dir, '.github/PULL_REQUEST_TEMPLATE/release.md')));

    linkInstalledPackages(repo);
    repo.switchQuietly('-c', 'feature/init-test');
    repo.write('a.txt', 'a\n');
    repo.git(['add', 'a.txt']);
    const bad = repo.git(['commit', '-m', 'Added a.'], { allowFailure: true });
    assert.notEqual(bad.code, 0);
    assert.match(bad.output, /\[commit-message\]/);
    assert.equal(repo.git(['commit', '-m', 'feat: add a']).code, 0);
  });

  it('--ci github writes the verify workflow for the preset\'s protected branches, once', async (t) => {
    const repo = packageRepo(t);
    const result = await repo.run(['init', '--preset', 'gitflow', '--no-install', '--ci', 'github']);
    assert.equal(result.code, 0, result.output);
    const workflow = repo.read('.github/workflows/mcflow.yml');
    assert.match(workflow, /fetch-depth: 0/);
    assert.match(workflow, /mcflow-hooks verify/);
    assert.match(workflow, /\['main', 'main-production', 'develop', 'legacy-v1-production'\]/);
    assert.match(workflow, /npm ci/);
    repo.write('.github/workflows/mcflow.yml', `${workflow}# my own step\n`);
    const again = await repo.run(['init', '--preset', 'gitflow', '--no-install', '--ci', 'github']);
    assert.match(again.output, /kept your \.github\/workflows\/mcflow\.yml/);
    assert.match(repo.read('.github/workflows/mcflow.yml'), /# my own step/);
  });

  it('--ci gitlab prints a job and writes no CI file; an unknown CI is exit 2', async (t) => {
    const repo = packageRepo(t);
    const result = await repo.run(['init', '--preset', 'gitflow', '--no-install', '--ci', 'gitlab']);
    assert.equal(result.code, 0, result.output);
    assert.match(result.stdout, /Add this job to your \.gitlab-ci\.yml/);
    assert.match(result.stdout, /mcflow-hooks verify/);
    assert.equal(fs.existsSync(path.join(repo.dir, '.gitlab-ci.yml')), false);
    const bad = await repo.run(['init', '--preset', 'gitflow', '--no-install', '--ci', 'jenkins']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /Unknown CI "jenkins" for --ci\. Choices: github, gitlab/);
  });

  it('a second init changes nothing', async (t) => {
    const repo = packageRepo(t);
    assert.equal((await repo.run(['init', '--preset', 'gitflow', '--no-install'])).code, 0);
    linkInstalledPackages(repo);
    const before = snapshot(repo.dir);
    const again = await repo.run(['init', '--preset', 'gitflow']);
    assert.equal(again.code, 0, again.output);
    assert.match(again.output, /Already set up: nothing to change/);
    assert.match(again.output, /kept your config \.mcflowrc\.json/);
    assert.deepEqual(snapshot(repo.dir), before);
  });

  it('--dry-run lists every file and command and changes nothing', async (t) => {
    const repo = packageRepo(t);
    const before = snapshot(repo.dir);
    const result = await repo.run(['init', '--preset', 'gitflow', '--dry-run']);
    assert.equal(result.code, 0, result.output);
    assert.match(result.output, /Dry run: nothing is changed/);
    for (const line of ['update package.json', 'run    npm install', 'create .husky/commit-msg (executable)', 'run    husky .husky', 'create .mcflowrc.json', 'create .github/pull_request_template.md']) {
      assert.ok(result.output.includes(line), `lists "${line}"`);
    }
    assert.deepEqual(snapshot(repo.dir), before);
    assert.equal(repo.git(['config', 'core.hooksPath'], { allowFailure: true }).code, 1, 'core.hooksPath untouched');
  });

  it("adds our line once to an existing hook, keeps the user's lines, and uninstall gives the file back", async (t) => {
    const repo = packageRepo(t);
    const own = 'echo "user hook ran" >> hook.log\n';
    repo.write('.husky/commit-msg', own);
    repo.git(['add', '-A']);
    repo.commitQuietly('chore: add a hook');
    assert.equal((await repo.run(['init', '--preset', 'gitflow', '--no-install'])).code, 0);
    assert.equal((await repo.run(['init', '--preset', 'gitflow', '--no-install'])).code, 0);
    const merged = repo.read('.husky/commit-msg');
    assert.equal(merged, `${hookLine('mcflow-hooks run commit-msg "$1"', '')}\n${own}`, 'ours first: the policy runs before the user\'s tasks');
    linkInstalledPackages(repo);
    repo.switchQuietly('-c', 'feature/init-test');
    assert.notEqual(repo.git(['commit', '--allow-empty', '-m', 'bad'], { allowFailure: true }).code, 0);
    assert.equal(fs.existsSync(path.join(repo.dir, 'hook.log')), false, "a refused message stops before the user's line");
    assert.equal(repo.git(['commit', '--allow-empty', '-m', 'chore: good']).code, 0);
    assert.match(repo.read('hook.log'), /user hook ran/, "the user's line still runs");
    fs.rmSync(path.join(repo.dir, 'hook.log'));
    const removed = await repo.run(['uninstall']);
    assert.equal(removed.code, 0, removed.output);
    assert.equal(repo.read('.husky/commit-msg'), own);
    // husky stays: the user's own hook still needs it, with the hooks path husky itself writes.
    assert.equal(JSON.parse(repo.read('package.json')).devDependencies.husky, '^9.1.7');
    assert.equal(repo.git(['config', 'core.hooksPath']).stdout.trim(), '.husky/_');
  });

  it('keeps an existing PR template unless --force', async (t) => {
    const repo = packageRepo(t);
    repo.write('.github/pull_request_template.md', '## Ours\n');
    repo.write('.github/PULL_REQUEST_TEMPLATE/release.md', '## Our release\n');
    const result = await repo.run(['init', '--preset', 'gitflow', '--no-install']);
    assert.equal(result.code, 0);
    assert.match(result.output, /kept your \.github\/pull_request_template\.md \(use --force/);
    assert.equal(repo.read('.github/pull_request_template.md'), '## Ours\n');
    assert.equal(repo.read('.github/PULL_REQUEST_TEMPLATE/release.md'), '## Our release\n');
    assert.ok(fs.existsSync(path.join(repo.dir, '.github/PULL_REQUEST_TEMPLATE/hotfix.md')), 'missing ones are added');
    const forced = await repo.run(['init', '--preset', 'gitflow', '--no-install', '--force']);
    assert.equal(forced.code, 0);
    assert.match(repo.read('.github/pull_request_template.md'), /## Type of change/);
    assert.match(repo.read('.github/PULL_REQUEST_TEMPLATE/release.md'), /## Deployment/);
  });

  it('keeps an existing config and says so', async (t) => {
    const repo = packageRepo(t);
    repo.write('.mcflowrc.yaml', 'extends: github-flow\n');
    const result = await repo.run(['init', '--preset', 'gitflow', '--no-install']);
    assert.equal(result.code, 0);
    assert.match(result.output, /kept your config \.mcflowrc\.yaml/);
    assert.equal(fs.existsSync(path.join(repo.dir, '.mcflowrc.json')), false);
  });

  it("merges prepare with the user's own", async (t) => {
    const repo = packageRepo(t);
    repo.write('package.json', PACKAGE_JSON.replace('"test": "node --test"', '"prepare": "npm run build",\n    "test": "node --test"'));
    assert.equal((await repo.run(['init', '--preset', 'gitflow', '--no-install'])).code, 0);
    assert.equal(JSON.parse(repo.read('package.json')).scripts.prepare, 'npm run build && (husky || true)');
  });

  it('keeps an existing devDependency entry of any kind', async (t) => {
    const repo = packageRepo(t);
    repo.write('package.json', '{\n  "name": "app",\n  "devDependencies": {\n    "mcflow-hooks": "file:../mcflow-hooks-0.1.0.tgz"\n  }\n}\n');
    const result = await repo.run(['init', '--preset', 'gitflow', '--no-install']);
    assert.match(result.output, /kept mcflow-hooks@file:\.\.\/mcflow-hooks-0\.1\.0\.tgz/);
    assert.deepEqual(JSON.parse(repo.read('package.json')).devDependencies, { 'mcflow-hooks': 'file:../mcflow-hooks-0.1.0.tgz', husky: '^9.1.7' });
  });

  it('sets up a package below the git root with husky\'s subdirectory layout', async (t) => {
    const repo = packageRepo(t, { packageDir: 'packages/app' });
    const app = path.join(repo.dir, 'packages/app');
    const result = await repo.run(['init', '--preset', 'gitflow', '--no-install'], { cwd: app });
    assert.equal(result.code, 0, result.output);
    assert.equal(repo.git(['config', 'core.hooksPath']).stdout.trim(), `${repo.dir}/packages/app/.husky/_`);
    assert.equal(JSON.parse(repo.read('packages/app/package.json')).scripts.prepare, 'cd ../.. && husky packages/app/.husky || true');
    assert.equal(repo.read('packages/app/.husky/commit-msg'), `${hookLine('mcflow-hooks run commit-msg "$1"', 'packages/app')}\n`);
    assert.ok(fs.existsSync(path.join(app, '.mcflowrc.json')), 'the config sits with the package');
    assert.ok(fs.existsSync(path.join(repo.dir, '.github/pull_request_template.md')), 'templates sit at the git root');

    linkInstalledPackages(repo, 'packages/app');
    repo.switchQuietly('-c', 'feature/init-test');
    // The package's config decides: make it distinguishable from the default.
    repo.write('packages/app/.mcflowrc.json', JSON.stringify({ extends: 'gitflow', commits: { rules: { 'type-enum': [2, 'always', ['story']] } } }));
    const bad = repo.git(['commit', '--allow-empty', '-m', 'feat: add a'], { allowFailure: true });
    assert.notEqual(bad.code, 0, bad.output);
    assert.match(bad.output, /type must be one of \[story\]/);
    assert.equal(repo.git(['commit', '--allow-empty', '-m', 'story: add a']).code, 0);
    // The commit template works from the package too.
    const captured = path.join(repo.dir, 'captured.txt');
    const editor = `sh -c 'cp "$1" "${captured}"; printf "story: from the editor\\n" > "$1"' -`;
    assert.equal(repo.git(['commit', '--allow-empty'], { env: { GIT_EDITOR: editor } }).code, 0);
    assert.match(fs.readFileSync(captured, 'utf8'), /^feat: \n/);
  });

  it('pre-fills the commit template only for a plain git commit', async (t) => {
    const repo = packageRepo(t);
    assert.equal((await repo.run(['init', '--preset', 'gitflow', '--no-install'])).code, 0);
    linkInstalledPackages(repo);
    repo.switchQuietly('-c', 'feature/issue-123-login');
    const captured = path.join(repo.dir, '..', 'captured.txt');
    const editor = `sh -c 'cp "$1" "${captured}"; printf "feat: add login\\n\\nRefs: #123\\n" > "$1"' -`;
    assert.equal(repo.git(['commit', '--allow-empty'], { env: { GIT_EDITOR: editor } }).code, 0);
    assert.match(fs.readFileSync(captured, 'utf8'), /^feat: \n\nRefs: #123\n\n# <type>/);
    fs.rmSync(captured);
    // -m, amend, -F: the message is the user's; the template stays out.
    assert.equal(repo.git(['commit', '--allow-empty', '-m', 'fix: a']).code, 0);
    assert.equal(repo.git(['commit', '--amend', '--allow-empty'], { env: { GIT_EDITOR: editor } }).code, 0);
    assert.doesNotMatch(fs.readFileSync(captured, 'utf8'), /mcflow-hooks template/);
  });

  it('lists the presets with --preset and no name', async (t) => {
    const repo = packageRepo(t);
    const result = await repo.run(['init', '--preset']);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /^ {2}gitflow {6}GitFlow enhanced.*\n.*\n\nWithout --preset, init picks gitflow when a develop/m);
    assert.match(result.stdout, /^ {2}github-flow {2}GitHub flow: only main is protected/m);
    const unknown = await repo.run(['init', '--preset', 'nope']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /Unknown preset "nope". Presets: gitflow, github-flow/);
  });

  it('asks once on a terminal, and "n" changes nothing', async (t) => {
    if (spawnSync('script', ['--version']).status !== 0) {
      t.skip('needs script(1) to give init a terminal');
      return;
    }
    const repo = packageRepo(t);
    const before = snapshot(repo.dir);
    const result = spawnSync('script', ['-qec', `"${process.execPath}" "${CLI}" init --no-install`, '/dev/null'], { cwd: repo.dir, env: repo.env, input: 'n\n', encoding: 'utf8' });
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /init will:\r?\n {2}update package\.json/);
    assert.match(result.stdout, /Go ahead\? \[Y\/n\]/);
    assert.match(result.stdout, /Nothing was changed\./);
    assert.deepEqual(snapshot(repo.dir), before);
  });

  it('sets up husky even in a shell with HUSKY=0 (that turns hooks off, it does not refuse them)', async (t) => {
    const repo = packageRepo(t);
    const result = await repo.run(['init', '--preset', 'gitflow', '--no-install'], { env: { HUSKY: '0' } });
    assert.equal(result.code, 0, result.output);
    assert.equal(repo.git(['config', 'core.hooksPath']).stdout.trim(), `${repo.dir}/.husky/_`);
  });

  it('writes a config extending the chosen preset', async (t) => {
    const repo = packageRepo(t);
    assert.equal((await repo.run(['init', '--preset', 'gitflow', '--no-install', '--preset', 'github-flow'])).code, 0);
    assert.match(repo.read('.mcflowrc.json'), /"extends": "github-flow"/);
    const config = JSON.parse((await repo.run(['config', '--json'])).stdout);
    assert.deepEqual(config.config.branches.protected, ['main']);
  });
});

describe('init refuses, changing nothing, with exit 2', () => {
  it('outside a git repository', async (t) => {
    const dir = makeTempDir(t);
    fs.writeFileSync(path.join(dir, 'package.json'), PACKAGE_JSON);
    const result = await runMain(['init', '--preset', 'gitflow', '--yes'], { cwd: dir, env: isolatedEnv(dir) });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /is not inside a git repository/);
    assert.match(result.stderr, /git init/);
    assert.deepEqual(fs.readdirSync(dir), ['package.json']);
  });

  it('with a package.json it cannot parse', async (t) => {
    const repo = createRepo(t);
    repo.write('package.json', '{ "name": "app", }\n');
    const result = await repo.run(['init', '--preset', 'gitflow', '--yes']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /package\.json is not valid JSON .*nothing was changed/);
    assert.match(result.stderr, /→ fix the JSON/);
    assert.deepEqual(fs.readdirSync(repo.dir).sort(), ['.git', 'package.json']);
  });

  it("with core.hooksPath set to another tool's hooks directory", async (t) => {
    const repo = packageRepo(t);
    repo.git(['config', '--global', 'core.hooksPath', '/opt/corp/hooks']);
    const before = snapshot(repo.dir);
    const result = await repo.run(['init', '--preset', 'gitflow', '--yes']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /core\.hooksPath is already set to "\/opt\/corp\/hooks" \(file:.*\.gitconfig\)/);
    assert.match(result.stderr, /git config --global --unset core\.hooksPath/);
    assert.deepEqual(snapshot(repo.dir), before);
  });
});

describe('init with a hook path that is not a file', () => {
  for (const [what, make] of [
    ['.husky/pre-commit is a directory', (dir: string) => fs.mkdirSync(path.join(dir, '.husky/pre-commit'), { recursive: true })],
    ['.husky is a file', (dir: string) => fs.writeFileSync(path.join(dir, '.husky'), 'notes\n')],
  ] as const) {
    it(`${what}: a clear message, exit 2, nothing changed`, async (t) => {
      const repo = packageRepo(t);
      make(repo.dir);
      const before = snapshot(repo.dir);
      const result = await repo.run(['init', '--preset', 'gitflow', '--no-install', '--yes']);
      assert.equal(result.code, 2, result.output);
      assert.match(result.stderr, /\.husky(\/pre-commit)? is a (directory|file|something other than a file)/);
      assert.match(result.stderr, /→ .*mv /);
      assert.doesNotMatch(result.output, /EISDIR|EEXIST|ENOTDIR|unexpectedly/);
      assert.deepEqual(snapshot(repo.dir), before);
      assert.equal(repo.git(['config', 'core.hooksPath'], { allowFailure: true }).code, 1, 'core.hooksPath untouched');
    });
  }

  it('.git/hooks/pre-commit is a directory: it is no hook git runs, init goes on', async (t) => {
    const repo = packageRepo(t);
    fs.mkdirSync(path.join(repo.dir, '.git/hooks/pre-commit'), { recursive: true });
    const result = await repo.run(['init', '--preset', 'gitflow', '--no-install', '--yes']);
    assert.equal(result.code, 0, result.output);
    assert.ok(fs.statSync(path.join(repo.dir, '.git/hooks/pre-commit')).isDirectory(), 'left as it was');
    assert.ok(fs.statSync(path.join(repo.dir, '.husky/pre-commit')).isFile());
  });
});

describe('uninstall', () => {
  it('after init leaves git status clean', async (t) => {
    const repo = packageRepo(t);
    assert.equal((await repo.run(['init', '--preset', 'gitflow', '--no-install'])).code, 0);
    assert.notEqual(repo.git(['status', '--porcelain']).stdout, '');
    const result = await repo.run(['uninstall']);
    assert.equal(result.code, 0, result.output);
    assert.match(result.output, /Update the lockfile with: npm install/);
    assert.equal(repo.git(['status', '--porcelain', '--ignored']).stdout, '');
    assert.equal(repo.git(['config', 'core.hooksPath'], { allowFailure: true }).code, 1);
  });

  // A real process: in-process, a shell would still be found on the test runner's own PATH.
  it('runs git itself, not through a shell: works where git is the only program on PATH', (t) => {
    const repo = packageRepo(t);
    assert.equal(repo.cli(['init', '--preset', 'gitflow', '--no-install']).code, 0);
    // No bash or sh here (a minimal container, Windows without Git Bash on PATH): git alone.
    const bin = path.join(repo.home, 'git-only-bin');
    fs.mkdirSync(bin);
    fs.symlinkSync(spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim(), path.join(bin, 'git'));
    const result = repo.cli(['uninstall'], { env: { PATH: bin } });
    assert.equal(result.code, 0, result.output);
    assert.equal(repo.git(['config', 'core.hooksPath'], { allowFailure: true }).code, 1, 'core.hooksPath unset');
  });

  it('keeps a template or config the user changed', async (t) => {
    const repo = packageRepo(t);
    assert.equal((await repo.run(['init', '--preset', 'gitflow', '--no-install'])).code, 0);
    fs.appendFileSync(path.join(repo.dir, '.github/pull_request_template.md'), '\n## Our extra section\n');
    const result = await repo.run(['uninstall']);
    assert.match(result.output, /kept \.github\/pull_request_template\.md/);
    assert.ok(fs.existsSync(path.join(repo.dir, '.github/pull_request_template.md')));
    assert.equal(fs.existsSync(path.join(repo.dir, '.github/PULL_REQUEST_TEMPLATE')), false);
  });
});

describe('doctor', () => {
  it('says what is missing and how to fix it, exit 1', async (t) => {
    const repo = packageRepo(t);
    const result = await repo.run(['doctor']);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /^✓ git \d/m);
    assert.match(result.stdout, /^✓ Node /m);
    assert.match(result.stdout, /^✗ core\.hooksPath = \(unset\) \(expected .*\.husky\/_, with husky's runner h in it\)\n {4}→ npx mcflow-hooks init$/m);
    assert.match(result.stdout, /^✗ \.husky\/commit-msg is missing$/m);
  });

  it('is all ✓ after init and install, and spots a hook that lost its line or its x bit', async (t) => {
    const repo = packageRepo(t);
    assert.equal((await repo.run(['init', '--preset', 'gitflow', '--no-install'])).code, 0);
    linkInstalledPackages(repo);
    const good = await repo.run(['doctor']);
    assert.equal(good.code, 0, good.output);
    assert.doesNotMatch(good.stdout, /✗/);
    assert.match(good.stdout, /✓ config \.mcflowrc\.json is valid \(gitflow → \.mcflowrc\.json\)/);
    fs.chmodSync(path.join(repo.dir, '.husky/commit-msg'), 0o644);
    repo.write('.husky/prepare-commit-msg', 'echo hi\n');
    repo.write('.mcflowrc.json', '{ "extends": "nope" }');
    const bad = await repo.run(['doctor']);
    assert.equal(bad.code, 1);
    assert.match(bad.stdout, /✗ \.husky\/commit-msg is not executable\n {4}→ chmod \+x \.husky\/commit-msg/);
    assert.match(bad.stdout, /✗ \.husky\/prepare-commit-msg does not call mcflow-hooks/);
    assert.match(bad.stdout, /✗ The preset "nope" in "extends".* could not be found/);
  });
});

describe('pr', () => {
  it("prints the branch type's template with the commits by type, and the compare URL on stderr", async (t) => {
    const repo = packageRepo(t);
    assert.equal((await repo.run(['init', '--preset', 'gitflow', '--no-install'])).code, 0);
    linkInstalledPackages(repo);
    repo.git(['add', '-A']);
    repo.commitQuietly('chore: set up mcflow-hooks');
    repo.git(['branch', 'main-production']);
    repo.git(['remote', 'add', 'origin', 'git@github.com:acme/app.git']);
    repo.switchQuietly('-c', 'release/v1.2.0');
    repo.commitQuietly('feat(auth): add login form');
    repo.commitQuietly('fix: handle empty input');
    repo.commitQuietly('chore(release): 1.2.0');
    const result = await repo.run(['pr']);
    assert.equal(result.code, 0, result.output);
    assert.match(result.stdout, /^## Description\n\n<!-- Release vX\.Y\.Z/);
    assert.match(result.stdout, /### Features\n\n- feat\(auth\): add login form \([0-9a-f]{7}\)\n\n### Fixes\n\n- fix: handle empty input/);
    assert.match(result.stdout, /### Chores\n\n- chore\(release\): 1\.2\.0/);
    assert.match(result.stdout, /- \[ \] Release tag planned/);
    assert.doesNotMatch(result.stdout, /set up mcflow-hooks/, 'only the commits of this branch');
    assert.equal(result.stderr.trim(), 'Open the pull request: https://github.com/acme/app/compare/main-production...release/v1.2.0?expand=1&template=release.md');
  });

  it('names the missing base branch and how to give it', async (t) => {
    const repo = packageRepo(t);
    repo.switchQuietly('-c', 'feature/x');
    const result = await repo.run(['pr', '--base', 'develop']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /Cannot find the branch this pull request goes into \(looked for develop, origin\/develop\)/);
    assert.match(result.stderr, /--base develop/);
  });
});
