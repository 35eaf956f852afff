// verify takes its policy from the target branch, never from the pull request under review:
// real repositories, simulated GitHub Actions and GitLab CI events, the CLI in-process through main(). Each
// weakening a pull request tries is reported by policy-change, and the secret it tried to
// slip in is still found.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { createRequire } from 'node:module';
import { renderReusableWorkflow } from '../src/ci/templates.js';
import { createFeatureRepo, PACKAGE_ROOT, type TestRepo } from './helpers/repo.js';
import { githubPullRequestEnv, githubPushEnv, gitlabMergeRequestEnv } from './helpers/ci.js';

/** A GitHub token built at run time, so no fixture in this repository holds one. */
const token = () => `ghp_${crypto.randomBytes(27).toString('base64').replace(/[^A-Za-z0-9]/g, 'a').slice(0, 36)}`;
const BASE_CONFIG = JSON.stringify({ extends: 'gitflow', policy: { reviewedLabel: 'policy-reviewed' } });

/** main ← develop (with `files`) ← feature/change, checked out. */
function repoWith(t: TestContext, files: Record<string, string> = { '.mcflowrc.json': BASE_CONFIG }): TestRepo {
  return createFeatureRepo(t, files);
}

function commit(repo: TestRepo, files: Record<string, string>, message = 'feat: add the change'): string {
  for (const [file, content] of Object.entries(files)) repo.write(file, content);
  repo.git(['add', '-A']);
  return repo.commitQuietly(message);
}

interface JsonFinding { check: string; severity: string; message: string; file?: string; line?: number }
const findings = (stdout: string) => (JSON.parse(stdout) as { findings: JsonFinding[] }).findings;
const of = (list: JsonFinding[], check: string) => list.filter((f) => f.check === check);
const pr = (repo: TestRepo, labels?: string[]) => githubPullRequestEnv(repo, { base: 'develop', head: 'feature/change', number: 42, labels });

