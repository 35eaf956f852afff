// The secrets, sensitive-files and large-files checks through real husky hooks in real
// repositories: what is scanned is the index (pre-commit) or the commits the remote lacks
// (pre-push), whatever the working tree says; odd names, binaries, an empty repository and a
// 50 MB blob behave; and no output ever holds a whole secret.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { createRepo, PACKAGE_ROOT, runCli, type RunResult, type TestRepo } from './helpers/repo.js';

// Built by concatenation so that this file holds no scannable key.
const STRIPE = 'sk_' + 'live_' + 'u8jzPde0IgxLd6GncfBA9fQ2';
const PASSWORD = 'HgxzNN&AL5#wIS' + 'q7';
const GITLAB = 'gl' + 'pat-' + 'AUsdMlHUvTCQCyEZDz-T';
const DB_PASSWORD = 'Zr8#kP2m' + 'Wq4';
const SECRETS = [STRIPE, PASSWORD, GITLAB, DB_PASSWORD];

/** Every output of every command in this file, checked for whole secrets at the end. */
const outputs: string[] = [];
const seen = (result: RunResult): RunResult => {
  outputs.push(result.output);
  return result;
};

const HOOKS = { 'pre-commit': 'mcflow-hooks run pre-commit\n', 'pre-push': 'mcflow-hooks run pre-push "$@"\n' };

function hookedRepo(t: Parameters<typeof createRepo>[0], origin = false): TestRepo & { origin?: string } {
  const repo = createRepo(t, { branch: 'feature/secrets', origin });
  repo.installHooks(HOOKS);
  return repo;
}

/** A commit through the real husky pre-commit hook (git → husky → the built bin). */
const commit = (repo: TestRepo, message = 'feat: add config') => seen(repo.git(['commit', '-q', '-m', message], { allowFailure: true }));
/** The same commit with the hook run in-process through main(): the same check, without starting node. */
const hookCommit = async (repo: TestRepo, message = 'feat: add config') => seen(await repo.commitThroughMain(message, ['pre-commit']));

