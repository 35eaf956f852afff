import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError } from '../errors.js';
import { checkLocks, isLocked, lockedKeys } from './locks.js';

describe('locked keys', () => {
  it('a check id locks its level and the keys it reads; a key path locks what is under it', () => {
    assert.deepEqual(lockedKeys('sensitive-files'), ['sensitive-files', 'checks.sensitive-files', 'files.sensitive', 'files.allowSensitive']);
    assert.ok(isLocked('checks.secrets', ['secrets']));
    assert.ok(isLocked('secrets.ignore', ['secrets']));
    assert.ok(isLocked('pullRequests.routes.develop', ['pullRequests.routes']));
    assert.ok(!isLocked('files.allowLarge', ['sensitive-files']));
    assert.ok(!isLocked('secretsX', ['secrets']));
  });

  it('refuses weakening, lets strengthening through', () => {
    const base = { checks: { secrets: 'error' as const }, secrets: { ignore: ['fixtures/**'] } };
    assert.deepEqual(checkLocks(base, { ...base, secrets: { ignore: [] } }, ['secrets']), []);
    assert.deepEqual(checkLocks(base, { ...base, checks: { secrets: { 'pre-commit': 'off' as const } } }, ['secrets']), [{ key: 'checks.secrets', change: 'error → off at pre-commit' }]);
  });

  it('names an entry that is neither a key nor a check', () => {
    assert.throws(() => checkLocks({}, {}, ['branches.protectd', 'checks.nope']), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /policy\.locked names "branches\.protectd", "checks\.nope"/);
      return true;
    });
    assert.deepEqual(checkLocks({}, {}, ['checks', 'branches.protected', 'policy.reviewedLabel']), []);
  });
});