describe('verify on a pull request: the policy comes from the target branch', () => {
  const weakenings: { name: string; files: (secret: string) => Record<string, string>; expect: RegExp; found: string }[] = [
    {
      name: 'package.json turns secrets off',
      files: (secret) => ({ 'package.json': JSON.stringify({ name: 'x', mcflow: { checks: { secrets: 'off' } } }), 'src/key.ts': `export const key = "${secret}";\n` }),
      expect: /^This change weakens the policy: checks\.secrets error → off at pre-commit, commit-msg, pre-push, verify, audit$/,
      found: 'secrets',
    },
    {
      name: 'secrets.ignore widened to everything',
      files: (secret) => ({ '.mcflowrc.json': JSON.stringify({ extends: 'gitflow', policy: { reviewedLabel: 'policy-reviewed' }, secrets: { ignore: ['**'] } }), 'src/key.ts': `export const key = "${secret}";\n` }),
      expect: /^This change weakens the policy: secrets\.ignore adds "\*\*"$/,
      found: 'secrets',
    },
    {
      name: 'files.allowSensitive widened to everything',
      files: () => ({ '.mcflowrc.json': JSON.stringify({ extends: 'gitflow', policy: { reviewedLabel: 'policy-reviewed' }, files: { allowSensitive: ['**'] } }), '.env': 'A=1\n' }),
      expect: /^This change weakens the policy: files\.allowSensitive adds "\*\*"$/,
      found: 'sensitive-files',
    },
    {
      name: 'a protected branch removed, a check lowered to warning',
      files: (secret) => ({
        '.mcflowrc.json': JSON.stringify({ extends: 'gitflow', policy: { reviewedLabel: 'policy-reviewed' }, branches: { protected: ['main'] }, checks: { secrets: 'warning' } }),
        'src/key.ts': `export const key = "${secret}";\n`,
      }),
      expect: /^This change weakens the policy: branches\.protected removes "main-production", "develop", "legacy-v1-production"$/,
      found: 'secrets',
    },
    {
      name: 'an inline allow marker added above the secret',
      files: (secret) => ({ 'src/key.ts': `// mcflow-allow-secret: trust me\nexport const key = "${secret}";\n` }),
      expect: /^This change adds an inline "mcflow-allow-secret" marker/,
      found: 'secrets',
    },
  ];

  for (const weakening of weakenings) {
    it(`GitHub: ${weakening.name} is reported by policy-change, and the finding it hid is still there`, async (t) => {
      const repo = repoWith(t);
      commit(repo, weakening.files(token()));
      const result = await repo.run(['verify', '--format', 'json'], { env: pr(repo) });
      assert.equal(result.code, 1, result.output);
      const list = findings(result.stdout);
      const changes = of(list, 'policy-change');
      assert.ok(changes.some((f) => weakening.expect.test(f.message) && f.severity === 'error'), JSON.stringify(changes, null, 2));
      assert.equal(of(list, weakening.found).length, 1, JSON.stringify(list, null, 2));
      assert.equal(of(list, weakening.found)[0]!.severity, 'error');
    });
  }

  it('the inline marker finding names the file and line', async (t) => {
    const repo = repoWith(t);
    commit(repo, { 'src/key.ts': `const a = 1;\n// mcflow-allow-secret: trust me\nexport const key = "${token()}";\n` });
    const list = findings((await repo.run(['verify', '--format', 'json'], { env: pr(repo) })).stdout);
    assert.deepEqual(of(list, 'policy-change').map((f) => [f.file, f.line]), [['src/key.ts', 2]]);
    assert.deepEqual(of(list, 'secrets').map((f) => [f.file, f.line]), [['src/key.ts', 3]]);
  });

  it('a marker added in one commit does not hide a secret added in the next', async (t) => {
    const repo = repoWith(t);
    commit(repo, { 'src/key.ts': 'const a = 1;\n// mcflow-allow-secret: placeholder below\n' }, 'feat: add the key file');
    commit(repo, { 'src/key.ts': `const a = 1;\n// mcflow-allow-secret: placeholder below\nexport const key = "${token()}";\n` }, 'feat: fill in the key');
    const list = findings((await repo.run(['verify', '--format', 'json'], { env: pr(repo) })).stdout);
    assert.deepEqual(of(list, 'secrets').map((f) => [f.file, f.line, f.severity]), [['src/key.ts', 3, 'error']]);
    assert.deepEqual(of(list, 'policy-change').map((f) => [f.file, f.line]), [['src/key.ts', 2]]);
  });

  it('a config the change breaks (a preset that is not installed, a symbolic link) is a finding; the other checks still run', async (t) => {
    for (const files of [
      { '.mcflowrc.json': JSON.stringify({ extends: '@evil/not-installed', secrets: { ignore: ['**'] } }) },
      { '.mcflowrc.json': '{ "extends": "gitflow", ' },
    ]) {
      const repo = repoWith(t);
      commit(repo, { ...files, 'src/key.ts': `export const key = "${token()}";\n` });
      const result = await repo.run(['verify', '--format', 'json'], { env: pr(repo) });
      assert.equal(result.code, 1, result.output);
      const list = findings(result.stdout);
      assert.match(of(list, 'policy-change')[0]!.message, /^This change's config cannot be resolved, so what it would change in the policy is unknown:\n {4}The (preset "@evil\/not-installed"|config file .* could not be parsed)/);
      assert.equal(of(list, 'secrets').length, 1);
    }
    const repo = repoWith(t);
    repo.write('policy.json', JSON.stringify({ extends: 'gitflow', checks: { secrets: 'off' } }));
    fs.rmSync(path.join(repo.dir, '.mcflowrc.json'));
    fs.symlinkSync('policy.json', path.join(repo.dir, '.mcflowrc.json'));
    commit(repo, { 'src/key.ts': `export const key = "${token()}";\n` });
    const list = findings((await repo.run(['verify', '--format', 'json'], { env: pr(repo) })).stdout);
    assert.match(of(list, 'policy-change')[0]!.message, /\.mcflowrc\.json at [0-9a-f]{12} is a symbolic link/);
    assert.equal(of(list, 'secrets').length, 1);
  });

  it('a baseline the pull request commits is read from the target branch: adding its own findings to it hides nothing', async (t) => {
    const repo = repoWith(t);
    commit(repo, { 'src/key.ts': `export const key = "${token()}";\n` }, 'feat: add the key');
    // The author records the pull request's own findings as "known", in a second commit.
    const written = await repo.run(['audit', '--write-baseline', 'mcflow-baseline.json']);
    assert.equal(written.code, 0, written.output);
    assert.ok((JSON.parse(repo.read('mcflow-baseline.json')) as { findings: { check: string }[] }).findings.some((f) => f.check === 'secrets'), 'the baseline lists the secret');
    commit(repo, {}, 'chore: record the known findings');
    // The same file kept outside the repository (CI's own) is read as it is, and does hide it.
    const outside = path.join(repo.home, 'ci-baseline.json');
    fs.copyFileSync(path.join(repo.dir, 'mcflow-baseline.json'), outside);
    assert.equal(of(findings((await repo.run(['verify', '--format', 'json', '--baseline', outside], { env: pr(repo) })).stdout), 'secrets').length, 0);
    const result = await repo.run(['verify', '--format', 'json', '--baseline', 'mcflow-baseline.json'], { env: pr(repo) });
    assert.equal(result.code, 1, result.output);
    const list = findings(result.stdout);
    assert.equal(of(list, 'secrets').length, 1, result.stdout);
    assert.match(of(list, 'policy-change')[0]!.message, /^This change adds the baseline mcflow-baseline\.json, whose findings verify does not report/);
  });

  it('GitLab: a check lowered to warning in a merge request is reported, the secret still blocks', async (t) => {
    const repo = repoWith(t);
    commit(repo, { '.mcflowrc.json': JSON.stringify({ extends: 'gitflow', checks: { secrets: { verify: 'warning' } } }), 'config/app.ts': `export const key = "${token()}";\n` });
    const env = gitlabMergeRequestEnv(repo, { base: 'develop', head: 'feature/change' });
    const result = await repo.run(['verify'], { env });
    assert.equal(result.code, 1, result.output);
    assert.match(result.stdout, /^policy: \.mcflowrc\.json at develop \([0-9a-f]{12}\)$/m);
    assert.match(result.stdout, /✖ This change weakens the policy: checks\.secrets error → warning at verify \[policy-change\]/);
    assert.match(result.stdout, /✖ This change weakens the policy: policy\.reviewedLabel "policy-reviewed" → unset \[policy-change\]/);
    assert.match(result.stdout, /✖ Possible GitHub token .*\[secrets\]/);
  });

  it('a stricter policy passes, with the target branch named as the source', async (t) => {
    const repo = repoWith(t);
    commit(repo, {
      '.mcflowrc.json': JSON.stringify({
        extends: 'gitflow',
        policy: { reviewedLabel: 'policy-reviewed', locked: ['secrets'] },
        branches: { protected: ['main', 'main-production', 'develop', 'legacy-v1-production', 'release/*'], maxLength: 60 },
        checks: { 'branch-name': 'error' },
        files: { maxSize: '1 MB', sensitive: ['**/*.sqlite'] },
      }),
    });
    const result = await repo.run(['verify'], { env: pr(repo) });
    assert.equal(result.code, 0, result.output);
    assert.match(result.stdout, /^policy: \.mcflowrc\.json at develop \([0-9a-f]{12}\)$/m);
    assert.match(result.stdout, /✔ 11 checks passed: .*policy-change/);
  });

  it('the reviewed label accepts the change: warnings, and the pull request\'s config applies', async (t) => {
    const repo = repoWith(t);
    commit(repo, { '.mcflowrc.json': JSON.stringify({ extends: 'gitflow', policy: { reviewedLabel: 'policy-reviewed' }, secrets: { ignore: ['fixtures/**'] } }), 'fixtures/key.ts': `export const key = "${token()}";\n` });
    const without = await repo.run(['verify', '--format', 'json'], { env: pr(repo) });
    assert.equal(without.code, 1, without.output);
    assert.equal(of(findings(without.stdout), 'secrets').length, 1);
    const result = await repo.run(['verify'], { env: pr(repo, ['policy-reviewed']) });
    assert.equal(result.code, 0, result.output);
    assert.match(result.stdout, /⚠ This change weakens the policy: secrets\.ignore adds "fixtures\/\*\*" \(accepted: the pull request has the "policy-reviewed" label\) \[policy-change\]/);
    assert.match(result.stdout, /this pull request's \.mcflowrc\.json applies \(reviewed: "policy-reviewed" label\)/);
    assert.doesNotMatch(result.stdout, /\[secrets\]/);
  });

  it('a label that is not the configured one accepts nothing (GitLab labels too)', async (t) => {
    const repo = repoWith(t);
    commit(repo, { '.mcflowrc.json': JSON.stringify({ extends: 'gitflow', policy: { reviewedLabel: 'policy-reviewed' }, secrets: { ignore: ['**'] } }) });
    const env = gitlabMergeRequestEnv(repo, { base: 'develop', head: 'feature/change', labels: ['policy-reviewed-not', 'lgtm'] });
    const result = await repo.run(['verify'], { env });
    assert.equal(result.code, 1, result.output);
    const accepted = await repo.run(['verify'], { env: gitlabMergeRequestEnv(repo, { base: 'develop', head: 'feature/change', labels: ['lgtm', 'policy-reviewed'] }) });
    assert.equal(accepted.code, 0, accepted.output);
  });
});

describe('verify never runs a JS/TS config from the pull request', () => {
  const sideEffect = (file: string) => `require('node:fs').writeFileSync(${JSON.stringify(file)}, 'ran');\nmodule.exports = { checks: { secrets: 'off' } };\n`;

  it('a .mcflowrc.cjs the pull request adds is reported, not executed; the secret is still found', async (t) => {
    const repo = repoWith(t);
    const marker = path.join(repo.home, 'pr-config-ran');
    // The JSON config goes, so the .cjs is the one the search finds.
    fs.rmSync(path.join(repo.dir, '.mcflowrc.json'));
    commit(repo, { '.mcflowrc.cjs': sideEffect(marker), 'src/key.ts': `export const key = "${token()}";\n` });
    const result = await repo.run(['verify', '--format', 'json'], { env: pr(repo) });
    assert.equal(result.code, 1, result.output);
    assert.equal(fs.existsSync(marker), false, 'the pull request\'s config ran');
    const list = findings(result.stdout);
    assert.match(of(list, 'policy-change')[0]!.message, /^This change adds the config \.mcflowrc\.cjs: it is code, so verify does not run it/);
    assert.equal(of(list, 'secrets').length, 1);
  });

  it('a JS config on the target branch runs from the target\'s commit; the pull request\'s edit of it does not run', async (t) => {
    const repo = repoWith(t, {});
    const baseMarker = path.join(repo.home, 'base-config-ran');
    const prMarker = path.join(repo.home, 'pr-config-ran');
    repo.git(['checkout', '-q', 'develop']);
    commit(repo, { 'mcflow.config.cjs': `require('node:fs').writeFileSync(${JSON.stringify(baseMarker)}, 'ran');\nmodule.exports = { policy: { reviewedLabel: 'policy-reviewed' } };\n` }, 'chore: add the policy');
    repo.git(['checkout', '-q', '-B', 'feature/change', 'develop']);
    commit(repo, { 'mcflow.config.cjs': sideEffect(prMarker), 'src/key.ts': `export const key = "${token()}";\n` });
    // The label does not make the pull request's code run either.
    const result = await repo.run(['verify', '--format', 'json'], { env: pr(repo, ['policy-reviewed']) });
    assert.equal(fs.existsSync(prMarker), false, 'the pull request\'s edit of the config ran');
    assert.equal(fs.existsSync(baseMarker), true, 'the target branch\'s config did not run');
    assert.equal(result.code, 1, result.output);
    const list = findings(result.stdout);
    assert.match(of(list, 'policy-change')[0]!.message, /^This change edits the config mcflow\.config\.cjs/);
    assert.equal(of(list, 'secrets')[0]!.severity, 'error');
    // The base's config was imported from a temporary file that is gone again.
    assert.equal(repo.git(['status', '--porcelain', '--untracked-files=all']).stdout, '');
  });
});

describe('verify never runs a JS preset the pull request brings', () => {
  it('a preset committed under node_modules and named by the pull request\'s config is not imported', async (t) => {
    const repo = repoWith(t);
    const marker = path.join(repo.home, 'pr-preset-ran');
    repo.write('node_modules/evil/preset.cjs', `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran');\nmodule.exports = { checks: { secrets: 'off' } };\n`);
    repo.git(['add', '-f', 'node_modules/evil/preset.cjs']);
    commit(repo, { '.mcflowrc.json': JSON.stringify({ extends: ['gitflow', './node_modules/evil/preset.cjs'] }), 'src/key.ts': `export const key = "${token()}";\n` });
    const result = await repo.run(['verify', '--format', 'json'], { env: pr(repo) });
    assert.equal(fs.existsSync(marker), false, 'the pull request\'s preset ran');
    assert.equal(result.code, 1, result.output);
    const list = findings(result.stdout);
    assert.match(of(list, 'policy-change')[0]!.message, /node_modules\/evil\/preset\.cjs: it is code, so verify does not run it/);
    assert.equal(of(list, 'secrets').length, 1);
  });

  it('an installed JS preset the target branch uses runs for both ends: a pull request that keeps it passes', async (t) => {
    const repo = repoWith(t, { '.mcflowrc.json': JSON.stringify({ extends: '@acme/js-preset' }) });
    const dir = path.join(repo.dir, 'node_modules/@acme/js-preset');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: '@acme/js-preset', main: 'index.cjs' }));
    fs.writeFileSync(path.join(dir, 'index.cjs'), "module.exports = { extends: 'gitflow', files: { sensitive: ['**/*.sqlite'] } };\n");
    fs.appendFileSync(path.join(repo.dir, '.git/info/exclude'), 'node_modules/\n');
    commit(repo, { 'src/ok.ts': 'export const ok = 1;\n' });
    const result = await repo.run(['verify'], { env: pr(repo) });
    assert.equal(result.code, 0, result.output);
  });
});

