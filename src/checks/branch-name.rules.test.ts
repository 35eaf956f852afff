import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { packageRoot } from '../package-root.js';
import { compileBranchRules, findBranchViolation, refFormatProblem, slugify, suggestBranchName } from './branch-name.rules.js';
import { shellQuote } from '../messages.js';

const gitflow = JSON.parse(fs.readFileSync(path.join(packageRoot(), 'presets/gitflow.json'), 'utf8'));
const rules = compileBranchRules(gitflow);

describe('branch name rules (gitflow preset)', () => {
  const valid = [
    'feature/login-form',
    'feature/module-auth',
    'feature/issue-123',
    'bugfix/issue-42-null-user',
    'hotfix/critical-csp',
    'hotfix/v1-critical-token-leak',
    'release/v2.1.0',
    'release/v2.2.0-beta.1',
    'rollback/v2.0.3-db-timeout',
    'main',
    'main-production',
    'develop',
    'legacy-v1-production',
    // bots name their branches their own way
    'dependabot/npm_and_yarn/lodash-4.17.21',
    'renovate/Major-Eslint',
    `feature/${'a'.repeat(92)}`, // exactly 100 characters
  ];
  for (const name of valid) {
    it(`accepts ${JSON.stringify(name)}`, () => assert.equal(findBranchViolation(name, rules), undefined));
  }

  // [name, rule broken, part of the detail, suggested name]
  const invalid: [string, string, string, string | undefined][] = [
    ['Feature/Login Form', 'git-ref-format', 'a space', 'feature/login-form'],
    ['feature/Login', 'kebab-case', '"Login"', 'feature/login'],
    ['feature/login_form', 'kebab-case', '"login_form"', 'feature/login-form'],
    ['feature/café-menu', 'kebab-case', '"café-menu"', 'feature/cafe-menu'],
    ['feature/日本語', 'kebab-case', '"日本語"', undefined],
    ['feature/login/', 'git-ref-format', 'ends with "/"', 'feature/login'],
    ['feature//login', 'git-ref-format', '"//"', 'feature/login'],
    ['feature/a..b', 'git-ref-format', '".."', 'feature/a.b'],
    ['feature/x.lock', 'git-ref-format', '".lock"', 'feature/x-lock'],
    ['feature/.hidden', 'git-ref-format', 'starts with "."', 'feature/hidden'],
    ['feature/what?', 'git-ref-format', '"?"', 'feature/what'],
    ['feature/tab\there', 'git-ref-format', '"\\t"', 'feature/tab-here'],
    ['-feature/x', 'git-ref-format', 'starts with "-"', 'feature/x'],
    ['feature/x.', 'git-ref-format', 'ends with "."', 'feature/x'],
    ['feature/a@{1}', 'git-ref-format', '"@{"', 'feature/a-1'],
    ['@', 'git-ref-format', 'reserves', undefined],
    ['', 'git-ref-format', 'empty', undefined],
    ['login', 'allowed-pattern', 'feature/*', 'feature/login'],
    ['feat/login', 'allowed-pattern', 'feature/*', 'feature/login'],
    ['fix/issue-12', 'allowed-pattern', 'bugfix/*', 'bugfix/issue-12'],
    ['feature/auth/login', 'allowed-pattern', 'none of the allowed patterns', 'feature/auth-login'],
    ['release/2.1.0', 'allowed-pattern', 'release', 'release/v2.1.0'],
    ['release/v2.1', 'allowed-pattern', 'release', undefined],
    ['Develop', 'kebab-case', '"Develop"', 'feature/develop'],
    [`feature/${'long-'.repeat(30)}name`, 'max-length', 'the limit is 100', `feature/${'long-'.repeat(17)}long`],
  ];
  for (const [name, rule, detail, suggestion] of invalid) {
    it(`rejects ${JSON.stringify(name.slice(0, 40))} (${rule}) and suggests ${suggestion ?? 'nothing'}`, () => {
      const violation = findBranchViolation(name, rules);
      assert.equal(violation?.rule, rule);
      assert.ok(violation!.detail.includes(detail), violation!.detail);
      const suggested = suggestBranchName(name, rules);
      assert.equal(suggested, suggestion);
      if (suggested) assert.equal(findBranchViolation(suggested, rules), undefined, 'a suggestion always passes');
    });
  }

  it('counts characters, not UTF-16 units or bytes, against maxLength', () => {
    const short = compileBranchRules({ branches: { maxLength: 10 } });
    assert.equal(findBranchViolation('feature/ab', short), undefined);
    assert.equal(findBranchViolation('feature/abc', short)?.rule, 'max-length');
  });

  it('turns kebab-case off, and allows anything without allowed patterns', () => {
    const loose = compileBranchRules({ branches: { kebabCase: false } });
    assert.equal(findBranchViolation('Feature/Login_Form', loose), undefined);
    assert.equal(findBranchViolation('Feature/Login Form', loose)?.rule, 'git-ref-format', 'git rules still apply');
  });

  it('takes regular expressions in allowed', () => {
    const jira = compileBranchRules({ branches: { allowed: ['/^[a-z]+\\/proj-\\d+(-[a-z0-9-]+)?$/'] } });
    assert.equal(findBranchViolation('feature/proj-12-login', jira), undefined);
    assert.equal(findBranchViolation('feature/login', jira)?.rule, 'allowed-pattern');
  });
});

describe('refFormatProblem', () => {
  it('accepts what git accepts', () => {
    for (const name of ['a', 'a/b', 'a.b', 'ünïcødé', 'a-b_c', 'a@b']) assert.equal(refFormatProblem(name), undefined, name);
  });
  it('rejects control characters and git\'s special characters', () => {
    for (const name of ['a\u0001b', 'a\u007fb', 'a~1', 'a^', 'a:b', 'a*', 'a[b', 'a\\b']) assert.ok(refFormatProblem(name), name);
  });
});

describe('slugify and shellQuote', () => {
  const slugs: [string, string][] = [
    ['Login Form', 'login-form'],
    ['  spaced  out  ', 'spaced-out'],
    ['Ünïcødé Straße', 'unicode-strasse'],
    ['v2.1.0', 'v2.1.0'],
    ['a - . - b', 'a-b'],
    ['...', ''],
  ];
  for (const [input, slug] of slugs) it(`slugifies ${JSON.stringify(input)}`, () => assert.equal(slugify(input), slug));

  it('quotes only what a shell would split or expand', () => {
    assert.equal(shellQuote('feature/login-form'), 'feature/login-form');
    assert.equal(shellQuote('Feature/Login Form'), "'Feature/Login Form'");
    assert.equal(shellQuote("it's"), "'it'\\''s'");
    assert.equal(shellQuote('v1^{commit}'), "'v1^{commit}'");
  });
});
