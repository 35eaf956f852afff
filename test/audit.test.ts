// `mcflow-hooks audit` over real repositories: a secret added then removed, a .env committed and
// deleted three commits later, stale and merged branches, a bad tag, a bad message and an
// unsigned commit on protected branches, each reported with the commit that did it; the JSON
// and Markdown reports against golden files; an empty and a single-commit repository.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { assertGolden } from './helpers/golden.js';
import { copyRepo, createRepo, fileContext, type TestRepo } from './helpers/repo.js';
import { validateReport } from './helpers/report-schema.js';
import { validateSarif } from './helpers/sarif.js';

// Built by concatenation so that this file holds no scannable key.
const STRIPE = 'sk_' + 'live_' + 'u8jzPde0IgxLd6GncfBA9fQ2';
const GITLAB = 'gl' + 'pat-' + 'AUsdMlHUvTCQCyEZDz-T';
const DAY = 24 * 60 * 60 * 1000;

/** Commits everything with both dates set `daysAgo` days back: how the tests age a branch. */
function commitAt(repo: TestRepo, message: string, daysAgo: number, extra: string[] = []): string {
  const date = new Date(Date.now() - daysAgo * DAY).toISOString();
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '--allow-empty', '--no-verify', ...extra, '-m', message], { env: { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } });
  return repo.git(['rev-parse', 'HEAD']).stdout.trim();
}

function mergeAt(repo: TestRepo, branch: string, message: string, daysAgo: number): string {
  const date = new Date(Date.now() - daysAgo * DAY).toISOString();
  repo.git(['merge', '-q', '--no-ff', '--no-verify', '-m', message, branch], { env: { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } });
  return repo.git(['rev-parse', 'HEAD']).stdout.trim();
}

interface Scenario {
  repo: TestRepo;
  direct: string;
  secretAdded: string;
  envAdded: string;
  envDeleted: string;
  keptSecret: string;
  stale: string;
  merged: string;
  badMessage: string;
  unsigned: string;
  signed: string;
}

let built: Scenario | undefined;

/**
 * The repository every assertion below reads: built once per file (twenty signed commits), and
 * copied for each test, which may then change its copy freely.
 */
function buildScenario(t: TestContext): Scenario {
  built ??= makeScenario(fileContext());
  return { ...built, repo: copyRepo(t, built.repo) };
}

function makeScenario(t: TestContext): Scenario {
  const repo = createRepo(t, { branch: 'main-production' });
  const home = repo.home;
  // SSH signing: one signed commit on develop shows that only the unsigned ones are reported.
  repo.git(['config', 'gpg.format', 'ssh']);
  spawnKey(repo, home);
  repo.write('.mcflowrc.json', JSON.stringify({ extends: 'gitflow', audit: { requireSignedCommits: true } }));
  repo.write('README.md', '# app\n');
  commitAt(repo, 'chore: start the project', 120, ['-S']);
  repo.git(['tag', 'v1.0.0']);
  repo.git(['switch', '-q', '-c', 'develop']);

  repo.write('src/pay.ts', `export const key = "${STRIPE}";\n`);
  const secretAdded = commitAt(repo, 'feat(pay): add the payment client', 110, ['-S']);
  repo.write('src/pay.ts', 'export const key = process.env.STRIPE_KEY;\n');
  commitAt(repo, 'fix(pay): read the key from the environment', 109, ['-S']);

  repo.write('.env', 'DEBUG=1\n');
  const envAdded = commitAt(repo, 'chore: add local settings', 100, ['-S']);
  repo.write('a.txt', 'a\n');
  commitAt(repo, 'docs: note a', 99, ['-S']);
  repo.write('b.txt', 'b\n');
  commitAt(repo, 'docs: note b', 98, ['-S']);
  fs.rmSync(path.join(repo.dir, '.env'));
  const envDeleted = commitAt(repo, 'chore: remove local settings', 97, ['-S']);

  repo.write('deploy/ci.yml', `token: ${GITLAB}\n`);
  const keptSecret = commitAt(repo, 'ci: add the deploy job', 90, ['-S']);

  repo.git(['switch', '-q', '-c', 'feature/old-idea']);
  repo.write('idea.txt', 'maybe\n');
  const stale = commitAt(repo, 'feat: try an idea', 80, ['-S']);
  repo.git(['switch', '-q', 'develop']);

  repo.git(['switch', '-q', '-c', 'feature/done-work']);
  repo.write('done.txt', 'done\n');
  const merged = commitAt(repo, 'feat: finish the work', 5, ['-S']);
  repo.git(['switch', '-q', 'develop']);
  mergeAt(repo, 'feature/done-work', "Merge branch 'feature/done-work' into develop", 4);

  repo.write('notes.txt', 'notes\n');
  const badMessage = commitAt(repo, 'Update stuff', 3, ['-S']);
  repo.write('later.txt', 'later\n');
  const unsigned = commitAt(repo, 'feat: add later', 2);
  const signed = commitAt(repo, 'feat: add signed', 1, ['-S']);
  repo.git(['tag', 'release-1']);

  repo.git(['switch', '-q', 'main-production']);
  repo.write('hotfix.txt', 'patched\n');
  const direct = commitAt(repo, 'fix: patch production directly', 0.5, ['-S']);
  return { repo, direct, secretAdded, envAdded, envDeleted, keptSecret, stale, merged, badMessage, unsigned, signed };
}

