// Config regexes run on names and messages a pull request author controls: the classic ReDoS
// pattern against a hostile branch name and message finishes (on RE2), and patterns RE2 cannot
// run are refused at config load with exit 2 and the reason. Real repositories, commands run in-process through main().
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRepo } from './helpers/repo.js';

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
