// verify's machine-readable outputs: JSON, SARIF and JUnit checked against golden files, and
// SARIF validated against the official SARIF 2.1.0 schema (shipped in @microsoft/jest-sarif).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { formatSarif } from '../src/report/sarif.js';
import { formatJunit } from '../src/report/junit.js';
import { formatGithubAnnotations, formatStepSummary } from '../src/report/github.js';
import type { Report } from '../src/engine.js';
import { githubPullRequestEnv } from './helpers/ci.js';
import { assertGolden, normalise } from './helpers/golden.js';
import { validateReport } from './helpers/report-schema.js';
import { validateSarif } from './helpers/sarif.js';
import { createRepo, PACKAGE_ROOT } from './helpers/repo.js';

const VERSION = (JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** A fixed scenario with fixed dates, so its shas are stable too: a PR from feature/x into main-production. */
function scenario(t: TestContext) {
  const repo = createRepo(t);
  const dated = (n: number) => ({ GIT_AUTHOR_DATE: `2025-01-0${n}T10:00:00Z`, GIT_COMMITTER_DATE: `2025-01-0${n}T10:00:00Z` });
  repo.write('README.md', 'hello\n');
  repo.git(['add', '.']);
  repo.git(['commit', '-q', '--no-verify', '-m', 'chore: initial commit'], { env: dated(1) });
  repo.git(['branch', 'main-production']);
  repo.git(['checkout', '-q', '-b', 'feature/x']);
  repo.write('src/x.ts', 'export const x = 1;\n');
  repo.git(['add', '.']);
  repo.git(['commit', '-q', '--no-verify', '-m', 'Added x.'], { env: dated(2) });
  const env = githubPullRequestEnv(repo, { base: 'main-production', head: 'feature/x', title: 'X', body: '## Description\nAdds x.\n', number: 42 });
  return { repo, env };
}

describe('verify reports', () => {
  for (const [format, golden] of [['json', 'verify.json'], ['sarif', 'verify.sarif'], ['junit', 'verify.junit.xml']] as const) {
    it(`--format ${format} matches test/golden/${golden}`, async (t) => {
      const { repo, env } = scenario(t);
      const result = await repo.run(['verify', '--format', format], { env: { ...env, GITHUB_STEP_SUMMARY: '' } });
      assert.equal(result.code, 1, result.stderr);
      assertGolden(golden, normalise(result.stdout, { root: repo.dir, version: VERSION }));
      if (format === 'sarif') assert.deepEqual(validateSarif(result.stdout), []);
      if (format === 'json') assert.deepEqual(validateReport('verify', result.stdout), []);
    });
  }

  it('SARIF with file, line and column locations validates, one rule per check, fingerprints kept', async () => {
    const report: Report = {
      findings: [
        { check: 'commit-message', severity: 'error', message: 'type may not be empty', commit: 'a'.repeat(40), fix: 'reword it' },
        { check: 'secrets', severity: 'error', message: 'AWS key "AKIA…XY" in src/a b.ts', file: 'src/a b.ts', line: 3, column: 7, commit: 'b'.repeat(40), fingerprint: 'f'.repeat(16) },
        { check: 'large-files', severity: 'warning', message: 'big', file: 'assets/video.mp4' },
      ],
      skipped: [],
      reasons: { 'commit-message': 'why one', secrets: 'why two', 'large-files': 'why three' },
      checks: [
        { id: 'commit-message', why: 'why one' },
        { id: 'secrets', why: 'why two' },
        { id: 'large-files', why: 'why three' },
        { id: 'pr-title', why: 'why four' },
      ],
    };
    const text = formatSarif(report, { version: VERSION, fallbackFile: '.mcflowrc.json' });
    assert.deepEqual(validateSarif(text), []);
    const run = (JSON.parse(text) as { runs: { tool: { driver: { rules: { id: string }[] } }; results: Record<string, any>[] }[] }).runs[0]!;
    assert.deepEqual(run.tool.driver.rules.map((r) => r.id), ['commit-message', 'secrets', 'large-files', 'pr-title']);
    assert.deepEqual(run.results.map((r) => [r.ruleIndex, r.level, r.locations[0].physicalLocation.artifactLocation.uri, r.locations[0].physicalLocation.region]), [
      [0, 'error', '.mcflowrc.json', { startLine: 1 }],
      [1, 'error', 'src/a%20b.ts', { startLine: 3, startColumn: 7 }],
      [2, 'warning', 'assets/video.mp4', { startLine: 1 }],
    ]);
    assert.equal(run.results[1]!.partialFingerprints['mcflowFinding/v1'], 'f'.repeat(16));
    assert.match(run.results[0]!.partialFingerprints['mcflowFinding/v1'], /^[0-9a-f]{32}$/);
    assert.equal(formatSarif(report, { version: VERSION, fallbackFile: '.mcflowrc.json' }), text, 'stable output');
    assert.doesNotMatch(formatJunit(report), /<failure[^>]*large-files/);
  });

  it('github annotations escape what would end the command, and the summary escapes table cells', async () => {
    const report: Report = {
      findings: [{ check: 'secrets', severity: 'error', message: 'token in a,b: 100%\nsecond line', file: 'dir/a,b:c.ts', line: 2, fix: 'run x | y' }],
      skipped: [],
      reasons: { secrets: 'why' },
    };
    assert.equal(
      formatGithubAnnotations(report),
      '::error file=dir/a%2Cb%3Ac.ts,line=2,title=mcflow-hooks secrets::token in a,b: 100%25%0Asecond line%0A→ run x | y\n',
    );
    assert.match(formatStepSummary(report), /\| ❌ \| `secrets` \| `dir\/a,b:c.ts:2` \| token in a,b: 100%<br>second line \| `run x \\| y` \|/);
  });
});
