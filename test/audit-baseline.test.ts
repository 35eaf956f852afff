// Adoption day: `audit --write-baseline` records what a repository with history already has;
// `audit --baseline` and `verify --baseline` then report only what is new. And a secret that was
// only ever on a feature branch is said to be there, not "removed from" branches it never saw.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { createRepo, repoFromTemplate, type TestRepo } from './helpers/repo.js';
import { validateReport } from './helpers/report-schema.js';

// Built at run time, so no fake secret sits in the source (see .mcflowrc.json).
const STRIPE = 'sk_' + 'live_' + 'u8jzPde0IgxLd6GncfBA9fQ2';
const STRIPE_2 = 'sk_' + 'live_' + 'Zq81mPd4kLx0aVb7NcT2eR5w';

interface Report {
  summary: { errors: number };
  verdict: string;
  sections: { id: string; findings: { check: string; commit?: string; file?: string; message: string; presence?: { status: string; branches: string[]; was?: string[] } }[] }[];
}

/** main-production ← develop with a pre-adoption history: direct commits, a bad message, a secret. */
function adoptedRepo(t: TestContext): TestRepo {
  // built once per file, copied for each test
  return repoFromTemplate(t, 'adopted', (fileScope) => {
    const repo = createRepo(fileScope, { branch: 'main-production' });
    repo.write('README.md', '# app\n');
    repo.git(['add', '-A']);
    repo.commitQuietly('chore: start');
    repo.git(['switch', '-q', '-c', 'develop']);
    repo.write('src/pay.ts', `export const key = "${STRIPE}";\n`);
    repo.git(['add', '-A']);
    repo.commitQuietly('Add payments');
    repo.write('notes.txt', 'x\n');
    repo.git(['add', '-A']);
    repo.commitQuietly('wip');
    return repo;
  });
}

const findings = (report: Report) => report.sections.flatMap((section) => section.findings);

describe('audit baseline', () => {
  it('round trip: write, add a new violation, only the new one is reported; the file holds no secret', async (t) => {
    const repo = adoptedRepo(t);
    const before = JSON.parse((await repo.run(['audit', '--format', 'json'])).stdout) as Report;
    assert.ok(findings(before).length >= 4, 'the old history has findings');

    const written = await repo.run(['audit', '--write-baseline', 'audit-baseline.json']);
    assert.equal(written.code, 0, written.output);
    assert.match(written.stderr, new RegExp(`Wrote ${new Set(findings(before).map((f) => JSON.stringify(f))).size} known findings to audit-baseline\\.json`));
    const file = repo.read('audit-baseline.json');
    assert.doesNotMatch(file, /sk_live|u8jz|9fQ2/, 'no secret, not even its masked excerpt');
    assert.equal((JSON.parse(file) as { version: number }).version, 1);

    const quiet = await repo.run(['audit', '--baseline', 'audit-baseline.json', '--format', 'json']);
    assert.equal(quiet.code, 0, quiet.output);
    assert.deepEqual(validateReport('audit', quiet.stdout), [], 'a baselined report keeps the shape');
    const clean = JSON.parse(quiet.stdout) as Report;
    assert.deepEqual(findings(clean), []);
    assert.match(clean.verdict, /known findings in the baseline audit-baseline\.json not shown/);

    // Time passes (staleness numbers change), and someone adds a new secret and a bad message.
    repo.write('src/other.ts', `export const key = "${STRIPE_2}";\n`);
    repo.git(['add', 'src/other.ts']);
    const fresh = repo.commitQuietly('Add another key');
    const after = await repo.run(['audit', '--baseline', 'audit-baseline.json', '--format', 'json']);
    assert.equal(after.code, 1, after.output);
    const report = JSON.parse(after.stdout) as Report;
    const commits = new Set(findings(report).map((f) => f.commit));
    assert.deepEqual([...commits], [fresh], 'only findings about the new commit');
    assert.ok(findings(report).some((f) => f.check === 'secrets' && f.file === 'src/other.ts'));
    assert.ok(findings(report).some((f) => f.check === 'commit-message'));

    // verify reads the same baseline: the old commits of this push are known, the new one is not.
    const verify = await repo.run(['verify', '--base', 'main-production', '--head', 'develop', '--format', 'json', '--baseline', 'audit-baseline.json']);
    const verified = JSON.parse(verify.stdout) as { findings: { commit?: string }[] };
    assert.equal(verify.code, 1, verify.output);
    assert.ok(verified.findings.length > 0);
    assert.ok(verified.findings.every((f) => f.commit === undefined || f.commit === fresh), verify.stdout);
    assert.match(verify.stderr, /known findings? in the baseline audit-baseline\.json not shown/);
  });

  it('a missing or foreign baseline file is exit 2 with the fix', async (t) => {
    const repo = adoptedRepo(t);
    const missing = await repo.run(['audit', '--baseline', 'nope.json']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /Cannot read the baseline nope\.json: no such file/);
    assert.match(missing.stderr, /→ write one first: npx mcflow-hooks audit --write-baseline <file>/);
    repo.write('foreign.json', '{"results": {}}');
    const foreign = await repo.run(['verify', '--staged', '--baseline', 'foreign.json']);
    assert.equal(foreign.code, 2);
    assert.match(foreign.stderr, /is not a mcflow-hooks baseline/);
  });
});