describe('where the policy comes from', () => {
  it('the pull request that introduces mcflow-hooks: its config applies and the report says so', async (t) => {
    const repo = repoWith(t, {});
    commit(repo, { '.mcflowrc.json': JSON.stringify({ extends: 'gitflow', secrets: { ignore: ['fixtures/**'] } }), 'fixtures/key.ts': `export const key = "${token()}";\n` });
    const result = await repo.run(['verify'], { env: pr(repo) });
    assert.equal(result.code, 0, result.output);
    assert.match(result.stdout, /^policy: \.mcflowrc\.json from this change \(the target has no mcflow-hooks policy yet\)$/m);
    assert.match(result.stdout, /⚠ The target branch has no mcflow-hooks policy yet: this change's config \.mcflowrc\.json applies \[policy-change\]/);
  });

  it('a target that uses mcflow-hooks without a config file has the default preset as its policy', async (t) => {
    const repo = repoWith(t, { 'package.json': JSON.stringify({ name: 'x', devDependencies: { 'mcflow-hooks': '^1.0.0' } }) });
    commit(repo, { '.mcflowrc.json': JSON.stringify({ extends: 'gitflow', secrets: { ignore: ['fixtures/**'] } }), 'fixtures/key.ts': `export const key = "${token()}";\n` });
    const result = await repo.run(['verify'], { env: pr(repo) });
    assert.equal(result.code, 1, result.output);
    assert.match(result.stdout, /^policy: the "gitflow" preset \(no config file at develop \([0-9a-f]{12}\)\)$/m);
    assert.match(result.stdout, /secrets\.ignore adds "fixtures\/\*\*" \[policy-change\]/);
    assert.match(result.stdout, /\[secrets\]/);
  });

  it('--config wins over both ends and is named as the source', async (t) => {
    const repo = repoWith(t);
    const pinned = path.join(repo.home, 'org-policy.json');
    fs.writeFileSync(pinned, JSON.stringify({ extends: 'gitflow', checks: { 'pr-body': 'off' } }));
    commit(repo, { '.mcflowrc.json': JSON.stringify({ extends: 'gitflow', checks: { secrets: 'off' } }), 'src/key.ts': `export const key = "${token()}";\n` });
    const result = await repo.run(['verify', '--config', pinned], { env: pr(repo) });
    assert.equal(result.code, 1, result.output);
    assert.match(result.stdout, new RegExp(`^policy: ${pinned.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} \\(--config\\)$`, 'm'));
    assert.match(result.stdout, /\[secrets\]/);
  });

  it('a push reads the policy from the commit before the push; weakenings are warnings there, the secret an error', async (t) => {
    const repo = repoWith(t);
    repo.git(['checkout', '-q', 'develop']);
    const before = repo.git(['rev-parse', 'HEAD']).stdout.trim();
    const after = commit(repo, { '.mcflowrc.json': JSON.stringify({ extends: 'gitflow', checks: { secrets: 'off' } }), 'src/key.ts': `export const key = "${token()}";\n` }, 'feat: merge the change (#42)');
    const env = githubPushEnv(repo, { ref: 'refs/heads/develop', before, after });
    const result = await repo.run(['verify', '--format', 'json'], { env });
    assert.equal(result.code, 1, result.output);
    const list = findings(result.stdout);
    assert.equal(of(list, 'secrets')[0]!.severity, 'error');
    assert.ok(of(list, 'policy-change').some((f) => f.severity === 'warning' && /checks\.secrets error → off/.test(f.message)), JSON.stringify(list, null, 2));
  });
});

describe('locked keys', () => {
  /** An organisation preset installed as a package, locking the secret and file checks. */
  function installPreset(repo: TestRepo): void {
    const dir = path.join(repo.dir, 'node_modules/@acme/mcflow-preset');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: '@acme/mcflow-preset', main: 'preset.json' }));
    fs.writeFileSync(
      path.join(dir, 'preset.json'),
      JSON.stringify({ extends: 'gitflow', policy: { locked: ['secrets', 'sensitive-files', 'protected-branch'] }, checks: { secrets: 'error', 'sensitive-files': 'error', 'protected-branch': 'error' } }),
    );
    fs.appendFileSync(path.join(repo.dir, '.git/info/exclude'), 'node_modules/\n');
  }

  it('hold locally: weakening one is a config error (exit 2) in every command, strengthening is fine', async (t) => {
    const repo = repoWith(t, {});
    installPreset(repo);
    repo.write('.mcflowrc.json', JSON.stringify({ extends: '@acme/mcflow-preset', checks: { secrets: { 'pre-commit': 'warning' } }, files: { allowSensitive: ['**/*.pem'] } }));
    for (const args of [['config'], ['run', 'pre-commit']]) {
      const result = await repo.run(args);
      assert.equal(result.code, 2, result.output);
      assert.match(result.stderr, /The config .*\.mcflowrc\.json weakens keys that a preset it extends locks \(policy\.locked\):\n {4}checks\.secrets: error → warning at pre-commit\n {4}files\.allowSensitive: adds "\*\*\/\*\.pem"/);
      assert.match(result.stderr, /→ undo the change in .*\.mcflowrc\.json: a locked key may be made stricter, never looser/);
      assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
    }
    repo.write('.mcflowrc.json', JSON.stringify({ extends: '@acme/mcflow-preset', files: { sensitive: ['**/*.sqlite'] }, branches: { protected: ['main', 'main-production', 'develop', 'legacy-v1-production', 'release/*'] } }));
    assert.equal((await repo.run(['config'])).code, 0);
  });

  it('a second preset in "extends" cannot unlock them either', async (t) => {
    const repo = repoWith(t, {});
    installPreset(repo);
    repo.write('loose.json', JSON.stringify({ secrets: { ignore: ['**'] } }));
    repo.write('.mcflowrc.json', JSON.stringify({ extends: ['@acme/mcflow-preset', './loose.json'] }));
    const result = await repo.run(['config']);
    assert.equal(result.code, 2, result.output);
    assert.match(result.stderr, /loose\.json weakens a key that a preset it extends locks \(policy\.locked\):\n {4}secrets\.ignore: adds "\*\*"/);
  });

  it('an unknown key in policy.locked is a config error naming it', async (t) => {
    const repo = repoWith(t, {});
    repo.write('.mcflowrc.json', JSON.stringify({ extends: ['./org.json'] }));
    repo.write('org.json', JSON.stringify({ extends: 'gitflow', policy: { locked: ['secret'] } }));
    const result = await repo.run(['config']);
    assert.equal(result.code, 2, result.output);
    assert.match(result.stderr, /policy\.locked names "secret", which is neither a config key/);
  });

  it('hold in CI: a pull request weakening one gets a policy-change error, even with the reviewed label', async (t) => {
    const repo = repoWith(t, { '.mcflowrc.json': JSON.stringify({ extends: '@acme/mcflow-preset', policy: { reviewedLabel: 'policy-reviewed' } }) });
    installPreset(repo);
    commit(repo, { '.mcflowrc.json': JSON.stringify({ extends: '@acme/mcflow-preset', policy: { reviewedLabel: 'policy-reviewed' }, secrets: { ignore: ['**'] } }), 'src/key.ts': `export const key = "${token()}";\n` });
    const result = await repo.run(['verify', '--format', 'json'], { env: pr(repo, ['policy-reviewed']) });
    assert.equal(result.code, 1, result.output);
    const list = findings(result.stdout);
    assert.deepEqual(of(list, 'policy-change').map((f) => [f.severity, f.message]), [['error', 'This change weakens secrets.ignore, which a preset locks (policy.locked): adds "**"']]);
    assert.equal(of(list, 'secrets')[0]!.severity, 'error');
  });
});

