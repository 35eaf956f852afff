// The compiled-code cache of the hooks (src/code-cache.ts), through the real bin: a copy of the
// built package in a temp directory, so its cache (node_modules/.cache/mcflow-hooks-code beside
// the package) is this test's own, and real hook runs in a real repository.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { codeCacheDir } from '../src/code-cache.js';
import { createRepo, makeTempDir, PACKAGE_ROOT, runCli, type TestRepo } from './helpers/repo.js';

const nodeHasItsOwn = typeof (module as { enableCompileCache?: unknown }).enableCompileCache === 'function';

/** The built package, copied (not linked: Node would follow a link back to ours) under `<temp>/node_modules/mcflow-hooks`. */
function installCopy(t: TestContext): { bin: string; cache: string } {
  const pkg = path.join(makeTempDir(t), 'node_modules', 'mcflow-hooks');
  fs.mkdirSync(pkg, { recursive: true });
  for (const entry of ['dist', 'presets', 'schema', 'package.json']) fs.cpSync(path.join(PACKAGE_ROOT, entry), path.join(pkg, entry), { recursive: true });
  // Its runtime dependency, installed beside it as npm would (@commitlint/load imports it).
  fs.symlinkSync(path.join(PACKAGE_ROOT, 'node_modules', 'jiti'), path.join(pkg, '..', 'jiti'));
  return { bin: path.join(pkg, 'dist', 'cli.cjs'), cache: codeCacheDir(path.join(pkg, 'dist')) };
}

/** Every entry file under the cache, by name, with its size and mtime. */
function entries(cache: string): Map<string, string> {
  const found = new Map<string, string>();
  if (!fs.existsSync(cache)) return found;
  for (const build of fs.readdirSync(cache)) {
    for (const file of fs.readdirSync(path.join(cache, build))) {
      const stat = fs.statSync(path.join(cache, build, file));
      found.set(`${build}/${file}`, `${stat.size}:${stat.mtimeMs}`);
    }
  }
  return found;
}

const hook = (repo: TestRepo, bin: string, file: string, env: NodeJS.ProcessEnv = {}) =>
  runCli(['run', 'commit-msg', file], { cwd: repo.dir, env: { ...repo.env, GIT_PREFIX: '', ...env }, bin });

/** What a run said, without what differs between two runs. */
const verdict = (result: { code: number; output: string }) => `${result.code}\n${result.output}`;

