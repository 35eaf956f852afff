import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createProgress } from './audit.js';

function fakeStderr(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, write: (text: string) => writes.push(text) } };
}

describe('audit progress', () => {
  it('appears on a terminal only after two seconds, and is cleared at the end', () => {
    let now = 0;
    const { writes, stream } = fakeStderr(true);
    const progress = createProgress({ stderr: stream, env: {} }, () => now);
    progress.update('history', 500, 0);
    assert.deepEqual(writes, [], 'a quick run shows nothing');
    now = 2500;
    progress.update('history', 4000, 0);
    assert.match(writes.join(''), /audit: history, 4000 commits read/);
    progress.done();
    assert.equal(writes.at(-1), '\r\u001b[2K');
  });

  it('never writes on a pipe or in CI', () => {
    let now = 0;
    for (const [isTTY, env] of [
      [false, {}],
      [true, { CI: 'true' }],
    ] as const) {
      const { writes, stream } = fakeStderr(isTTY);
      const progress = createProgress({ stderr: stream, env }, () => now);
      now += 10_000;
      progress.update('history', 4000, 0);
      progress.done();
      assert.deepEqual(writes, []);
    }
  });
});
