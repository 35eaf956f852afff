import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CHECK_IDS } from '../checks/ids.js';
import { DEFAULTS } from './defaults.js';
import { resolvePolicy } from './policy.js';
import { configSchema } from './schema.js';

describe('resolvePolicy', () => {
  it('fills every default the schema declares, and a level for every check', () => {
    const policy = resolvePolicy({});
    assert.equal(policy.branches.maxLength, 100);
    assert.equal(policy.branches.forcePush, 'warning');
    assert.equal(policy.branches.kebabCase, true);
    assert.deepEqual(policy.branches.protected, []);
    assert.equal(policy.files.maxSize, '5 MB');
    assert.equal(policy.audit.staleAfterDays, 30);
    assert.deepEqual(policy.policy.locked, []);
    assert.deepEqual(Object.keys(policy.checks).sort(), [...CHECK_IDS].sort());
    assert.ok(Object.values(policy.checks).every((level) => level === 'error'));
  });

  it('keeps what a config sets, drops what is not policy, and resolves a policy to itself', () => {
    const policy = resolvePolicy({ $schema: 'x', description: 'y', checks: { secrets: 'off' }, branches: { maxLength: 20 } } as never);
    assert.equal(policy.checks.secrets, 'off');
    assert.equal(policy.branches.maxLength, 20);
    assert.equal('$schema' in policy || 'description' in policy, false);
    assert.deepEqual(resolvePolicy(policy), policy);
  });

  it('never shares a default array between two policies', () => {
    const a = resolvePolicy({});
    a.branches.protected.push('main');
    assert.deepEqual(resolvePolicy({}).branches.protected, []);
  });

  it('takes the checks\' fallback values from the schema\'s defaults (one source)', () => {
    const branches = configSchema.properties.branches.properties;
    assert.equal(branches.maxLength.default, DEFAULTS.maxLength);
    assert.equal(branches.forcePush.default, DEFAULTS.forcePush);
    assert.equal(configSchema.properties.files.properties.maxSize.default, DEFAULTS.maxSize);
  });
});