describe('compiled-code cache', { skip: nodeHasItsOwn && 'Node ≥ 22.1 caches compiled code itself (module.enableCompileCache)' }, () => {
  it('is written by the first hook run, read (not rewritten) by the next, and changes no verdict', (t) => {
    const { bin, cache } = installCopy(t);
    const repo = createRepo(t);
    const messages = [
      'feat: add login form\n',
      'add login form\n',
      'feat(ui)!: drop the old header\n\nBREAKING CHANGE: the header is gone\n',
      'fix: a very long subject line that goes on and on well past the hundred characters commitlint allows in a header\n',
      // Built by concatenation so this file itself holds no scannable key.
      `feat: rotate\n\nSTRIPE_SECRET_KEY=sk_${'live'}_u8jzPde0IgxLd6GncfBA9fQ2\n`,
    ].map((text, index) => repo.write(`msg-${index}`, text));
    const first = hook(repo, bin, messages[0]!);
    assert.equal(first.code, 0, first.output);
    const written = entries(cache);
    assert.ok([...written.keys()].some((name) => name.endsWith('.bin') && name.includes('commit-msg~main.cjs~')), [...written.keys()].join('\n'));
    for (const file of messages) {
      const uncached = hook(repo, bin, file, { MCFLOW_NO_CODE_CACHE: '1' });
      assert.equal(verdict(hook(repo, bin, file)), verdict(uncached));
      assert.equal(verdict(hook(repo, bin, file)), verdict(uncached), 'the second cached run');
    }
    assert.equal(hook(repo, bin, messages[1]!).code, 1);
    assert.equal(hook(repo, bin, messages[4]!).code, 1);
    const after = entries(cache);
    for (const [name, stamp] of written) assert.equal(after.get(name), stamp, `${name} was rewritten`);
  });

  it('ignores and rewrites an entry that is corrupted or cut short', (t) => {
    const { bin, cache } = installCopy(t);
    const repo = createRepo(t);
    const good = repo.write('good', 'feat: add login form\n');
    const bad = repo.write('bad', 'add login form\n');
    assert.equal(hook(repo, bin, good).code, 0);
    const [build] = fs.readdirSync(cache);
    const main = fs.readdirSync(path.join(cache, build!)).find((name) => name.startsWith('commit-msg~main.cjs~'))!;
    const file = path.join(cache, build!, main);
    const original = fs.readFileSync(file);
    for (const broken of [Buffer.alloc(original.length, 0x5a), original.subarray(0, original.length >> 1), Buffer.alloc(0)]) {
      fs.writeFileSync(file, broken);
      const result = hook(repo, bin, bad);
      assert.equal(result.code, 1, result.output);
      assert.match(result.output, /type may not be empty/);
      const rewritten = fs.readFileSync(file);
      assert.ok(rewritten.length > 1000 && !rewritten.equals(broken), 'rewritten whole');
      assert.equal(hook(repo, bin, good).code, 0);
    }
  });

  it('a patched bundle gets entries of its own, and an older build’s directory is removed', (t) => {
    const { bin, cache } = installCopy(t);
    const repo = createRepo(t);
    const message = repo.write('msg', 'feat: add login form\n');
    for (const build of ['old-build', 'recent-build']) {
      fs.mkdirSync(path.join(cache, build), { recursive: true });
      fs.writeFileSync(path.join(cache, build, 'commit-msg~main.cjs~1~1.bin'), 'stale');
    }
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    fs.utimesSync(path.join(cache, 'old-build'), twoHoursAgo, twoHoursAgo);
    assert.equal(hook(repo, bin, message).code, 0);
    assert.ok(!fs.existsSync(path.join(cache, 'old-build')), 'the older build is gone');
    assert.ok(fs.existsSync(path.join(cache, 'recent-build')), 'a build used within the hour stays (two checkouts sharing node_modules)');
    // A bundle patched in place (patch-package): its old entry is not used for the new code.
    const messagesBundle = path.join(path.dirname(bin), 'shared', 'messages.cjs');
    fs.writeFileSync(messagesBundle, fs.readFileSync(messagesBundle, 'utf8').replace('type may not be empty', 'TYPE MAY NOT BE EMPTY'));
    const result = hook(repo, bin, repo.write('bad', 'add login form\n'));
    assert.equal(result.code, 1, result.output);
    assert.match(result.output, /TYPE MAY NOT BE EMPTY/);
    // The unpatched bundle's entry is gone: one entry per hook and bundle.
    const kept = [...entries(cache).keys()].filter((name) => name.includes('commit-msg~shared~messages.cjs~'));
    assert.equal(kept.length, 1, kept.join('\n'));
  });

  it('keeps entries per set of Node options, so runs with and without NODE_OPTIONS do not rewrite each other', (t) => {
    const { bin, cache } = installCopy(t);
    const repo = createRepo(t);
    const message = repo.write('msg', 'feat: add login form\n');
    const withOptions = { NODE_OPTIONS: '--max-old-space-size=200' };
    assert.equal(hook(repo, bin, message).code, 0);
    assert.equal(hook(repo, bin, message, withOptions).code, 0);
    const written = entries(cache);
    assert.equal(fs.readdirSync(cache).length, 2, 'two sets of entries');
    for (let run = 0; run < 2; run++) {
      assert.equal(hook(repo, bin, message).code, 0);
      assert.equal(hook(repo, bin, message, withOptions).code, 0);
    }
    assert.deepEqual(entries(cache), written, 'nothing rewritten');
  });

  it('runs as before when the cache cannot be written', (t) => {
    const { bin, cache } = installCopy(t);
    const repo = createRepo(t);
    fs.mkdirSync(path.dirname(cache), { recursive: true });
    // A file where the directory would be: nothing can be created under it, whoever runs the test.
    fs.writeFileSync(cache, '');
    const result = hook(repo, bin, repo.write('bad', 'add login form\n'));
    assert.equal(result.code, 1);
    assert.match(result.output, /type may not be empty/);
    assert.doesNotMatch(result.output, /EEXIST|ENOTDIR|Error/);
    assert.equal(hook(repo, bin, repo.write('good', 'feat: add login form\n')).code, 0);
  });

  it("imports a repository's own ES module commitlint config from cached code", (t) => {
    const { bin } = installCopy(t);
    const repo = createRepo(t);
    repo.write('commitlint.config.mjs', "export default { rules: { 'type-enum': [2, 'always', ['story']] } };\n");
    const story = repo.write('story', 'story: add login form\n');
    const feat = repo.write('feat', 'feat: add login form\n');
    for (let run = 0; run < 2; run++) {
      // The resolved-config cache dropped each time: the config module is imported again.
      fs.rmSync(path.join(repo.dir, 'node_modules/.cache/mcflow-hooks'), { recursive: true, force: true });
      const passed = hook(repo, bin, story);
      assert.equal(passed.code, 0, `run ${run}: ${passed.output}`);
      fs.rmSync(path.join(repo.dir, 'node_modules/.cache/mcflow-hooks'), { recursive: true, force: true });
      const refused = hook(repo, bin, feat);
      assert.equal(refused.code, 1, refused.output);
      assert.match(refused.output, /type-enum/);
    }
  });
});

describe('codeCacheDir', () => {
  it('is in the node_modules the package is installed in, or in its own', () => {
    assert.equal(codeCacheDir('/app/node_modules/mcflow-hooks/dist'), path.normalize('/app/node_modules/.cache/mcflow-hooks-code'));
    assert.equal(codeCacheDir('/src/mcflow-hooks/dist'), path.normalize('/src/mcflow-hooks/node_modules/.cache/mcflow-hooks-code'));
  });
});
