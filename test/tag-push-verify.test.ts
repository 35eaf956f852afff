// verify on a tag push: a tag can point at a commit no branch has (made on a detached HEAD or
// an orphan branch and pushed as the tag alone). Its commits were never checked on a branch.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { githubPushEnv, ZERO_SHA } from './helpers/ci.js';
import { createRepo } from './helpers/repo.js';

// Built by concatenation so that this file holds no scannable key.
const STRIPE = 'sk_' + 'live_' + 'u8jzPde0IgxLd6GncfBA9fQ2';

const secretsIn = (stdout: string) => (JSON.parse(stdout) as { findings: { check: string; commit?: string }[] }).findings.filter((f) => f.check === 'secrets');

describe('verify of a tag push', () => {
  it('checks the commits the tag brings that no branch has', async (t) => {
    const repo = createRepo(t, { origin: true });
    repo.write('.mcflowrc.json', JSON.stringify({ extends: 'github-flow' }));
    repo.git(['add', '.']);
    repo.commitQuietly('chore: initial commit');
    repo.git(['push', '-q', '--no-verify', 'origin', 'main']);
    repo.git(['checkout', '-q', '--detach']);
    repo.write('config.yml', `key: "${STRIPE}"\n`);
    repo.git(['add', '.']);
    const leak = repo.commitQuietly('feat: add key');
    repo.git(['tag', 'v1.0.1-rc.1']);
    repo.git(['push', '-q', '--no-verify', 'origin', 'v1.0.1-rc.1']);
    repo.git(['checkout', '-q', 'main']);
    repo.git(['fetch', '-q', 'origin']);
    const env = githubPushEnv(repo, { ref: 'refs/tags/v1.0.1-rc.1', before: ZERO_SHA, after: leak, created: true });
    const result = await repo.run(['verify', '--format', 'json'], { env });
    assert.equal(result.code, 1, result.output);
    assert.deepEqual(secretsIn(result.stdout).map((f) => f.commit), [leak]);
  });

  it('does not check again the commits a branch has', async (t) => {
    const repo = createRepo(t, { origin: true });
    repo.write('.mcflowrc.json', JSON.stringify({ extends: 'github-flow' }));
    repo.write('config.yml', `key: "${STRIPE}"\n`);
    repo.git(['add', '.']);
    const head = repo.commitQuietly('chore: initial commit');
    repo.git(['tag', 'v1.0.1-rc.1']);
    repo.git(['push', '-q', '--no-verify', 'origin', 'main', 'v1.0.1-rc.1']);
    repo.git(['fetch', '-q', 'origin']);
    const env = githubPushEnv(repo, { ref: 'refs/tags/v1.0.1-rc.1', before: ZERO_SHA, after: head, created: true });
    const result = await repo.run(['verify', '--format', 'json'], { env });
    assert.deepEqual(secretsIn(result.stdout), [], result.output);
  });
});
