import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findWeakenings } from './policy-diff.js';
import type { McflowConfig } from './types.js';

type Config = Omit<McflowConfig, 'extends'>;
const BASE: Config = {
  checks: { secrets: 'error', 'branch-name': { 'pre-commit': 'warning' } },
  branches: { protected: ['main', 'develop'], allowed: ['feature/*'], forcePush: 'error', kebabCase: true },
  commits: { rules: { 'header-max-length': [2, 'always', 72] } },
  files: { maxSize: '5 MB', sensitive: ['**/*.sqlite'] },
  pullRequests: { routes: { develop: ['feature/*'], main: ['develop'] }, body: { sections: ['Description'] } },
  audit: { requireSignedCommits: true },
};
const weakened = (head: Config) => findWeakenings(BASE, head).map((w) => `${w.key}: ${w.change}`);

describe('findWeakenings', () => {
  const cases: [string, Config, string[]][] = [
    ['a check lowered at one stage', { ...BASE, checks: { ...BASE.checks, secrets: { verify: 'warning' } } }, ['checks.secrets: error → warning at verify']],
    ['a check unset is "error" (no weakening)', { ...BASE, checks: {} }, []],
    ['a level lowered', { ...BASE, branches: { ...BASE.branches, forcePush: 'off' } }, ['branches.forcePush: error → off']],
    ['an allow list widened', { ...BASE, branches: { ...BASE.branches, allowed: ['feature/*', '**'] } }, ['branches.allowed: adds "**"']],
    ['a required list shortened', { ...BASE, files: { ...BASE.files, sensitive: [] } }, ['files.sensitive: removes "**/*.sqlite"']],
    ['a size raised, in bytes or units', { ...BASE, files: { ...BASE.files, maxSize: 6 * 1024 * 1024 } }, ['files.maxSize: 5.0 MB → 6.0 MB']],
    ['a switch turned off', { ...BASE, audit: { requireSignedCommits: false } }, ['audit.requireSignedCommits: true → false']],
    ['a default switch turned off', { ...BASE, branches: { ...BASE.branches, kebabCase: false } }, ['branches.kebabCase: true → false']],
    ['a route target dropped, a route widened', { ...BASE, pullRequests: { ...BASE.pullRequests, routes: { develop: ['feature/*', 'hotfix/*'] } } }, ['pullRequests.routes: removes "main"', 'pullRequests.routes.develop: adds "hotfix/*"']],
    ['a commitlint rule changed either way', { ...BASE, commits: { rules: { 'header-max-length': [2, 'always', 50] } } }, ['commits.rules: changes "header-max-length"']],
    ['a PR body section dropped', { ...BASE, pullRequests: { ...BASE.pullRequests, body: { sections: [] } } }, ['pullRequests.body.sections: removes "Description"']],
  ];
  for (const [name, head, expected] of cases) it(name, () => assert.deepEqual(weakened(head), expected));

  it('reports nothing for the same policy or a stricter one', () => {
    assert.deepEqual(weakened(BASE), []);
    const stricter: Config = {
      ...BASE,
      checks: { ...BASE.checks, 'branch-name': 'error', 'branch-health': 'error' },
      branches: { ...BASE.branches, protected: ['main', 'develop', 'release/*'], allowed: [], maxLength: 40 },
      files: { maxSize: 1024, sensitive: ['**/*.sqlite', '**/*.db'] },
      pullRequests: { ...BASE.pullRequests, routes: { ...BASE.pullRequests!.routes, 'main-production': ['release/*'] } },
    };
    assert.deepEqual(weakened(stricter), []);
  });
});
