import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError } from '../errors.js';
import { parseRefUpdates } from './pre-push.js';

const A = 'a'.repeat(40);
const Z = '0'.repeat(40);

describe('parseRefUpdates', () => {
  it('reads one update per line, including deletions and sha-256 ids', () => {
    const input = `refs/heads/feature/x ${A} refs/heads/feature/x ${Z}\n(delete) ${Z} refs/heads/develop ${A}\nrefs/tags/v1.0.0 ${'c'.repeat(64)} refs/tags/v1.0.0 ${'0'.repeat(64)}\n`;
    assert.deepEqual(parseRefUpdates(input), [
      { localRef: 'refs/heads/feature/x', localSha: A, remoteRef: 'refs/heads/feature/x', remoteSha: Z },
      { localRef: '(delete)', localSha: Z, remoteRef: 'refs/heads/develop', remoteSha: A },
      { localRef: 'refs/tags/v1.0.0', localSha: 'c'.repeat(64), remoteRef: 'refs/tags/v1.0.0', remoteSha: '0'.repeat(64) },
    ]);
  });

  it('treats empty input as no updates', () => {
    assert.deepEqual(parseRefUpdates(''), []);
    assert.deepEqual(parseRefUpdates('\n\n'), []);
  });

  const malformed: [string, string][] = [
    ['too few fields', `refs/heads/main ${A} refs/heads/main`],
    ['too many fields', `refs/heads/main ${A} refs/heads/main ${Z} extra`],
    ['a short sha', `refs/heads/main abc123 refs/heads/main ${Z}`],
    ['an upper-case sha', `refs/heads/main ${A.toUpperCase()} refs/heads/main ${Z}`],
    ['tabs for spaces', `refs/heads/main\t${A}\trefs/heads/main\t${Z}`],
  ];
  for (const [name, line] of malformed) {
    it(`rejects ${name}, quoting the line`, () => {
      assert.throws(
        () => parseRefUpdates(`refs/heads/ok ${A} refs/heads/ok ${Z}\n${line}\n`),
        (error: unknown) => error instanceof InputError && error.message.includes('Line 2') && error.message.includes(JSON.stringify(line)),
      );
    });
  }
});