describe('the organisation\'s reusable workflow', () => {
  it('its verify step judges a pull request by the pinned preset, whatever the repository\'s config says', async (t) => {
    const repo = repoWith(t);
    commit(repo, { '.mcflowrc.json': JSON.stringify({ extends: 'gitflow', checks: { secrets: 'off' } }), 'src/key.ts': `export const key = "${token()}";\n` });
    // What the install step leaves in $RUNNER_TEMP/mcflow: this package and the organisation's preset.
    const runnerTemp = path.join(repo.home, 'runner-temp');
    const modules = path.join(runnerTemp, 'mcflow/node_modules');
    fs.mkdirSync(path.join(modules, '@acme/mcflow-preset'), { recursive: true });
    fs.symlinkSync(PACKAGE_ROOT, path.join(modules, 'mcflow-hooks'));
    fs.writeFileSync(path.join(modules, '@acme/mcflow-preset/package.json'), JSON.stringify({ name: '@acme/mcflow-preset', main: 'preset.json' }));
    fs.writeFileSync(path.join(modules, '@acme/mcflow-preset/preset.json'), JSON.stringify({ extends: 'gitflow', policy: { locked: ['secrets'] } }));
    const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): any };
    const step = (yaml.load(renderReusableWorkflow()).jobs.verify.steps as { name?: string; run?: string }[]).find((s) => s.name === 'mcflow-hooks verify')!;
    const result = spawnSync('bash', ['-ec', step.run!], {
      cwd: repo.home,
      env: { ...repo.env, ...pr(repo), RUNNER_TEMP: runnerTemp, GITHUB_WORKSPACE: repo.dir, PRESET: '@acme/mcflow-preset' },
      encoding: 'utf8',
    });
    assert.equal(result.status, 1, result.stdout + result.stderr);
    assert.match(result.stdout, /^policy: .*runner-temp\/mcflow\/node_modules\/@acme\/mcflow-preset\/preset\.json \(--config\)$/m);
    assert.match(result.stdout, /✖ Possible GitHub token .*\[secrets\]/);
  });
});

