// `git replace` refs and a `.git/info/grafts` file change what every git command shows: a
// replacement can stand in for the commit that adds a secret, a graft can give it a parent that
// already holds the secret. Neither changes what a push sends or what GitHub merges, so verify,
// pre-push and audit must look at the real objects.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { githubPullRequestEnv } from './helpers/ci.js';
import { createRepo, type TestRepo } from './helpers/repo.js';

// Built by concatenation so that this file holds no scannable key.
const STRIPE = 'sk_' + 'live_' + 'u8jzPde0IgxLd6GncfBA9fQ2';

/** main with a config, and feature/leak one commit ahead adding a secret. */
function leakingBranch(t: TestContext, origin = false): { repo: TestRepo; base: string; leak: string } {
  const repo = createRepo(t, { origin });
  repo.write('app.ts', 'export const app = 1;\n');
  repo.write('.mcflowrc.json', JSON.stringify({ extends: 'github-flow' }));
  repo.git(['add', '.']);
  const base = repo.commitQuietly('chore: initial commit');
  if (origin) repo.git(['push', '-q', '--no-verify', 'origin', 'main']);
  repo.git(['checkout', '-q', '-b', 'feat/leak']);
  repo.write('app.ts', `export const app = 1;\nexport const key = "${STRIPE}";\n`);
  repo.git(['add', '.']);
  const leak = repo.commitQuietly('feat: add key');
  return { repo, base, leak };
}

/** A clean commit with the same message and parent, put in place of `commit` by a replace ref. */
function replaceWithClean(repo: TestRepo, commit: string, base: string): void {
  const tree = repo.git(['rev-parse', `${base}^{tree}`]).stdout.trim();
  const clean = repo.git(['commit-tree', '-p', base, '-m', 'feat: add key', tree]).stdout.trim();
  repo.git(['replace', commit, clean]);
}

/** Grafts `commit` onto a parentless commit that already has its tree, and that commit onto `base`'s history. */
function graftOntoCopy(repo: TestRepo, commit: string, base: string): void {
  const copy = repo.git(['commit-tree', '-m', 'copy', `${commit}^{tree}`]).stdout.trim();
  const grafts = path.resolve(repo.dir, repo.git(['rev-parse', '--git-path', 'info/grafts']).stdout.trim());
  fs.mkdirSync(path.dirname(grafts), { recursive: true });
  fs.writeFileSync(grafts, `${commit} ${copy}\n${base} ${copy}\n`);
  repo.git(['config', 'advice.graftFileDeprecated', 'false']);
}

const secretFindings = (stdout: string) => (JSON.parse(stdout) as { findings: { check: string }[] }).findings.filter((f) => f.check === 'secrets');

describe('replaced and grafted history', () => {
  for (const [name, disguise] of [
    ['a replace ref', replaceWithClean],
    ['a grafts file', graftOntoCopy],
  ] as const) {
    it(`verify on a pull request still sees the secret behind ${name}`, async (t) => {
      const { repo, base, leak } = leakingBranch(t);
      disguise(repo, leak, base);
      // What git itself now shows: the commit adds nothing.
      assert.equal(repo.git(['diff', '--name-only', `${leak}^`, leak]).stdout.trim(), '');
      const result = await repo.run(['verify', '--format', 'json'], { env: githubPullRequestEnv(repo, { base: 'main', head: 'feat/leak', title: 'feat: add key' }) });
      assert.equal(result.code, 1, result.output);
      assert.equal(secretFindings(result.stdout).length, 1, result.output);
    });
  }

  it('pre-push through real husky still sees the secret behind a replace ref', (t) => {
    const { repo, base, leak } = leakingBranch(t, true);
    repo.installHooks({ 'pre-push': 'mcflow-hooks run pre-push "$@"\n' });
    replaceWithClean(repo, leak, base);
    const result = repo.git(['push', '-q', 'origin', 'feat/leak'], { allowFailure: true });
    assert.equal(result.code, 1, result.output);
    assert.match(result.output, /\[secrets\]/);
    assert.equal(repo.git(['ls-remote', 'origin', 'refs/heads/feat/leak']).stdout, '');
  });

  it('audit still sees the secret behind a replace ref', async (t) => {
    const { repo, base, leak } = leakingBranch(t);
    replaceWithClean(repo, leak, base);
    const result = await repo.run(['audit', '--format', 'json']);
    assert.match(result.stdout, /"check": ?"secrets"/, result.output);
  });
});
