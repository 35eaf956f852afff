// pre-push scans every commit the remote lacks: their files, and their messages, since a commit
// made with --no-verify never went through the commit-msg hook's scan.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRepo } from './helpers/repo.js';

// Built by concatenation so that this file holds no scannable key.
const STRIPE = 'sk_' + 'live_' + 'u8jzPde0IgxLd6GncfBA9fQ2';

describe('pre-push and commit messages', () => {
  it('refuses a push whose --no-verify commit has a secret in its message, and passes a clean one', (t) => {
    const repo = createRepo(t, { origin: true });
    repo.write('.mcflowrc.json', JSON.stringify({ extends: 'github-flow' }));
    repo.git(['add', '.']);
    repo.commitQuietly('chore: initial commit');
    repo.git(['push', '-q', '--no-verify', 'origin', 'main']);
    repo.installHooks({ 'pre-push': 'mcflow-hooks run pre-push "$@"\n' });
    repo.switchQuietly('-c', 'feat/deploy');
    repo.commitQuietly('feat: add deploy notes');
    assert.equal(repo.git(['push', '-q', 'origin', 'feat/deploy'], { allowFailure: true }).code, 0);
    repo.commitQuietly(`feat: deploy\n\nused STRIPE_KEY=${STRIPE} for the test run`);
    const result = repo.git(['push', 'origin', 'feat/deploy'], { allowFailure: true });
    assert.equal(result.code, 1, result.output);
    assert.match(result.output, /in the commit message .*\[secrets\]/);
    assert.ok(!result.output.includes(STRIPE));
  });
});