describe('a JS config on the target branch loads the target\'s own local files', () => {
  // The config is trusted because the team merged it; a helper file it imports must be too: the
  // pull request's edit of the helper would otherwise decide the policy that judges it.
  for (const [config, helper, importLine, exportLine] of [
    ['.mcflowrc.cjs', 'policy/helper.cjs', "const helper = require('./policy/helper.cjs');", 'module.exports = { secrets: %s };'],
    ['.mcflowrc.mjs', 'policy/helper.mjs', "import helper from './policy/helper.mjs';", 'export default { secrets: %s };'],
    ['.mcflowrc.ts', 'policy/helper.ts', "import helper from './policy/helper';", 'export default { secrets: %s };'],
  ] as const) {
    it(`${config}: the pull request edits ${helper} to turn secrets off; verify still applies the target's policy`, async (t) => {
      const repo = repoWith(t, {});
      const marker = path.join(repo.home, 'pr-helper-ran');
      const exportsOf = (level: string) => exportLine.replace('%s', level);
      repo.git(['checkout', '-q', 'develop']);
      const body = config.endsWith('.cjs') ? `${importLine}\nmodule.exports = { extends: 'gitflow', checks: { secrets: helper.secrets } };\n` : `${importLine}\nexport default { extends: 'gitflow', checks: { secrets: helper.secrets } };\n`;
      commit(repo, { [config]: body, [helper]: `${exportsOf("'error'")}\n` }, 'chore: add the policy');
      repo.git(['checkout', '-q', '-B', 'feature/change', 'develop']);
      const effect = config.endsWith('.cjs') ? `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran');` : `import fs from 'node:fs'; fs.writeFileSync(${JSON.stringify(marker)}, 'ran');`;
      commit(repo, { [helper]: `${effect}\n${exportsOf("'off'")}\n`, 'src/key.ts': `export const key = "${token()}";\n` });
      const result = await repo.run(['verify', '--format', 'json'], { env: pr(repo) });
      assert.equal(fs.existsSync(marker), false, 'the pull request\'s helper ran inside verify');
      assert.equal(result.code, 1, result.output);
      assert.equal(of(findings(result.stdout), 'secrets')[0]?.severity, 'error', result.stdout);
      assert.equal(repo.git(['status', '--porcelain', '--untracked-files=all']).stdout, '');
    });
  }
});

describe('a JS config on the target branch that imports a file the target does not have', () => {
  it('is a config error naming the file; the pull request\'s copy of it is not run', async (t) => {
    const repo = repoWith(t, {});
    const marker = path.join(repo.home, 'pr-helper-ran');
    repo.git(['checkout', '-q', 'develop']);
    commit(repo, { '.mcflowrc.cjs': "const helper = require('./helper.cjs');\nmodule.exports = { extends: 'gitflow', checks: { secrets: helper.secrets } };\n" }, 'chore: add the policy');
    repo.git(['checkout', '-q', '-B', 'feature/change', 'develop']);
    commit(repo, { 'helper.cjs': `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran');\nmodule.exports = { secrets: 'off' };\n` });
    const result = await repo.run(['verify'], { env: pr(repo) });
    assert.equal(fs.existsSync(marker), false, 'the pull request\'s helper ran inside verify');
    assert.equal(result.code, 2, result.output);
    assert.match(result.output, /helper\.cjs is not there/);
    assert.doesNotMatch(result.output, /\.mcflow-config-|\n\s+at /);
  });
});
