import assert from 'node:assert/strict';
import os from 'node:os';
import { describe, it } from 'node:test';
import { environment, tempDir, useEnvironment } from './environment.js';
import { git } from './git/exec.js';

describe('the command environment', () => {
  it('is the process environment outside a command', () => {
    assert.equal(environment(), process.env);
    assert.equal(tempDir(), os.tmpdir());
  });

  it('is the given one while in use, and the previous one after', () => {
    const restoreOuter = useEnvironment({ TMPDIR: '/outer/' });
    const restoreInner = useEnvironment({ TMP: '/inner' });
    assert.equal(tempDir(), '/inner');
    restoreInner();
    assert.equal(tempDir(), '/outer');
    restoreOuter();
    assert.equal(environment(), process.env);
  });

  it('is what git inherits, not the host process environment', () => {
    const restore = useEnvironment({ ...process.env, GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'mcflow.probe', GIT_CONFIG_VALUE_0: 'from-io-env' });
    try {
      assert.equal(git(['config', '--get', 'mcflow.probe'], { cwd: os.tmpdir() }).stdout.trim(), 'from-io-env');
    } finally {
      restore();
    }
    assert.equal(git(['config', '--get', 'mcflow.probe'], { cwd: os.tmpdir(), okCodes: [1] }).stdout, '');
  });
});
