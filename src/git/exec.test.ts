import assert from 'node:assert/strict';
import os from 'node:os';
import { describe, it } from 'node:test';
import { git, gitAsync } from './exec.js';

describe('git runner', () => {
  it('applies a caller\'s extra variables to the synchronous and the asynchronous git alike', async () => {
    const env = { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'mcflow.probe', GIT_CONFIG_VALUE_0: 'set' };
    const args = ['config', '--get', 'mcflow.probe'];
    assert.equal(git(args, { cwd: os.tmpdir(), env }).stdout.trim(), 'set');
    assert.equal((await gitAsync(args, { cwd: os.tmpdir(), env })).stdout.trim(), 'set');
  });
});
