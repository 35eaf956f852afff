import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { suggestHeader } from './commit-message.suggest.js';

const rules = { 'type-enum': [2, 'always', ['feat', 'fix', 'docs', 'chore', 'refactor', 'test']] } as const;

describe('suggestHeader', () => {
  const cases: [string, string | undefined, string][] = [
    ['Feature: Add login form.', undefined, 'feat: add login form'],
    ['hotfix: Fix critical security vulnerability', undefined, 'fix: fix critical security vulnerability'],
    ['Bugfix(Auth): Reject expired tokens', undefined, 'fix(auth): reject expired tokens'],
    ['feat!: Drop Node 18', undefined, 'feat!: drop Node 18'],
    ['update readme', 'docs/readme', 'docs: update readme'],
    ['Reject expired tokens', 'hotfix/critical-auth', 'fix: reject expired tokens'],
    ['Add API client', undefined, 'feat: add API client'],
    ['API client added', undefined, 'feat: API client added'],
    ['FIX EVERYTHING', undefined, 'fix: fix everything'],
    ['', undefined, 'feat: describe the change'],
  ];
  for (const [header, branch, expected] of cases) {
    it(`${JSON.stringify(header)} on ${branch ?? 'no branch'} → ${expected}`, () => {
      assert.equal(suggestHeader(header, rules as never, branch), expected);
    });
  }

  it('keeps the header within header-max-length, cutting at a word', () => {
    const long = `feat: ${'word '.repeat(40)}`;
    const suggestion = suggestHeader(long, { 'header-max-length': [2, 'always', 30] } as never);
    assert.ok(suggestion.length <= 30, suggestion);
    assert.match(suggestion, /^feat: (word ?)+$/);
  });
});