describe('secrets in pre-commit', () => {
  it('catches a secret that is staged but deleted from the working tree', async (t) => {
    const repo = hookedRepo(t);
    repo.write('src/pay.ts', `export const key = "${STRIPE}";\n`);
    repo.git(['add', 'src/pay.ts']);
    fs.rmSync(path.join(repo.dir, 'src/pay.ts'));
    const result = commit(repo);
    assert.notEqual(result.code, 0, result.output);
    assert.match(result.output, /Stripe live key \(mcflow\/stripe\): sk_live_\*\*\*\*\.\.\.9fQ2 \[secrets\]/);
    assert.match(result.output, /src\/pay\.ts:1:21, fingerprint fp2-[0-9a-f]{16}/);
    assert.match(result.output, /git add -- src\/pay\.ts/);
    assert.equal(repo.git(['rev-parse', '-q', '--verify', 'HEAD'], { allowFailure: true }).code, 1, 'no commit was made');
  });

  it('ignores a secret that is only in the working tree', async (t) => {
    const repo = hookedRepo(t);
    repo.write('settings.env.example', 'API_TOKEN=<your-token>\n');
    repo.git(['add', '-A']);
    repo.write('settings.env.example', `API_TOKEN=${GITLAB}\n`);
    const result = await hookCommit(repo);
    assert.equal(result.code, 0, result.output);
    assert.equal(repo.git(['status', '--porcelain']).stdout.trim(), 'M settings.env.example', 'the working tree is untouched');
  });

  it('scans only added lines: a rename adds none, an old secret elsewhere in a touched file does not block', async (t) => {
    const repo = hookedRepo(t);
    repo.write('old name.yml', `password: ${PASSWORD}\nother: 1\n`);
    repo.git(['add', '-A']);
    repo.commitQuietly('chore: legacy file');
    repo.git(['mv', 'old name.yml', 'new name.yml']);
    assert.equal((await hookCommit(repo, 'refactor: rename')).code, 0);
    repo.write('new name.yml', `password: ${PASSWORD}\nother: 2\n`);
    repo.git(['add', '-A']);
    assert.equal((await hookCommit(repo, 'fix: other')).code, 0);
    repo.write('new name.yml', `password: ${PASSWORD}\nother: 2\ntoken: ${GITLAB}\n`);
    repo.git(['add', '-A']);
    const result = await hookCommit(repo, 'feat: token');
    assert.equal(result.code, 1, result.output);
    assert.match(result.output, /new name\.yml:3:8/);
    assert.doesNotMatch(result.output, /new name\.yml:1:/);
  });

  it('names files with spaces, newlines and unicode exactly (JSON report), and skips binary files', async (t) => {
    const repo = hookedRepo(t);
    repo.write('with space.env.txt', `DB_PASSWORD=${PASSWORD}\n`);
    repo.write('new\nline.txt', `token=${GITLAB}\n`);
    repo.write('ünïcødé.md', `Stripe: ${STRIPE}\n`);
    // Binary by content: mostly bytes no text has (a stray NUL alone would not make it binary).
    const noise = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 151 + 7) % 256));
    repo.write('image.bin', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]), noise, Buffer.from(`${STRIPE}\n`)]));
    repo.git(['add', '-A']);
    const result = seen(await repo.run(['run', 'pre-commit', '--format', 'json'], { env: { GIT_PREFIX: '' } }));
    assert.equal(result.code, 1, result.output);
    const report = JSON.parse(result.stdout) as { findings: { check: string; file: string }[] };
    const files = report.findings.filter((finding) => finding.check === 'secrets').map((finding) => finding.file).sort();
    assert.deepEqual(files, ['new\nline.txt', 'with space.env.txt', 'ünïcødé.md']);
  });

  it('names the kind of secret in its own words, never quoting secretlint messages that hold the secret', async (t) => {
    const repo = hookedRepo(t);
    repo.write('deploy/app.env.txt', `DATABASE_URL=postgres://app:${DB_PASSWORD}@db.internal/app\n`);
    repo.git(['add', '-A']);
    const result = await hookCommit(repo);
    assert.equal(result.code, 1, result.output);
    assert.match(result.output, /Possible password in a database connection string \(secretlint\/database-connection-string\): postgres:\/\/\*\*\*\*/);
  });

  it('works in an empty repository (no HEAD yet)', async (t) => {
    const repo = hookedRepo(t);
    repo.write('.npmrc.txt', `secret_key = "${STRIPE}"\n`);
    repo.git(['add', '-A']);
    assert.equal((await hookCommit(repo)).code, 1);
    repo.write('.npmrc.txt', 'registry=https://registry.npmjs.org/\n');
    repo.git(['add', '-A']);
    const result = await hookCommit(repo);
    assert.equal(result.code, 0, result.output);
  });

  it('refuses a 50 MB file with a Git LFS hint, without scanning it', async (t) => {
    const repo = hookedRepo(t);
    const big = Buffer.alloc(50 * 1024 * 1024, 'a');
    Buffer.from(`\nKEY=${STRIPE}\n`).copy(big, 1024);
    repo.write('data/dump.sql', big);
    repo.git(['add', '-A']);
    const result = await hookCommit(repo);
    assert.equal(result.code, 1, result.output);
    assert.match(result.output, /"data\/dump\.sql" is 50\.0 MB, over the 5\.0 MB limit \(files\.maxSize\) \[large-files\]/);
    assert.match(result.output, /git lfs track/);
    assert.doesNotMatch(result.output, /\[secrets\]/);
  });

  it('refuses a force-added ignored .env with the git rm --cached command and the .gitignore line', async (t) => {
    const repo = hookedRepo(t);
    repo.write('.gitignore', '.env\n');
    repo.write('.env', 'DEBUG=1\n');
    repo.git(['add', '.gitignore']);
    repo.git(['add', '-f', '.env']);
    const result = await hookCommit(repo);
    assert.equal(result.code, 1, result.output);
    assert.match(result.output, /"\.env" is an environment file and must not be committed \[sensitive-files\]/);
    assert.match(result.output, /git rm --cached -- \.env && echo \/\.env >> \.gitignore/);
  });

  it('accepts allow-listed findings: inline marker and config fingerprint', async (t) => {
    const repo = hookedRepo(t);
    repo.write('a.env.txt', `# mcflow-allow-secret: public demo key\nKEY=${STRIPE}\nTOKEN=${GITLAB}\n`);
    repo.git(['add', '-A']);
    const refused = await hookCommit(repo);
    assert.equal(refused.code, 1);
    const fingerprint = /fingerprint (fp2-[0-9a-f]{16})/.exec(refused.output)![1]!;
    assert.match(refused.output, /a\.env\.txt:3:/);
    repo.write('.mcflowrc.json', JSON.stringify({ secrets: { allow: [{ fingerprint, reason: 'revoked test token' }] } }));
    repo.git(['add', '-A']);
    assert.equal((await hookCommit(repo)).code, 0);
  });
});

