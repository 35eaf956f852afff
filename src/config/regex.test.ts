import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileLinearRegex, describeRegexError } from './regex.js';
import { compileMatcher, describeGlobError } from './glob.js';

describe('linear-time config regexes', () => {
  it('match as JavaScript would for the flags that matter (i, m, s)', () => {
    assert.equal(compileLinearRegex('^release\\/v\\d+$', '')('release/v12'), true);
    assert.equal(compileLinearRegex('^release\\/v\\d+$', '')('Release/v12'), false);
    assert.equal(compileLinearRegex('^release', 'i')('RELEASE/x'), true);
    assert.equal(compileLinearRegex('^Signed-off-by: bot$', 'm')('fix: x\n\nSigned-off-by: bot'), true);
    assert.equal(compileLinearRegex('a.b', 's')('a\nb'), true);
    assert.equal(compileLinearRegex('a.b', '')('a\nb'), false);
    assert.equal(compileMatcher(['feature/*', '/^hotfix\\/(a+)+b$/'])('hotfix/aab'), true);
  });

  it('runs a catastrophic pattern in linear time: 200 characters of a hostile name', () => {
    // A backtracking engine needs ~2^200 steps here; this returns at all only on RE2.
    const test = compileLinearRegex('^(a+)+b$', '');
    assert.equal(test(`${'a'.repeat(200)}!`), false);
    assert.equal(compileMatcher(['/^(a|aa)+$/'])(`${'a'.repeat(200)}!`), false);
  });

  it('refuses backreferences and lookaround at load, with the reason, and nothing else', () => {
    assert.match(describeRegexError('^(a)\\1$')!, /a backreference \(\\1\).*linear-time regex engine \(RE2\)/);
    assert.match(describeRegexError('(?<x>a)\\k<x>')!, /named backreference/);
    assert.match(describeRegexError('^(?!wip)')!, /lookaround \(\(\?!…\)/);
    assert.match(describeRegexError('(?<=a)b')!, /lookaround \(\(\?<=…\)/);
    assert.match(describeRegexError('(')!, /Invalid regular expression/);
    assert.equal(describeRegexError('^a\\\\1$'), undefined, 'an escaped backslash before a digit is no backreference');
    assert.equal(describeRegexError('^[\\1(?=]$'), undefined, 'inside a class nothing is a group');
    assert.equal(describeRegexError('^(?<name>feat)(?:\\(.*\\))?:'), undefined);
    assert.match(describeGlobError('/^(a)\\1$/')!, /backreference/);
  });
});
