// Lockfiles are scanned like any file: a file named yarn.lock can hold anything, and a real
// lockfile's registry URL can carry a token. Through a real husky pre-commit hook and verify.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { githubPullRequestEnv } from './helpers/ci.js';
import { createRepo } from './helpers/repo.js';

// Built by concatenation so that this file holds no scannable key.
const STRIPE = 'sk_' + 'live_' + 'u8jzPde0IgxLd6GncfBA9fQ2';

describe('secrets in lockfiles', () => {
  it('pre-commit refuses a secret in a file named yarn.lock, and verify reports it', async (t) => {
    const repo = createRepo(t);
    repo.write('.mcflowrc.json', JSON.stringify({ extends: 'github-flow' }));
    repo.git(['add', '.']);
    repo.commitQuietly('chore: initial commit');
    repo.installHooks({ 'pre-commit': 'mcflow-hooks run pre-commit\n' });
    repo.git(['checkout', '-q', '-b', 'feat/deploy']);
    repo.write('deploy/yarn.lock', `STRIPE_KEY=${STRIPE}\n`);
    repo.write('package-lock.json', `{ "packages": { "node_modules/x": { "resolved": "https://ci:${STRIPE}@npm.example.com/x/-/x-1.0.0.tgz" } } }\n`);
    repo.git(['add', '.']);
    const refused = repo.git(['commit', '-q', '-m', 'feat: add deploy lock'], { allowFailure: true });
    assert.equal(refused.code, 1, refused.output);
    assert.match(refused.output, /deploy\/yarn\.lock:1:/);
    assert.match(refused.output, /package-lock\.json:1:/);
    assert.ok(!refused.output.includes(STRIPE));

    repo.commitQuietly('feat: add deploy lock');
    const result = await repo.run(['verify', '--format', 'json'], { env: githubPullRequestEnv(repo, { base: 'main', head: 'feat/deploy', title: 'feat: add deploy lock' }) });
    assert.equal(result.code, 1, result.output);
    const files = (JSON.parse(result.stdout) as { findings: { check: string; file?: string }[] }).findings.filter((f) => f.check === 'secrets').map((f) => f.file);
    assert.deepEqual(files.sort(), ['deploy/yarn.lock', 'package-lock.json']);
  });
});