describe('secrets in pre-push', () => {
  it('catches a secret added and removed again in two --no-verify commits', async (t) => {
    const repo = hookedRepo(t, true);
    repo.write('README.md', 'hello\n');
    repo.git(['add', '-A']);
    repo.commitQuietly('chore: start');
    seen(repo.git(['push', '-q', '--no-verify', 'origin', 'feature/secrets']));
    repo.write('config.yml', `db:\n  password: "${PASSWORD}"\n`);
    repo.git(['add', '-A']);
    const added = repo.commitQuietly('feat: config');
    repo.write('config.yml', 'db:\n  password: ${DB_PASSWORD}\n');
    repo.git(['add', '-A']);
    repo.commitQuietly('fix: read the password from the environment');
    const result = seen(repo.git(['push', 'origin', 'feature/secrets'], { allowFailure: true }));
    assert.notEqual(result.code, 0, result.output);
    assert.match(result.output, /config\.yml:2:14, commit [0-9a-f]{12}, fingerprint/);
    assert.match(result.output, new RegExp(`git rebase --interactive ${added.slice(0, 12)}~1`));
    assert.equal(repo.git(['ls-remote', 'origin', 'feature/secrets']).stdout.split('\t')[0]!.length, 40);
    assert.notEqual(repo.git(['ls-remote', 'origin', 'feature/secrets']).stdout.split('\t')[0], repo.git(['rev-parse', 'HEAD']).stdout.trim());
  });

  it('a sensitive file with secrets in two commits: each finding\'s fix reaches its own commit', async (t) => {
    const repo = hookedRepo(t, true);
    repo.write('README.md', 'hello\n');
    repo.git(['add', '-A']);
    repo.commitQuietly('chore: start');
    seen(repo.git(['push', '-q', '--no-verify', 'origin', 'feature/secrets']));
    repo.write('deploy/.env', `STRIPE_KEY=${STRIPE}\n`);
    repo.git(['add', '-A']);
    const first = repo.commitQuietly('feat: deploy settings');
    repo.write('deploy/.env', `STRIPE_KEY=${STRIPE}\nGITLAB_TOKEN=${GITLAB}\n`);
    repo.git(['add', '-A']);
    const second = repo.commitQuietly('feat: more deploy settings');
    repo.write('deploy/.env', `STRIPE_KEY=${STRIPE}\nGITLAB_TOKEN=${GITLAB}\nDB_PASSWORD="${DB_PASSWORD}"\n`);
    repo.git(['add', '-A']);
    const third = repo.commitQuietly('feat: the database');
    const url = repo.origin!;
    const head = repo.git(['rev-parse', 'HEAD']).stdout.trim();
    const input = `refs/heads/feature/secrets ${head} refs/heads/feature/secrets ${repo.git(['rev-parse', 'origin/feature/secrets']).stdout.trim()}\n`;
    const result = seen(await repo.run(['run', 'pre-push', '--format', 'json', 'origin', url], { input }));
    assert.equal(result.code, 1, result.output);
    const findings = (JSON.parse(result.stdout) as { findings: { check: string; commit?: string; fix?: string }[] }).findings;
    const secrets = findings.filter((f) => f.check === 'secrets');
    assert.ok(secrets.length >= 3, result.stdout);
    // One fix per file (src/staged-summary.ts) across commits: a history rewrite from a later
    // commit does not reach an earlier one, so each fix must start at or before its own commit.
    const order = [first, second, third].map((sha) => sha.slice(0, 12));
    for (const finding of secrets) {
      const from = /git rebase --interactive ([0-9a-f]{12})~1/.exec(finding.fix ?? '')?.[1];
      assert.ok(from, finding.fix);
      assert.ok(order.indexOf(from) <= order.indexOf(finding.commit!.slice(0, 12)), `${finding.commit} gets a fix from ${from}: ${finding.fix}`);
    }
  });

  it('one push of two branches that each add the same sensitive file: each fix rewrites its own branch', async (t) => {
    const repo = hookedRepo(t, true);
    repo.write('README.md', 'hello\n');
    repo.git(['add', '-A']);
    repo.commitQuietly('chore: start');
    seen(repo.git(['push', '-q', '--no-verify', 'origin', 'feature/secrets']));
    const base = repo.git(['rev-parse', 'HEAD']).stdout.trim();
    const tips: Record<string, string> = {};
    for (const [branch, value] of [['feature/one', STRIPE], ['feature/two', GITLAB]] as const) {
      repo.switchQuietly('-c', branch, base);
      repo.write('.env', `TOKEN=${value}\n`);
      repo.git(['add', '-f', '.env']);
      tips[branch] = repo.commitQuietly(`feat: settings for ${branch}`);
    }
    const input = Object.entries(tips).map(([branch, sha]) => `refs/heads/${branch} ${sha} refs/heads/${branch} ${'0'.repeat(40)}\n`).join('');
    const result = seen(await repo.run(['run', 'pre-push', '--format', 'json', 'origin', repo.origin!], { input }));
    assert.equal(result.code, 1, result.output);
    const secrets = (JSON.parse(result.stdout) as { findings: { check: string; commit?: string; fix?: string }[] }).findings.filter((f) => f.check === 'secrets');
    assert.equal(secrets.length, 2, result.stdout);
    // The other branch's commit is no ancestor of this one: a rebase from it would not reach this finding.
    for (const finding of secrets) assert.match(finding.fix ?? '', new RegExp(`git rebase --interactive ${finding.commit!.slice(0, 12)}~1`), JSON.stringify(secrets, null, 2));
  });

  it('lets clean commits through', async (t) => {
    const repo = hookedRepo(t, true);
    repo.write('a.txt', 'a\n');
    repo.git(['add', '-A']);
    repo.commitQuietly('feat: a');
    const result = seen(repo.git(['push', '-q', 'origin', 'feature/secrets'], { allowFailure: true }));
    assert.equal(result.code, 0, result.output);
  });
});

