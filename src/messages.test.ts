import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { gitReason, messages, shellQuote } from './messages.js';

describe('shellQuote', () => {
  it('keeps a name with a line break on one line, and bash reads back the same bytes', () => {
    const name = "e\n::notice it's\\x\u001b\t.env";
    const quoted = shellQuote(name);
    assert.equal(quoted, "$'e\\n::notice it\\'s\\\\x\\x1b\\t.env'");
    assert.doesNotMatch(quoted, /[\n\r]/);
    const echoed = spawnSync('bash', ['-c', `printf %s ${quoted}`], { encoding: 'utf8' });
    assert.equal(echoed.stdout, name);
  });

  it('quotes other names as before', () => {
    assert.equal(shellQuote('src/a.ts'), 'src/a.ts');
    assert.equal(shellQuote("my file's.txt"), "'my file'\\''s.txt'");
  });

  it('in a script file, keeps plain single quotes that every sh reads back, line breaks and all', () => {
    const name = "pkg\nit's";
    const quoted = shellQuote(name, { inScript: true });
    assert.equal(quoted, "'pkg\nit'\\''s'");
    const echoed = spawnSync('sh', ['-c', `printf %s ${quoted}`], { encoding: 'utf8' });
    assert.equal(echoed.stdout, name);
  });
});

describe('gitFailed', () => {
  it("names git's fatal line, not the hints and warnings printed before it", () => {
    const stderr = 'hint: Support for <GIT_DIR>/info/grafts is deprecated\nhint: and will be removed in a future Git version.\nwarning: refname is ambiguous.\nfatal: unable to read ef49dd86a6957875edcd0bff210337d6b6dd063c\n';
    assert.equal(gitReason(stderr), 'fatal: unable to read ef49dd86a6957875edcd0bff210337d6b6dd063c');
    assert.equal(messages.gitFailed(['log', '-p'], stderr), 'git log -p failed: fatal: unable to read ef49dd86a6957875edcd0bff210337d6b6dd063c');
  });

  it('falls back to the first line that is not advice, then to the first line', () => {
    assert.equal(gitReason('hint: x\nabc123 missing\n'), 'abc123 missing');
    assert.equal(gitReason('warning: only this\n'), 'warning: only this');
    assert.equal(gitReason(''), '');
    assert.equal(messages.gitFailed(['status'], ''), 'git status failed');
  });
});
