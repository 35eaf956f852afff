// The built-in presets encode their workflows: run the real checks with each preset's config.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadConfigFile } from '../src/config/load.js';
import { runChecks } from '../src/engine.js';
import type { Change } from '../src/types.js';
import { PACKAGE_ROOT } from './helpers/repo.js';

const ZERO = '0'.repeat(40);
const SHA = 'a'.repeat(40);

async function findingsFor(preset: string, change: Change): Promise<string[]> {
  const { config } = await loadConfigFile(path.join(PACKAGE_ROOT, 'presets', `${preset}.json`));
  const report = await runChecks(change, { config });
  return report.findings.filter((f) => f.severity === 'error').map((f) => f.check);
}

const pushBranch = (branch: string): Change => ({
  stage: 'pre-push',
  refUpdates: [{ localRef: `refs/heads/${branch}`, localSha: SHA, remoteRef: `refs/heads/${branch}`, remoteSha: ZERO, kind: 'create' }],
});
const pullRequest = (branch: string, targetBranch: string): Change => ({
  stage: 'verify',
  branch,
  targetBranch,
  ci: { provider: 'github', event: 'pull-request' },
  pullRequest: { title: 'feat: add login', body: '' },
});

describe('presets', () => {
  const pushes: [string, string, string[]][] = [
    ['gitflow', 'feature/login-form', []],
    ['gitflow', 'release/v2.1.0', []],
    ['gitflow', 'feat/login-form', ['branch-name']],
    ['github-flow', 'feat/login-form', []],
    ['github-flow', 'fix/issue-12', []],
    ['github-flow', 'feature/login-form', ['branch-name']],
    ['github-flow', 'dependabot/npm_and_yarn/lodash-4.17.21', []],
  ];
  for (const [preset, branch, expected] of pushes) {
    it(`${preset}: pushing ${branch} → ${expected.join(', ') || 'accepted'}`, async () => {
      assert.deepEqual(await findingsFor(preset, pushBranch(branch)), expected);
    });
  }

  const routes: [string, string, string, boolean][] = [
    ['gitflow', 'feature/login', 'develop', true],
    ['gitflow', 'feature/login', 'main-production', false],
    ['gitflow', 'release/v2.1.0', 'main-production', true],
    ['gitflow', 'hotfix/v1-critical-auth', 'legacy-v1-production', true],
    ['github-flow', 'feat/login', 'main', true],
    ['github-flow', 'feature/login', 'main', false],
  ];
  for (const [preset, from, to, allowed] of routes) {
    it(`${preset}: a pull request ${from} → ${to} is ${allowed ? 'allowed' : 'refused'}`, async () => {
      const checks = await findingsFor(preset, pullRequest(from, to));
      assert.equal(checks.includes('merge-direction'), !allowed, checks.join(', '));
    });
  }
});