describe('laziness', () => {
  it('a commit-msg hook runs without secretlint on disk; pre-commit loads it only for a preset trigger', async (t) => {
    const repo = createRepo(t, { branch: 'feature/secrets' });
    // A copy of the package whose build lacks the vendored secretlint bundles.
    const pkg = path.join(repo.home, 'pkg');
    const dist = path.join(pkg, 'dist');
    fs.cpSync(path.join(PACKAGE_ROOT, 'dist'), dist, { recursive: true });
    for (const entry of ['package.json', 'presets', 'node_modules']) fs.symlinkSync(path.join(PACKAGE_ROOT, entry), path.join(pkg, entry));
    fs.rmSync(path.join(dist, 'vendor/@secretlint'), { recursive: true });
    const cli = (args: string[]) => seen(runCli(args, { cwd: repo.dir, env: { ...repo.env, GIT_PREFIX: '' }, bin: path.join(dist, 'cli.cjs') }));
    repo.write('msg.txt', 'feat: add login form\n');
    assert.equal(cli(['run', 'commit-msg', 'msg.txt']).code, 0);
    repo.write('plain.txt', 'nothing to see here\n');
    repo.git(['add', 'plain.txt']);
    assert.equal(cli(['run', 'pre-commit']).code, 0, 'no keyword: secretlint is not needed');
    repo.write('plain.txt', `password = "${PASSWORD}"\n`);
    repo.git(['add', 'plain.txt']);
    assert.match(cli(['run', 'pre-commit']).output, /mcflow\/secret-assignment/, 'our own rules need no secretlint');
    // Credentials in a URL are the preset's basicauth rule's (GitHub tokens are our own rule's now).
    repo.write('plain.txt', `remote = "https://deploy:${'Xq7pLm2' + 'vR9tKw'}@git.acme.io/app.git"\n`);
    repo.git(['add', 'plain.txt']);
    assert.match(cli(['run', 'pre-commit']).output, /Cannot find module .*vendor\/@secretlint/, 'a preset trigger loads secretlint');
  });
});

after(() => {
  // Runs once every test above has: no output of any of them holds a whole secret.
  for (const output of outputs) for (const secret of SECRETS) assert.ok(!output.includes(secret), `an output contains a whole secret:\n${output}`);
  assert.ok(outputs.length > 10, 'outputs were collected');
});

describe('passwords in URLs', () => {
  // Built at run time: a real-looking password holds the characters generated ones do (/ + = %).
  const real = ['S3cr', '/et+Pa55', 'wQ'].join('');
  const lines = [
    [`DATABASE_URL=postgres://admin:${real}@db.internal/app`, true],
    [`REDIS_URL=redis://:${real}@cache.internal:6379/0`, true],
    [`docs: https://deploy:${real}@example.com/repo.git`, true],
    [`PUSH_URL=https://ci:${['Xk9', '+fQ2pLm7Rz%21'].join('')}@git.example.com/repo.git`, true],
    ['DATABASE_URL=postgres://user:<password>@db.example.com/app', false],
    ['sample: https://user:changeme@example.com/path', false],
    ['DATABASE_URL=postgres://db.internal:5432/app@2024', false],
    ['see https://user:pass@example.com', false],
  ] as const;

  it('a real password is found whatever characters it holds or host it names; a placeholder is not', async (t) => {
    const repo = createRepo(t, { branch: 'feature/urls' });
    repo.write('config/urls.txt', `${lines.map(([line]) => line).join('\n')}\n`);
    repo.git(['add', '-A']);
    const result = seen(await repo.run(['verify', '--staged', '--format', 'json']));
    const found = (JSON.parse(result.stdout) as { findings: { check: string; line?: number }[] }).findings.filter((f) => f.check === 'secrets').map((f) => f.line);
    const expected = lines.flatMap(([, secret], index) => (secret ? [index + 1] : []));
    assert.deepEqual(found, expected, result.stdout);
    assert.doesNotMatch(result.output, new RegExp(real.replace(/[+/]/g, '\\$&')));
  });
});
