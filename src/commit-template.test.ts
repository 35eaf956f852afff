import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commitSkeleton, isEmptyMessage, issueForBranch, typeForBranch } from './commit-template.js';

describe('commit template', () => {
  const types: [string | undefined, string][] = [
    ['feature/module-auth', 'feat'],
    ['bugfix/issue-12', 'fix'],
    ['hotfix/critical-csp', 'fix'],
    ['docs/readme', 'docs'],
    ['release/v1.2.0', 'chore'],
    ['main', 'feat'],
    [undefined, 'feat'],
  ];
  for (const [branch, type] of types) it(`${branch} → ${type}`, () => assert.equal(typeForBranch(branch), type));

  const issues: [string, string | undefined][] = [
    ['feature/issue-123-login', '123'],
    ['bugfix/issue-7', '7'],
    ['feature/123-cache', '123'],
    ['fix/gh-42-typo', '42'],
    ['feature/module-auth', undefined],
    ['release/v1.2.0', undefined],
    ['hotfix/v1-critical-x', undefined],
  ];
  for (const [branch, issue] of issues) it(`${branch} names issue ${issue}`, () => assert.equal(issueForBranch(branch), issue));

  it('pre-fills the type and the issue reference, with help as comments', () => {
    const text = commitSkeleton('feature/issue-123-login');
    assert.match(text, /^feat: \n\nRefs: #123\n\n# <type>\(<scope>\)/);
  });

  it('uses the configured comment character', () => {
    assert.match(commitSkeleton('feature/x', ';'), /\n; types:/);
  });

  it('an empty message is only comments and blank lines', () => {
    assert.equal(isEmptyMessage('\n# Please enter the commit message\n#\n'), true);
    assert.equal(isEmptyMessage('fix: x\n# comment\n'), false);
    assert.equal(isEmptyMessage('\n# help\n# ------------------------ >8 ------------------------\ndiff --git a/x b/x\n+added\n'), true, 'commit -v: the diff is not the message');
  });
});