describe('audit: where sensitive content was and still is', () => {
  it('a secret only ever on a feature branch is named there, not "removed from" protected branches', async (t) => {
    const repo = createRepo(t, { branch: 'main-production' });
    repo.write('README.md', '# app\n');
    repo.git(['add', '-A']);
    repo.commitQuietly('chore: start');
    repo.git(['branch', 'develop']);
    repo.git(['switch', '-q', '-c', 'feature/pay']);
    repo.write('src/pay.ts', `export const key = "${STRIPE}";\n`);
    repo.git(['add', '-A']);
    repo.commitQuietly('feat: add payments');
    const report = JSON.parse((await repo.run(['audit', '--format', 'json'])).stdout) as Report;
    const secret = findings(report).find((f) => f.check === 'secrets')!;
    assert.match(secret.message, /; still present on feature\/pay$/);
    assert.doesNotMatch(secret.message, /main-production|develop/);

    repo.write('src/pay.ts', 'export const key = process.env.KEY;\n');
    repo.git(['add', '-A']);
    repo.commitQuietly('fix: read the key from the environment');
    const later = JSON.parse((await repo.run(['audit', '--format', 'json'])).stdout) as Report;
    const removed = findings(later).find((f) => f.check === 'secrets')!;
    assert.match(removed.message, /; was on feature\/pay, removed from it — rotate it anyway/);
    assert.deepEqual(removed.presence, { status: 'removed', branches: [], was: ['feature/pay'] });

    repo.git(['tag', 'old-pay', 'HEAD']);
    repo.git(['switch', '-q', 'main-production']);
    repo.git(['branch', '-D', 'feature/pay']);
    const gone = JSON.parse((await repo.run(['audit', '--format', 'json'])).stdout) as Report;
    assert.match(findings(gone).find((f) => f.check === 'secrets')!.message, /; on no live branch now/);
    fs.rmSync(path.join(repo.dir, 'src'), { recursive: true, force: true });
  });

  it('lists the branches that hold it protected first, then by name, the same in every run', async (t) => {
    const repo = createRepo(t, { branch: 'main-production' });
    repo.write('README.md', '# app\n');
    repo.git(['add', '-A']);
    repo.commitQuietly('chore: start');
    repo.write('src/pay.ts', `export const key = "${STRIPE}";\n`);
    repo.git(['add', '-A']);
    repo.commitQuietly('feat: add payments');
    // Names whose order by code unit differs from a locale's (upper case first), and from creation order.
    for (const branch of ['feature/zeta', 'feature/Beta', 'develop', 'feature/alpha', 'Feature/Gamma']) repo.git(['branch', branch]);
    const expected = ['main-production', 'develop', 'Feature/Gamma', 'feature/Beta', 'feature/alpha', 'feature/zeta'];
    for (let run = 0; run < 3; run++) {
      const report = JSON.parse((await repo.run(['audit', '--format', 'json'])).stdout) as Report;
      const secret = findings(report).find((f) => f.check === 'secrets')!;
      assert.deepEqual(secret.presence?.branches, expected);
      assert.match(secret.message, new RegExp(`; still present on ${expected.join(', ')}$`));
    }
  });
});
