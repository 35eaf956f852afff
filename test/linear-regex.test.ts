// Config regexes run on names and messages a pull request author controls: the classic ReDoS
// pattern against a hostile branch name and message finishes (on RE2), and patterns RE2 cannot
// run are refused at config load with exit 2 and the reason. Real repositories, commands run in-process through main().
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRepo } from './helpers/repo.js';
import { examined, prefilter } from '../src/checks/secrets.keywords.js';

describe('linear-time config patterns', () => {
  it('/^(a+)+b$/ against hostile branch names and messages returns (a backtracking engine would run for ages)', async (t) => {
    const repo = createRepo(t);
    repo.write('.mcflowrc.json', JSON.stringify({ branches: { allowed: ['/^(a+)+b$/'] }, commits: { ignore: ['^(a+)+b$'] } }));
    repo.git(['add', '.']);
    repo.commitQuietly('chore: config');
    // 29 characters take ~16 s on V8's engine; 60 would take centuries.
    for (const length of [29, 60]) {
      const name = 'a'.repeat(length);
      repo.git(['checkout', '-q', '-b', name]);
      const checkout = await repo.run(['run', 'post-checkout', '0', '0', '1']);
      assert.equal(checkout.code, 0, checkout.output);
      assert.match(checkout.stdout, /matches none of the allowed patterns: \/\^\(a\+\)\+b\$\//);
      const message = await repo.run(['run', 'commit-msg', repo.write('msg', `${'a'.repeat(length)}!\n`)], { env: { GIT_PREFIX: '' } });
      assert.equal(message.code, 1, message.output);
      assert.match(message.stdout, /commit-message/);
    }
  });

  it('refuses a backreference or lookaround at config load: exit 2, the key, the reason', async (t) => {
    const repo = createRepo(t);
    repo.commitQuietly('chore: init');
    repo.write('.mcflowrc.json', JSON.stringify({ branches: { allowed: ['/^(feat)\\/\\1$/'] }, commits: { ignore: ['^(?!feat)'] } }));
    const result = await repo.run(['run', 'pre-commit']);
    assert.equal(result.code, 2, result.output);
    assert.match(result.stderr, /branches\.allowed\[0\]: invalid pattern .*a backreference \(\\1\), which the linear-time regex engine \(RE2\) does not support/);
    assert.match(result.stderr, /commits\.ignore\[0\]: invalid pattern .*a lookaround/);
    assert.doesNotMatch(result.output, /at .*\.cjs:\d+/, 'no stack trace');
  });
});

// The secrets scan's keyword prefilter is plain code, not a regex: it is held to a bounded number
// of visits per character (counted, since time cannot be asserted on a shared machine), on the
// texts that made the earlier scan quadratic or slow, and a real hook still reports what they hold.
describe('linear-time secrets prefilter', () => {
  // Built at run time: no scannable literal in this file.
  const begin = `${'-----BEGIN ' + 'PRIVATE KEY-----'}\n`;
  const stripe = (i: number) => `${'sk_' + 'live_'}${String(i).padStart(24, 'a1B2c3D4e5F6g7H8i9J0kLmN')}`;
  const hostile: Record<string, string> = {
    'a megabyte of unterminated BEGIN lines': begin.repeat(Math.ceil((1024 * 1024) / begin.length)),
    '30 000 findings': Array.from({ length: 30_000 }, (_, i) => `API_KEY_${i}=${stripe(i)}\n`).join(''),
    'one 2 MB line': 'x'.repeat(2 * 1024 * 1024),
    'one 2 MB line of keyword starts': 'sk-xo-ap-'.repeat(230_000),
    'keywords on every line': 'secret token key pass auth\n'.repeat(40_000),
    '100 000 short lines': Array.from({ length: 100_000 }, (_, i) => `v${i}\n`).join(''),
    'URLs without credentials': 'http://a:'.repeat(100_000),
  };
  for (const [name, text] of Object.entries(hostile)) {
    it(`visits each character of ${name} at most twice`, () => {
      const before = examined.positions;
      assert.ok(prefilter(text), 'the one-pass prefilter takes it');
      const visits = examined.positions - before;
      assert.ok(visits <= 2 * text.length + 2, `${visits} visits for ${text.length} characters`);
    });
  }

  it('a pre-commit hook reports the key after a megabyte of BEGIN lines, and 30 000 findings as 20 plus a count', async (t) => {
    const repo = createRepo(t);
    repo.commitQuietly('chore: init');
    const body = 'MHcCAQEEIBd0Kh8oOOL8dKLzdocJ2isAjIhKtJ0RlgLKOmxgJu8joAoGCCqGSM49\nAwEHoUQDQgAEmwufUxbvJDCTbyvHNsG9eh6Yo4gfqrc5XlrWi0B26R08HgxzNNAL\n';
    const beginLines = hostile['a megabyte of unterminated BEGIN lines']!;
    repo.write('keys.txt', `${beginLines}${begin}${body}${'-----END ' + 'PRIVATE KEY-----'}\n`);
    repo.write('many.txt', hostile['30 000 findings']!);
    repo.git(['add', '.']);
    const result = await repo.run(['run', 'pre-commit']);
    assert.equal(result.code, 1, result.output);
    const beginCount = beginLines.split('\n').length - 1;
    assert.match(result.stdout, new RegExp(`keys\\.txt:${beginCount + 1}:28\\b`), 'the key, at the end of its BEGIN line');
    assert.match(result.stdout, /and 29980 more possible secrets in this file/);
    assert.doesNotMatch(result.output, /sk_live_[A-Za-z0-9]{6}/, 'no secret printed');
  });
});
