// A tag may point at a tree or a blob instead of a commit (`git tag v1.0.0 HEAD:config.yml`).
// `git log` walks no such object, yet the push sends it: pre-push scans every file it brings.
import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import { createRepo, type TestRepo } from './helpers/repo.js';

// Built by concatenation so that this file holds no scannable key.
const STRIPE = 'sk_' + 'live_' + 'u8jzPde0IgxLd6GncfBA9fQ2';

/** A pushed main, and a local commit (never pushed) whose config.yml holds a secret. */
function repoWithUnpushedSecret(t: TestContext): { repo: TestRepo; commit: string } {
  const repo = createRepo(t, { origin: true });
  repo.installHooks({ 'pre-push': 'mcflow-hooks run pre-push "$@"\n' });
  repo.write('.mcflowrc.json', JSON.stringify({ extends: 'github-flow' }));
  repo.git(['add', '.']);
  repo.commitQuietly('chore: initial commit');
  repo.git(['push', '-q', '--no-verify', 'origin', 'main']);
  repo.switchQuietly('-c', 'feat/keys');
  repo.write('config/app.yml', `stripe:\n  key: "${STRIPE}"\n`);
  repo.git(['add', '.']);
  return { repo, commit: repo.commitQuietly('feat: add key') };
}

function pushRefused(repo: TestRepo, tag: string): void {
  const result = repo.git(['push', 'origin', tag], { allowFailure: true });
  assert.equal(result.code, 1, result.output);
  assert.match(result.output, /\[secrets\]/);
  assert.ok(!result.output.includes(STRIPE), 'no whole secret in the output');
  assert.equal(repo.git(['ls-remote', 'origin', `refs/tags/${tag}`]).stdout, '');
}

describe('pre-push of a tag that points at a tree or a blob', () => {
  it('scans a blob that a lightweight tag points at', (t) => {
    const { repo, commit } = repoWithUnpushedSecret(t);
    repo.git(['tag', 'v9.9.9', `${commit}:config/app.yml`]);
    pushRefused(repo, 'v9.9.9');
  });

  it('scans a blob that an annotated tag points at', (t) => {
    const { repo, commit } = repoWithUnpushedSecret(t);
    repo.git(['tag', '-a', '-m', 'v9.9.9', 'v9.9.9', `${commit}:config/app.yml`]);
    pushRefused(repo, 'v9.9.9');
  });

  it('scans every file of a tree a tag points at', (t) => {
    const { repo, commit } = repoWithUnpushedSecret(t);
    repo.git(['tag', 'v9.9.9', `${commit}^{tree}`]);
    const result = repo.git(['push', 'origin', 'v9.9.9'], { allowFailure: true });
    assert.match(result.output, /config\/app\.yml:2:/);
    pushRefused(repo, 'v9.9.9');
  });

  it('lets a tag on a clean tree through', (t) => {
    const { repo } = repoWithUnpushedSecret(t);
    repo.git(['tag', 'v9.9.9', 'main^{tree}']);
    const result = repo.git(['push', '-q', 'origin', 'v9.9.9'], { allowFailure: true });
    assert.equal(result.code, 0, result.output);
  });
});

describe('audit of tags that point at a tree or a blob', () => {
  it('scans their files: git log walks no such object', async (t) => {
    const { repo, commit } = repoWithUnpushedSecret(t);
    repo.git(['tag', 'v9.9.9', `${commit}:config/app.yml`]);
    repo.git(['tag', 'v9.9.8', `${commit}^{tree}`]);
    // Only the tags keep the secret: the branch that made it is gone.
    repo.switchQuietly('main');
    repo.git(['branch', '-q', '-D', 'feat/keys']);
    const result = await repo.run(['audit', '--format', 'json']);
    const files = (JSON.parse(result.stdout) as { sections: { id: string; findings: { check: string; file?: string }[] }[] }).sections
      .flatMap((section) => section.findings)
      .filter((finding) => finding.check === 'secrets')
      .map((finding) => finding.file);
    assert.deepEqual(files.sort(), ['config/app.yml', 'refs/tags/v9.9.9'], result.output);
    assert.equal(result.code, 1);
  });
});

describe('verify of a tag that points at a tree or a blob', () => {
  it('stops with exit 2 and says what the tag names, never "not in this repository"', async (t) => {
    const { repo, commit } = repoWithUnpushedSecret(t);
    repo.git(['tag', 'v9.9.9', `${commit}:config/app.yml`]);
    repo.git(['tag', '-a', '-m', 'a tree', 'v9.9.8', `${commit}^{tree}`]);
    for (const [tag, type] of [['v9.9.9', 'blob'], ['v9.9.8', 'tree']] as const) {
      for (const args of [['--base', 'main', '--head', tag], ['--base', tag, '--head', commit]]) {
        const result = await repo.run(['verify', ...args]);
        assert.equal(result.code, 2, result.output);
        const which = args[1] === tag ? 'base' : 'head';
        assert.match(result.stderr, new RegExp(`The ${which} of the range \\(${tag.replace(/\./g, '\\.')}\\) names a ${type}, not a commit`));
        assert.match(result.stderr, new RegExp(`git cat-file -t ${tag.replace(/\./g, '\\.')}`));
        assert.doesNotMatch(result.stderr, /not in this repository/);
        assert.ok(!result.output.includes(STRIPE), 'no whole secret in the output');
      }
    }
    // Still told apart from a revision the repository lacks.
    const absent = await repo.run(['verify', '--base', 'main', '--head', 'v0.0.1']);
    assert.equal(absent.code, 2);
    assert.match(absent.stderr, /The head of the range \(v0\.0\.1\) is not in this repository/);
  });
});
