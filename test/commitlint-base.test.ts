// verify lints commit messages with the target branch's commitlint config, never the checkout's
// (the pull request's): real repositories, simulated GitHub Actions and GitLab CI events, the
// CLI run in-process through main(). A commitlint config the change adds or edits is reported by policy-change and
// never run; hooks keep reading the work tree.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { createFeatureRepo, PACKAGE_ROOT, type TestRepo } from './helpers/repo.js';
import { githubPullRequestEnv, githubPushEnv, gitlabMergeRequestEnv, gitlabPushEnv } from './helpers/ci.js';

const MCFLOW = JSON.stringify({ extends: 'gitflow' });
/** A commitlint config that accepts only `story:` headers: what the team merged. */
const STORY = "export default { rules: { 'type-enum': [2, 'always', ['story']], 'type-empty': [2, 'never'], 'subject-empty': [2, 'never'] } };\n";

/** main ← develop (with `files`) ← feature/change, checked out. */
function repoWith(t: TestContext, files: Record<string, string> = {}): TestRepo {
  return createFeatureRepo(t, { '.mcflowrc.json': MCFLOW, ...files });
}

function commit(repo: TestRepo, files: Record<string, string>, message: string): string {
  for (const [file, content] of Object.entries(files)) repo.write(file, content);
  repo.git(['add', '-A']);
  return repo.commitQuietly(message);
}

/** A commitlint config that, when loaded, writes `marker` and then accepts anything. */
function hostileConfig(marker: string, esm: boolean): string {
  const body = `{ rules: {}, ignores: [() => true], defaultIgnores: true }`;
  return esm
    ? `import fs from 'node:fs';\nfs.writeFileSync(${JSON.stringify(marker)}, 'ran');\nexport default ${body};\n`
    : `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran');\nmodule.exports = ${body};\n`;
}

/** Links this package's @commitlint/config-conventional into the repository's node_modules, as `npm install` would. */
function installConventional(repo: TestRepo): void {
  const scope = path.join(repo.dir, 'node_modules/@commitlint');
  fs.mkdirSync(scope, { recursive: true });
  fs.symlinkSync(path.join(PACKAGE_ROOT, 'node_modules/@commitlint/config-conventional'), path.join(scope, 'config-conventional'));
  fs.appendFileSync(path.join(repo.dir, '.git/info/exclude'), 'node_modules/\n');
}

interface JsonFinding { check: string; severity: string; message: string; file?: string; commit?: string; rules?: string[] }
const findings = (stdout: string) => (JSON.parse(stdout) as { findings: JsonFinding[] }).findings;
const of = (list: JsonFinding[], check: string) => list.filter((f) => f.check === check);
const pr = (repo: TestRepo, title = 'feat: add login form') => githubPullRequestEnv(repo, { base: 'develop', head: 'feature/change', number: 42, title });

/** Nothing of the temporary copy is left, and the work tree is as the test left it. */
function assertNoLeftovers(repo: TestRepo): void {
  const modules = path.join(repo.dir, 'node_modules');
  const left = fs.existsSync(modules) ? fs.readdirSync(modules).filter((name) => name.startsWith('.mcflow-commitlint-')) : [];
  assert.deepEqual(left, [], 'a temporary commitlint directory was left behind');
  assert.equal(fs.existsSync(path.join(modules, '.cache')), false, 'the temporary copy left a transpile cache behind');
  assert.equal(repo.git(['status', '--porcelain']).stdout, '');
}

