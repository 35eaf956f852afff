// Limits fail closed: a push that creates or force-updates a protected branch is checked in CI
// against the other protected branches only (its commits being on some feature branch proves
// nothing), and pre-push scans every commit the remote lacks, however many.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { githubPushEnv } from './helpers/ci.js';
import { createRepo, type TestRepo } from './helpers/repo.js';

const STRIPE = 'sk_' + 'live_' + 'u8jzPde0IgxLd6GncfBA9fQ2';
const ZERO = '0'.repeat(40);

function withSecretOnFeature(t: import('node:test').TestContext): { repo: TestRepo; base: string; secret: string } {
  const repo = createRepo(t, { origin: true });
  repo.write('app.ts', 'export const app = 1;\n');
  // Committed: in CI the policy is read from history, never from the working tree.
  repo.write('.mcflowrc.json', JSON.stringify({ branches: { protected: ['main', 'develop', 'release-line'] } }));
  repo.git(['add', '.']);
  const base = repo.commitQuietly('chore: initial commit');
  repo.git(['branch', 'develop']);
  repo.git(['push', '-q', '--no-verify', 'origin', 'main', 'develop']);
  repo.git(['checkout', '-q', '-b', 'feature/x']);
  repo.write('app.ts', `export const app = 1;\nexport const key = "${STRIPE}";\n`);
  repo.git(['add', '.']);
  const secret = repo.commitQuietly('feat: add key');
  // The feature branch is on the remote already: "on another branch" must not mean "checked".
  repo.git(['push', '-q', '--no-verify', 'origin', 'feature/x']);
  return { repo, base, secret };
}

const secretsIn = (stdout: string) => (JSON.parse(stdout) as { findings: { check: string; commit?: string }[] }).findings.filter((f) => f.check === 'secrets');

describe('verify of a push that creates or rewrites a protected branch', () => {
  it('a created protected branch: every commit not on another protected branch is checked', async (t) => {
    const { repo, secret } = withSecretOnFeature(t);
    repo.git(['push', '-q', '--no-verify', 'origin', 'feature/x:release-line']);
    repo.git(['fetch', '-q', 'origin']);
    const env = githubPushEnv(repo, { ref: 'refs/heads/release-line', before: ZERO, after: secret, created: true });
    const result = await repo.run(['verify', '--format', 'json'], { env });
    assert.equal(result.code, 1, result.output);
    assert.deepEqual(secretsIn(result.stdout).map((f) => f.commit), [secret]);
  });

  it('a force-updated protected branch whose old tip CI cannot see: checked against the other protected branches', async (t) => {
    const { repo, secret } = withSecretOnFeature(t);
    repo.git(['push', '-q', '--no-verify', '--force', 'origin', 'feature/x:develop']);
    repo.git(['fetch', '-q', 'origin']);
    const unknown = 'e'.repeat(40);
    const env = githubPushEnv(repo, { ref: 'refs/heads/develop', before: unknown, after: secret });
    const result = await repo.run(['verify', '--format', 'json'], { env });
    assert.equal(result.code, 1, result.output);
    assert.deepEqual(secretsIn(result.stdout).map((f) => f.commit), [secret]);
  });

  it('a force push whose old tip is known checks every commit the branch did not have', async (t) => {
    const { repo, base, secret } = withSecretOnFeature(t);
    repo.git(['push', '-q', '--no-verify', '--force', 'origin', 'feature/x:develop']);
    const env = githubPushEnv(repo, { ref: 'refs/heads/develop', before: base, after: secret });
    const result = await repo.run(['verify', '--format', 'json'], { env });
    assert.equal(result.code, 1, result.output);
    assert.deepEqual(secretsIn(result.stdout).map((f) => f.commit), [secret]);
  });
});

describe('pre-push scans every commit the remote lacks', () => {
  it('finds a secret 1 500 commits back, with no bound and no warning', async (t) => {
    const repo = createRepo(t, { origin: true });
    repo.installHooks({ 'pre-push': 'mcflow-hooks run pre-push "$@"\n' });
    const lines: string[] = [];
    for (let i = 1; i <= 1500; i++) {
      const message = `feat: change ${i}`;
      lines.push('commit refs/heads/feature/long', `mark :${i}`, `committer Test <t@example.com> ${1_700_000_000 + i} +0000`, `data ${message.length}`, message);
      if (i > 1) lines.push(`from :${i - 1}`);
      const content = i === 2 ? `KEY=${STRIPE}\n` : `${i}\n`;
      lines.push(`M 100644 inline file-${i % 20}.txt`, `data ${Buffer.byteLength(content)}`, content);
    }
    repo.fastImport(`${lines.join('\n')}\n`);
    const result = repo.git(['push', 'origin', 'feature/long'], { allowFailure: true });
    assert.notEqual(result.code, 0, result.output);
    assert.match(result.output, /Stripe live key/);
    assert.match(result.output, /file-2\.txt/);
    assert.doesNotMatch(result.output, /only the newest/);
  });
});

describe('capped output keeps its totals', () => {
  it('JSON and SARIF count every finding of a file with more than 20 secrets', async (t) => {
    const repo = createRepo(t);
    const base = repo.commitQuietly('chore: initial commit');
    const lines = Array.from({ length: 30 }, (_, i) => `KEY_${i}=${STRIPE.slice(0, -4)}${1000 + i}`).join('\n');
    repo.write('many.env.txt', `${lines}\n`);
    repo.git(['add', '.']);
    repo.commitQuietly('feat: many');
    const json = await repo.run(['verify', '--base', base, '--format', 'json']);
    assert.equal(json.code, 1, json.output);
    const report = JSON.parse(json.stdout) as { findings: { check: string; count?: number; message: string }[]; summary: { errors: number } };
    const secrets = report.findings.filter((f) => f.check === 'secrets');
    assert.equal(secrets.length, 21);
    assert.match(secrets[20]!.message, /and 10 more possible secrets in this file/);
    assert.equal(report.summary.errors, report.findings.length - 1 + 10);
    const sarif = await repo.run(['verify', '--base', base, '--format', 'sarif']);
    assert.match(sarif.stdout, /"count": "10"/);
    assert.doesNotMatch(json.stdout + sarif.stdout, new RegExp(STRIPE.slice(8, 24)), 'never printed');
  });
});

describe('verify without content checks', () => {
  it('reads no diff and no blob at all', async (t) => {
    const run = async (config: object) => {
      const repo = createRepo(t);
      // Committed in the base: verify reads the policy from history.
      repo.write('.mcflowrc.json', JSON.stringify(config));
      repo.git(['add', '.']);
      const base = repo.commitQuietly('chore: initial commit');
      repo.write('app.ts', `export const key = "${STRIPE}";\n`);
      repo.git(['add', '.']);
      repo.commitQuietly('feat: key');
      // Remove the blob from the object database: any content read now fails.
      const blob = repo.git(['rev-parse', 'HEAD:app.ts']).stdout.trim();
      fs.rmSync(path.join(repo.dir, '.git/objects', blob.slice(0, 2), blob.slice(2)));
      return await repo.run(['verify', '--base', base]);
    };
    const withContent = await run({});
    assert.equal(withContent.code, 2, withContent.output);
    const without = await run({ checks: { secrets: 'off', 'sensitive-files': 'off', 'large-files': 'off' } });
    assert.equal(without.code, 0, without.output);
  });
});