function spawnKey(repo: TestRepo, home: string): void {
  const key = path.join(home, 'signing-key');
  const result = spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', key]);
  assert.equal(result.status, 0, `ssh-keygen is needed to sign test commits: ${result.stderr}`);
  fs.writeFileSync(path.join(home, 'allowed-signers'), `author@example.com ${fs.readFileSync(`${key}.pub`, 'utf8')}`);
  repo.git(['config', 'user.signingkey', `${key}.pub`]);
  repo.git(['config', 'gpg.ssh.allowedSignersFile', path.join(home, 'allowed-signers')]);
}


interface JsonFinding {
  check: string;
  severity: string;
  message: string;
  commit?: string;
  file?: string;
  ref?: string;
  date?: string;
  presence?: { status: string; branches: string[] };
}
interface JsonReport {
  verdict: string;
  summary: { errors: number; warnings: number; sections: Record<string, { errors: number; warnings: number }> };
  sections: { id: string; findings: JsonFinding[] }[];
  branches: { name: string; base?: string; ahead?: number; behind?: number; mergedInto?: string }[];
  scope: { commits: number; protectedBranches: string[] };
}

const sectionOf = (report: JsonReport, id: string) => report.sections.find((section) => section.id === id)!.findings;

describe('mcflow-hooks audit', () => {
  it('reports every kind of finding with the commit that made it, and exits 1', async (t) => {
    const s = buildScenario(t);
    const result = await s.repo.run(['audit', '--format', 'json']);
    assert.equal(result.code, 1, result.output);
    assert.doesNotMatch(result.output, new RegExp(`${STRIPE}|${GITLAB}`), 'no whole secret in the output');
    assert.deepEqual(validateReport('audit', result.stdout), []);
    const report = JSON.parse(result.stdout) as JsonReport;

    const history = sectionOf(report, 'history');
    const removedSecret = history.find((f) => f.check === 'secrets' && f.file === 'src/pay.ts');
    assert.equal(removedSecret?.commit, s.secretAdded);
    assert.equal(removedSecret?.presence?.status, 'removed');
    // Added on develop (and so in the history of the feature branches cut from it), never on main-production.
    assert.match(removedSecret!.message, /; was on develop, feature\/done-work, feature\/old-idea, removed from all of them — rotate it anyway, history keeps it/);
    assert.match(removedSecret!.date!, /^\d{4}-\d{2}-\d{2}T/);
    const kept = history.find((f) => f.check === 'secrets' && f.file === 'deploy/ci.yml');
    assert.equal(kept?.commit, s.keptSecret);
    assert.deepEqual(kept?.presence, { status: 'present', branches: ['develop', 'feature/done-work', 'feature/old-idea'], was: ['develop', 'feature/done-work', 'feature/old-idea'] });
    const env = history.filter((f) => f.check === 'sensitive-files');
    assert.deepEqual(env.map((f) => [f.file, f.commit, f.presence?.status]), [['.env', s.envAdded, 'removed']]);
    assert.ok(!history.some((f) => f.commit === s.envDeleted));

    const direct = sectionOf(report, 'direct-commits');
    const onProduction = direct.filter((f) => f.ref === 'refs/heads/main-production');
    assert.deepEqual(onProduction.map((f) => f.commit), [s.direct], 'the direct commit on main-production, and not the root commit');
    assert.match(onProduction[0]!.message, /Commit "fix: patch production directly" reached main-production without a pull request/);
    const onDevelop = direct.filter((f) => f.ref === 'refs/heads/develop').map((f) => f.commit);
    assert.ok(onDevelop.includes(s.badMessage) && onDevelop.includes(s.secretAdded), 'commits made on develop itself');
    const mergeCommit = s.repo.git(['rev-parse', 'develop~3']).stdout.trim();
    assert.ok(!onDevelop.includes(mergeCommit) && !onDevelop.includes(s.merged), 'a merge and the work it merged came through a pull request');

    const branches = sectionOf(report, 'branches');
    const stale = branches.find((f) => f.ref === 'refs/heads/feature/old-idea');
    assert.equal(stale?.commit, s.stale);
    assert.match(stale!.message, /has had no commit for 80 days/);
    const merged = branches.find((f) => f.ref === 'refs/heads/feature/done-work');
    assert.equal(merged?.commit, s.merged);
    assert.match(merged!.message, /merged into develop but was not deleted/);
    const oldIdea = report.branches.find((b) => b.name === 'feature/old-idea');
    assert.deepEqual([oldIdea?.base, oldIdea?.ahead, oldIdea?.behind], ['develop', 1, 5]);

    const tags = sectionOf(report, 'tags');
    assert.deepEqual(tags.map((f) => [f.ref, f.commit, f.severity]), [['refs/tags/release-1', s.signed, 'error']]);

    const commits = sectionOf(report, 'commits');
    assert.ok(commits.length > 0 && commits.every((f) => f.commit === s.badMessage && f.ref === 'refs/heads/develop'), JSON.stringify(commits));

    const signatures = sectionOf(report, 'signatures');
    // The merge commit was made unsigned too: it is on develop like any other.
    assert.deepEqual(
      signatures.filter((f) => f.severity === 'error').map((f) => f.commit).sort(),
      [s.unsigned, s.repo.git(['rev-parse', 'develop~3']).stdout.trim()].sort(),
    );
    assert.match(signatures.find((f) => f.commit === s.unsigned)!.message, /Commit "feat: add later" on develop has no signature/);

    assert.match(
      report.verdict,
      /^✖ Audit failed: \d+ errors in Sensitive content in history, Direct commits on protected branches, Tags, Commit messages on protected branches, Signed commits, and 2 warnings$/,
    );
  });

  it('prints the summary first in text, and writes Markdown to --output', async (t) => {
    const s = buildScenario(t);
    const text = await s.repo.run(['audit']);
    assert.equal(text.code, 1, text.output);
    const lines = text.stdout.split('\n');
    assert.match(lines[0]!, /^✖ Audit failed/);
    assert.match(text.stdout, /Sensitive content in history +\d+ errors?/);
    assert.match(text.stdout, /── Branches ──\n +branch +base +ahead +behind/);
    assert.equal(text.stderr, '', 'no progress line on a non-TTY');

    const out = await s.repo.run(['audit', '--format', 'markdown', '--output', 'audit.md']);
    assert.equal(out.code, 1);
    assert.equal(out.stdout, '');
    assert.match(out.stderr, /Audit report written to audit\.md/);
    assert.match(s.repo.read('audit.md'), /^# mcflow-hooks audit\n\n\*\*✖ Audit failed/);
  });

  it('matches the JSON and Markdown golden files', async (t) => {
    const s = buildScenario(t);
    const json = await s.repo.run(['audit', '--format', 'json']);
    assertGolden('audit.json', normalise(json.stdout));
    const markdown = await s.repo.run(['audit', '--format', 'markdown']);
    assertGolden('audit.md', normalise(markdown.stdout));
  });

  it('limits history with --since and refs with --refs', async (t) => {
    const s = buildScenario(t);
    const since = JSON.parse((await s.repo.run(['audit', '--format', 'json', '--since', s.envDeleted])).stdout) as JsonReport;
    const history = sectionOf(since, 'history');
    assert.deepEqual(history.map((f) => f.commit), [s.keptSecret], 'only what came after --since');
    const byDate = JSON.parse((await s.repo.run(['audit', '--format', 'json', '--since', '30 days ago'])).stdout) as JsonReport;
    assert.deepEqual(sectionOf(byDate, 'history'), []);
    const onlyMain = JSON.parse((await s.repo.run(['audit', '--format', 'json', '--refs', 'main-production'])).stdout) as JsonReport;
    assert.equal(onlyMain.scope.commits, 2);
    assert.deepEqual(onlyMain.scope.protectedBranches, ['main-production']);
    const none = await s.repo.run(['audit', '--refs', 'nothing/*']);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /--refs nothing\/\* matches no branch or tag here/);
    const bad = await s.repo.run(['audit', '--since', 'not-a-thing']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--since "not-a-thing" is neither a commit, branch or tag here, nor a date\n  → give a date/);
  });

  it('passes on an empty repository and on a single clean commit', async (t) => {
    const empty = createRepo(t, { branch: 'main' });
    const none = await empty.run(['audit']);
    assert.equal(none.code, 0, none.output);
    assert.match(none.stdout, /^✔ Audit passed: nothing to report\n0 refs, 0 commits scanned; protected: none found/);

    const single = createRepo(t, { branch: 'main' });
    single.write('README.md', '# one\n');
    commitAt(single, 'chore: start', 1);
    const one = await single.run(['audit', '--format', 'json']);
    assert.equal(one.code, 0, one.output);
    const report = JSON.parse(one.stdout) as JsonReport;
    assert.equal(report.scope.commits, 1);
    assert.deepEqual(report.scope.protectedBranches, ['main']);
    assert.equal(report.summary.errors + report.summary.warnings, 0);
  });

  it('writes SARIF through verify\'s reporter, every finding located', async (t) => {
    const s = buildScenario(t);
    const result = await s.repo.run(['audit', '--format', 'sarif']);
    assert.equal(result.code, 1, result.stderr);
    const log = JSON.parse(result.stdout) as { runs: { automationDetails: { id: string }; results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    assert.deepEqual(validateSarif(result.stdout), []);
    assert.equal(log.runs[0]!.automationDetails.id, 'mcflow-hooks/audit/');
    const results = log.runs[0]!.results;
    assert.ok(results.some((r) => r.ruleId === 'secrets' && r.locations[0]!.physicalLocation.artifactLocation.uri === 'src/pay.ts'));
    assert.ok(results.some((r) => r.ruleId === 'direct-commits' && r.locations[0]!.physicalLocation.artifactLocation.uri === '.mcflowrc.json'));
  });

  it('reads odd file names from history: spaces, a newline, unicode', async (t) => {
    const repo = createRepo(t, { branch: 'main' });
    repo.write('my dir/.env', 'A=1\n');
    repo.write('new\nline.ts', `export const k = "${STRIPE}";\n`);
    repo.write('café/key.pem', '-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n');
    const sha = commitAt(repo, 'chore: add odd files', 2);
    const report = JSON.parse((await repo.run(['audit', '--format', 'json'])).stdout) as JsonReport;
    const history = sectionOf(report, 'history').map((f) => [f.check, f.file, f.commit, f.presence?.status]);
    assert.deepEqual(history.sort(), [
      ['secrets', 'new\nline.ts', sha, 'present'],
      ['sensitive-files', 'café/key.pem', sha, 'present'],
      ['sensitive-files', 'my dir/.env', sha, 'present'],
    ]);
  });

  it('refuses a shallow clone, which would hide history', async (t) => {
    const s = buildScenario(t);
    const clone = path.join(s.repo.home, 'shallow');
    s.repo.git(['clone', '-q', '--depth=1', '--no-local', `file://${s.repo.dir}`, clone]);
    const result = await s.repo.run(['audit'], { cwd: clone });
    assert.equal(result.code, 2, result.output);
    assert.match(result.stderr, /shallow clone.*\n  → fetch the whole history first: git fetch --unshallow/);
  });

  it('finds a release tag on a production branch that is not listed as protected, or matched by a glob', async (t) => {
    const repo = createRepo(t, { branch: 'master' });
    repo.write('README.md', '# app\n');
    commitAt(repo, 'chore: start the project', 3);
    repo.git(['tag', 'v1.0.0']);
    repo.git(['switch', '-q', '-c', 'feat/try']);
    commitAt(repo, 'feat: try something', 2);
    repo.git(['tag', 'v1.1.0']);
    repo.git(['switch', '-q', 'master']);
    // github-flow protects "main"; the production branch here is "master", and not protected.
    for (const production of [['master'], ['mas*']]) {
      repo.write('.mcflowrc.json', JSON.stringify({ extends: 'github-flow', branches: { production } }));
      const report = JSON.parse((await repo.run(['audit', '--format', 'json'])).stdout) as JsonReport;
      const tags = sectionOf(report, 'tags');
      assert.deepEqual(tags.map((f) => [f.ref, f.severity]), [['refs/tags/v1.1.0', 'error']], JSON.stringify(tags));
      assert.match(tags[0]!.message, /Release tag "v1.1.0" points at a commit that no production branch \(ma[s*]+(ter)?\) contains/);
      assert.doesNotMatch(JSON.stringify(tags), /Could not check/);
    }
  });

  it('refuses an unknown format with exit 2', async (t) => {
    const repo = createRepo(t);
    const result = await repo.run(['audit', '--format', 'xml']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /xml/);
  });
});

/** Shas become <sha-N> in order of appearance, dates and day counts become placeholders. */
function normalise(text: string): string {
  const names = new Map<string, string>();
  return text
    .replace(/\b[0-9a-f]{40}\b/g, (sha) => {
      if (!names.has(sha)) names.set(sha, `<sha-${names.size + 1}>`);
      return names.get(sha)!;
    })
    .replace(/\b[0-9a-f]{12}\b/g, (short) => {
      const full = [...names].find(([sha]) => sha.startsWith(short));
      if (full) return full[1];
      names.set(short, `<sha-${names.size + 1}>`);
      return names.get(short)!;
    })
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})/g, '<date-time>')
    .replace(/\d{4}-\d{2}-\d{2}/g, '<date>');
}