describe('verify: the commitlint config comes from the target branch', () => {
  for (const provider of ['github', 'gitlab'] as const) {
    for (const file of ['commitlint.config.js', 'commitlint.config.mjs', '.commitlintrc.cjs']) {
      it(`${provider}: a pull request that adds ${file} (a side effect, no rules) does not run it; bad messages still fail; policy-change lists it`, async (t) => {
        const repo = repoWith(t);
        const marker = path.join(repo.home, 'commitlint-config-ran');
        commit(repo, { [file]: hostileConfig(marker, file.endsWith('.mjs')) }, 'added a config that allows anything');
        const env = provider === 'github' ? pr(repo, 'whatever') : gitlabMergeRequestEnv(repo, { base: 'develop', head: 'feature/change', title: 'whatever' });
        const result = await repo.run(['verify', '--format', 'json'], { env });
        assert.equal(fs.existsSync(marker), false, 'the pull request\'s commitlint config ran inside verify');
        assert.equal(result.code, 1, result.output);
        const list = findings(result.stdout);
        assert.ok(of(list, 'commit-message').some((f) => f.severity === 'error' && f.rules?.includes('type-empty')), JSON.stringify(list, null, 2));
        assert.ok(of(list, 'pr-title').some((f) => f.severity === 'error'), JSON.stringify(list, null, 2));
        const changes = of(list, 'policy-change');
        assert.equal(changes.length, 1, JSON.stringify(changes, null, 2));
        assert.equal(changes[0]!.severity, 'error');
        assert.equal(changes[0]!.file, file);
        assert.match(changes[0]!.message, new RegExp(`^This change adds the commitlint config ${file.replace(/\./g, '\\.')}, which decides what a valid commit message is: verify does not run the change's version .*"@commitlint/config-conventional" preset`));
        // The hooks still read the work tree: there the author is the one committing.
        const hook = await repo.run(['run', 'commit-msg', repo.write('.git/msg.txt', 'anything goes\n')]);
        assert.equal(hook.code, 0, hook.output);
        assert.equal(fs.existsSync(marker), true, 'the hook reads the work tree\'s commitlint config');
      });
    }
  }

  it('a pull request that edits the target\'s commitlint.config.mjs is linted with the target\'s version; the edit is reported', async (t) => {
    const repo = repoWith(t, { 'commitlint.config.mjs': STORY });
    const marker = path.join(repo.home, 'commitlint-config-ran');
    commit(repo, { 'commitlint.config.mjs': hostileConfig(marker, true) }, 'feat: allow every type');
    const result = await repo.run(['verify', '--format', 'json'], { env: pr(repo) });
    assert.equal(fs.existsSync(marker), false, 'the edited commitlint config ran inside verify');
    assert.equal(result.code, 1, result.output);
    const list = findings(result.stdout);
    assert.ok(of(list, 'commit-message').some((f) => /type must be one of \[story\]/.test(f.message)), JSON.stringify(list, null, 2));
    assert.ok(of(list, 'pr-title').some((f) => /type must be one of \[story\]/.test(f.message)), JSON.stringify(list, null, 2));
    const changes = of(list, 'policy-change');
    assert.deepEqual(changes.map((f) => [f.severity, f.file]), [['error', 'commitlint.config.mjs']]);
    assert.match(changes[0]!.message, /^This change edits the commitlint config commitlint\.config\.mjs, .*: the target branch's commitlint\.config\.mjs lints the commits until it is merged$/);
    assertNoLeftovers(repo);
  });

  it('a pull request that does not touch it: the target\'s rules apply, no policy-change finding', async (t) => {
    const repo = repoWith(t, { 'commitlint.config.mjs': STORY });
    commit(repo, { 'src/a.ts': 'export const a = 1;\n' }, 'story: add a');
    const ok = await repo.run(['verify', '--format', 'json'], { env: pr(repo, 'story: add a') });
    assert.equal(ok.code, 0, ok.output);
    assert.deepEqual(findings(ok.stdout), []);
    commit(repo, { 'src/b.ts': 'export const b = 1;\n' }, 'feat: add b');
    const bad = await repo.run(['verify', '--format', 'json'], { env: pr(repo, 'story: add a and b') });
    assert.equal(bad.code, 1, bad.output);
    const list = findings(bad.stdout);
    assert.deepEqual(list.map((f) => f.check), ['commit-message']);
    assert.match(list[0]!.message, /type must be one of \[story\]/);
    assertNoLeftovers(repo);
  });

  it('a higher-precedence file added beside the target\'s config does not win in verify; it is reported', async (t) => {
    const repo = repoWith(t, { 'commitlint.config.mjs': STORY });
    commit(repo, { '.commitlintrc.json': JSON.stringify({ rules: {} }) }, 'feat: relax the rules');
    const list = findings((await repo.run(['verify', '--format', 'json'], { env: pr(repo) })).stdout);
    assert.ok(of(list, 'commit-message').some((f) => /type must be one of \[story\]/.test(f.message)), JSON.stringify(list, null, 2));
    const changes = of(list, 'policy-change');
    assert.equal(changes.length, 1, JSON.stringify(changes, null, 2));
    assert.match(changes[0]!.message, /^This change makes the commitlint config \.commitlintrc\.json win over the commitlint config commitlint\.config\.mjs/);
  });

  it('a pull request that removes the target\'s config is still linted with it; the removal is reported', async (t) => {
    const repo = repoWith(t, { 'commitlint.config.mjs': STORY });
    repo.git(['rm', '-q', 'commitlint.config.mjs']);
    repo.commitQuietly('feat: drop the commit rules');
    const list = findings((await repo.run(['verify', '--format', 'json'], { env: pr(repo) })).stdout);
    assert.ok(of(list, 'commit-message').some((f) => /type must be one of \[story\]/.test(f.message)), JSON.stringify(list, null, 2));
    assert.match(of(list, 'policy-change')[0]!.message, /^This change removes the commitlint config commitlint\.config\.mjs, .*still lints the commits/);
  });

  it('package.json: a version bump is no change; an edit of its "commitlint" key is reported and not used', async (t) => {
    const manifest = (version: string, rules: object) => JSON.stringify({ name: 'app', version, commitlint: { rules } });
    const story = { 'type-enum': [2, 'always', ['story']], 'type-empty': [2, 'never'] };
    const repo = repoWith(t, { 'package.json': manifest('1.0.0', story) });
    commit(repo, { 'package.json': manifest('1.1.0', story) }, 'story: release 1.1.0');
    const bump = await repo.run(['verify', '--format', 'json'], { env: pr(repo, 'story: release 1.1.0') });
    assert.equal(bump.code, 0, bump.output);
    commit(repo, { 'package.json': manifest('1.1.0', {}) }, 'feat: no more rules');
    const list = findings((await repo.run(['verify', '--format', 'json'], { env: pr(repo, 'story: release 1.1.0') })).stdout);
    assert.ok(of(list, 'commit-message').some((f) => /type must be one of \[story\]/.test(f.message)), JSON.stringify(list, null, 2));
    assert.match(of(list, 'policy-change')[0]!.message, /^This change edits the commitlint config in package\.json \("commitlint"\)/);
  });

  it('the target\'s config extends an installed package and is TypeScript: it loads from the installed node_modules, nothing is left behind', async (t) => {
    const ts = "import type { UserConfig } from '@commitlint/types';\nconst config: UserConfig = { extends: ['@commitlint/config-conventional'], rules: { 'scope-empty': [2, 'never'] } };\nexport default config;\n";
    const repo = repoWith(t, { 'commitlint.config.ts': ts });
    installConventional(repo);
    commit(repo, { 'src/a.ts': 'export const a = 1;\n' }, 'feat(auth): add a');
    const ok = await repo.run(['verify', '--format', 'json'], { env: pr(repo, 'feat(auth): add a') });
    assert.equal(ok.code, 0, ok.output);
    commit(repo, { 'src/b.ts': 'export const b = 1;\n' }, 'feat: add b');
    const list = findings((await repo.run(['verify', '--format', 'json'], { env: pr(repo, 'feat(auth): add a') })).stdout);
    assert.deepEqual(list.map((f) => [f.check, f.rules]), [['commit-message', ['scope-empty']]]);
    assertNoLeftovers(repo);
  });

  it('a CommonJS .js config in a "type": "module" package is read with the target\'s module type', async (t) => {
    const repo = repoWith(t, { 'package.json': JSON.stringify({ name: 'app', type: 'module' }), 'commitlint.config.js': STORY });
    commit(repo, { 'src/a.ts': 'export const a = 1;\n' }, 'feat: add a');
    const list = findings((await repo.run(['verify', '--format', 'json'], { env: pr(repo, 'story: add a') })).stdout);
    assert.deepEqual(list.map((f) => f.check), ['commit-message']);
    assert.match(list[0]!.message, /type must be one of \[story\]/);
  });

  const localImports: [string, Record<string, string>, string][] = [
    ['an ES import', { 'commitlint.config.mjs': "import rules from './config/commit-rules.mjs';\nexport default { rules };\n", 'config/commit-rules.mjs': "export default { 'type-enum': [2, 'always', ['story']] };\n" }, 'config/commit-rules.mjs'],
    ['a require without extension', { 'commitlint.config.cjs': "module.exports = { rules: require('./rules') };\n", 'rules/index.js': "module.exports = require('../shared.json');\n", 'shared.json': JSON.stringify({ 'type-enum': [2, 'always', ['story']] }) }, 'shared.json'],
    ['a relative extends', { '.commitlintrc.json': JSON.stringify({ extends: ['./commitlint.base.cjs'] }), 'commitlint.base.cjs': "module.exports = { rules: { 'type-enum': [2, 'always', ['story']] } };\n" }, 'commitlint.base.cjs'],
  ];
  for (const [name, files, imported] of localImports) {
    it(`the target's config reaches a local file (${name}): read from the target commit, the pull request's edit of it never loaded`, async (t) => {
      const repo = repoWith(t, files);
      const marker = path.join(repo.home, 'local-file-ran');
      const hostile = imported.endsWith('.json') ? '{}' : imported.endsWith('.mjs') ? `import fs from 'node:fs';\nfs.writeFileSync(${JSON.stringify(marker)}, 'ran');\nexport default {};\n` : `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran');\nmodule.exports = { rules: {} };\n`;
      commit(repo, { [imported]: hostile }, 'feat: relax the rules');
      const result = await repo.run(['verify', '--format', 'json'], { env: pr(repo, 'story: relax the rules') });
      assert.equal(fs.existsSync(marker), false, 'the pull request\'s local file ran');
      assert.equal(result.code, 1, result.output);
      const list = findings(result.stdout);
      assert.deepEqual(list.map((f) => f.check), ['commit-message'], JSON.stringify(list, null, 2));
      assert.match(list[0]!.message, /type must be one of \[story\]/);
      assertNoLeftovers(repo);
    });
  }

  it('a target config that imports a file the commit does not have: exit 2 naming the file and the fix, the checkout\'s copy never loaded', async (t) => {
    const repo = repoWith(t, { 'commitlint.config.mjs': "import rules from './commit-rules.mjs';\nexport default { rules };\n" });
    const marker = path.join(repo.home, 'local-file-ran');
    commit(repo, { 'commit-rules.mjs': `import fs from 'node:fs';\nfs.writeFileSync(${JSON.stringify(marker)}, 'ran');\nexport default {};\n` }, 'feat: add the rules file');
    const result = await repo.run(['verify'], { env: pr(repo) });
    assert.equal(fs.existsSync(marker), false, 'the pull request\'s local file ran');
    assert.equal(result.code, 2, result.output);
    assert.match(result.stderr, /commitlint\.config\.mjs at [0-9a-f]{12}/);
    assert.match(result.stderr, /with the local files it imports read from [0-9a-f]{12}: commit-rules\.mjs is not there/);
    assert.match(result.stderr, /→ move what commitlint\.config\.mjs imports/);
    assert.doesNotMatch(result.output, /\.mcflow-commitlint-|\n\s+at /);
    assertNoLeftovers(repo);
  });

  it('a push is linted with the config of the commit before the push; the edit is a warning there', async (t) => {
    for (const provider of ['github', 'gitlab'] as const) {
      const repo = repoWith(t, { 'commitlint.config.mjs': STORY });
      repo.git(['checkout', '-q', 'develop']);
      const before = repo.git(['rev-parse', 'HEAD']).stdout.trim();
      const marker = path.join(repo.home, 'commitlint-config-ran');
      const after = commit(repo, { 'commitlint.config.mjs': hostileConfig(marker, true) }, 'feat: allow every type');
      const env = provider === 'github' ? githubPushEnv(repo, { ref: 'refs/heads/develop', before, after }) : gitlabPushEnv('develop', before, after);
      const result = await repo.run(['verify', '--format', 'json'], { env });
      assert.equal(fs.existsSync(marker), false, `${provider}: the pushed commitlint config ran`);
      const list = findings(result.stdout);
      assert.ok(of(list, 'commit-message').some((f) => f.severity === 'error' && /type must be one of \[story\]/.test(f.message)), JSON.stringify(list, null, 2));
      assert.deepEqual(of(list, 'policy-change').map((f) => f.severity), ['warning']);
      assert.equal(result.code, 1, result.output);
    }
  });
});
