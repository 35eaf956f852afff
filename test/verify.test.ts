// `mcflow-hooks verify` end to end: real repositories, simulated GitHub Actions and GitLab CI
// environments (event payloads written by the test), in-process through main().
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { createRepo, makeTempDir, repoFromTemplate, TestRepo } from './helpers/repo.js';
import { githubPullRequestEnv, githubPushEnv, gitlabMergeRequestEnv, gitlabPushEnv, readStepSummary, ZERO_SHA } from './helpers/ci.js';

/** main ← develop ← feature/login with one good and one bad commit. */
/** Built once per file for each feature branch name, and copied for each test. */
function prRepo(t: TestContext, feature = 'feature/login') {
  const repo = repoFromTemplate(t, feature, (fileScope) => {
    const template = createRepo(fileScope);
    template.write('README.md', 'hello\n');
    template.git(['add', '.']);
    template.commitQuietly('chore: initial commit');
    template.git(['branch', 'develop']);
    template.git(['branch', 'main-production']);
    template.git(['checkout', '-q', '-b', feature, 'develop']);
    template.write('src/login.ts', 'export const login = () => true;\n');
    template.git(['add', '.']);
    const good = template.commitQuietly('feat: add login form');
    template.write('src/login.ts', 'export const login = () => true;\nexport const logout = () => false;\n');
    template.git(['add', '.']);
    const bad = template.commitQuietly('Added logout.');
    return Object.assign(template, { good, bad });
  });
  return { repo, good: repo.good, bad: repo.bad, feature };
}

const json = (stdout: string) => JSON.parse(stdout) as { findings: { check: string; message: string; commit?: string; file?: string; line?: number; severity?: string; rules?: string[] }[] };

describe('verify on a GitHub pull request', () => {
  it('lints every commit of the PR, annotates, writes the job summary and exits 1', async (t) => {
    const { repo, bad } = prRepo(t);
    const env = githubPullRequestEnv(repo, { base: 'develop', head: 'feature/login' });
    const result = await repo.run(['verify'], { env });
    assert.equal(result.code, 1, result.output);
    assert.match(result.stdout, /^mcflow-hooks verify: 2 commits/);
    assert.match(result.stdout, /✖ type may not be empty: the header needs the form "<type>\(<scope>\): <subject>" \(type-empty\); for example: "feat: added logout" \[commit-message\]/);
    assert.match(result.stdout, new RegExp(`commit ${bad.slice(0, 12)}`));
    assert.match(result.stdout, new RegExp(`→ reword it: git rebase --interactive ${bad.slice(0, 12)}~1`));
    assert.match(result.stdout, /^::error title=mcflow-hooks commit-message::type may not be empty/m);
    const summary = readStepSummary(env);
    assert.match(summary, /### mcflow-hooks verify/);
    assert.match(summary, /\| ❌ \| `commit-message` \|/);
    assert.doesNotMatch(result.output, /pr-title|pr-body|merge-direction/);
  });

  it('lints the PR title and the description from the event payload', async (t) => {
    const { repo } = prRepo(t);
    repo.git(['checkout', '-q', 'develop']);
    repo.git(['checkout', '-q', '-b', 'feature/ok']);
    repo.commitQuietly('feat: add ok');
    const env = githubPullRequestEnv(repo, { base: 'develop', head: 'feature/ok', title: 'Login form', body: '## Description\nx\n\n## Security\n- [ ] No sensitive data exposed\n', number: 12 });
    const result = await repo.run(['verify', '--format', 'json'], { env });
    assert.equal(result.code, 1, result.output);
    const findings = json(result.stdout).findings;
    assert.deepEqual([...new Set(findings.map((f) => f.check))], ['pr-title', 'pr-body']);
    assert.match(findings[0]!.message, /^Pull request title: .*for example: "feat: login form"/);
    assert.deepEqual(
      findings.filter((f) => f.check === 'pr-body').map((f) => f.message),
      [
        'The pull request description has no "Type of change" section',
        'The pull request description has no "Testing" section',
        'The pull request description has no "Deployment" section',
        'The required checkbox "No sensitive data exposed" is not ticked in the pull request description',
      ],
    );
  });

  it('refuses feature/* into main-production and names the route', async (t) => {
    const { repo } = prRepo(t, 'feature/x');
    repo.git(['commit', '--amend', '-q', '--no-verify', '-m', 'feat: add logout']);
    const env = githubPullRequestEnv(repo, { base: 'main-production', head: 'feature/x', number: 31 });
    const result = await repo.run(['verify'], { env });
    assert.equal(result.code, 1, result.output);
    assert.match(result.stdout, /✖ feature\/x may not merge into main-production; feature\/x merges into develop \[merge-direction\]/);
    assert.match(result.stdout, /→ retarget the pull request: gh pr edit 31 --base develop/);
  });

  it('accepts a clean pull request with exit 0', async (t) => {
    const { repo } = prRepo(t);
    repo.git(['commit', '--amend', '-q', '--no-verify', '-m', 'feat: add logout']);
    const env = githubPullRequestEnv(repo, { base: 'develop', head: 'feature/login' });
    const result = await repo.run(['verify'], { env });
    assert.equal(result.code, 0, result.output);
    assert.match(result.stdout, /✔ 11 checks passed: commit-message, branch-name, tag-name, secrets, sensitive-files, large-files, merge-direction, pr-title, pr-body, direct-commits, policy-change/);
    assert.match(readStepSummary(env), /✅ 11 checks passed/);
  });
});

describe('verify runs the hooks\' branch and tag checks', () => {
  it('reports a badly named head branch of a pull request', async (t) => {
    const { repo } = prRepo(t, 'Login-Form');
    repo.git(['commit', '--amend', '-q', '--no-verify', '-m', 'feat: add logout']);
    const env = githubPullRequestEnv(repo, { base: 'develop', head: 'Login-Form' });
    const result = await repo.run(['verify', '--format', 'json'], { env });
    assert.equal(result.code, 1, result.output);
    const findings = json(result.stdout).findings.filter((f) => f.check === 'branch-name');
    assert.equal(findings.length, 1, result.stdout);
    assert.match(findings[0]!.message, /^Branch "Login-Form" does not follow the naming rules/);
  });

  it('reports a pushed tag that is not a version, and a release tag off production', async (t) => {
    // Both main and main-production are production branches in the preset: the tagged commit is on neither.
    const repo = createRepo(t, { branch: 'main-production' });
    repo.commitQuietly('chore: initial commit');
    repo.git(['checkout', '-q', '-b', 'feature/next']);
    repo.commitQuietly('feat: not released');
    const head = repo.git(['rev-parse', 'HEAD']).stdout.trim();
    const bad = await repo.run(['verify', '--format', 'json'], { env: githubPushEnv(repo, { ref: 'refs/tags/release-1', before: ZERO_SHA, after: head }) });
    assert.equal(bad.code, 1, bad.output);
    assert.deepEqual(json(bad.stdout).findings.map((f) => [f.check, f.message.split(' (')[0]]), [
      ['tag-name', 'Tag "release-1" is not a version tag vMAJOR.MINOR.PATCH[-prerelease][+build]'],
    ]);
    const offProduction = await repo.run(['verify', '--format', 'json'], { env: githubPushEnv(repo, { ref: 'refs/tags/v1.0.0', before: ZERO_SHA, after: head }) });
    assert.equal(offProduction.code, 1, offProduction.output);
    assert.match(json(offProduction.stdout).findings[0]!.message, /Release tag "v1.0.0" points at a commit that no production branch/);
    repo.git(['checkout', '-q', 'main-production']);
    repo.git(['merge', '-q', '--ff-only', 'feature/next']);
    const released = await repo.run(['verify'], { env: githubPushEnv(repo, { ref: 'refs/tags/v1.0.0', before: ZERO_SHA, after: head }) });
    assert.equal(released.code, 0, released.output);
  });
});

describe('verify on a push', () => {
  it('reports commits that reached a protected branch without a pull request', async (t) => {
    const repo = createRepo(t);
    const before = repo.commitQuietly('chore: initial commit');
    const squashed = repo.commitQuietly('feat: add login (#12)');
    const direct = repo.commitQuietly('fix: hot edit on main');
    const env = githubPushEnv(repo, { ref: 'refs/heads/main', before, after: direct });
    const result = await repo.run(['verify', '--format', 'json'], { env });
    assert.equal(result.code, 1, result.output);
    const findings = json(result.stdout).findings;
    assert.deepEqual(findings.map((f) => [f.check, f.commit]), [['direct-commits', direct]]);
    assert.equal(findings[0]!.message, 'Commit "fix: hot edit on main" reached main without a pull request');
    assert.ok(!findings.some((f) => f.commit === squashed));
  });

  it('checks only the commits a new branch brings', async (t) => {
    const repo = createRepo(t, { origin: true });
    repo.commitQuietly('old bad message on main');
    repo.git(['push', '-q', 'origin', 'main']);
    repo.git(['checkout', '-q', '-b', 'feature/new']);
    const head = repo.commitQuietly('Bad new message');
    const env = githubPushEnv(repo, { ref: 'refs/heads/feature/new', before: ZERO_SHA, after: head });
    const result = await repo.run(['verify', '--format', 'json'], { env });
    assert.equal(result.code, 1, result.output);
    const commits = new Set(json(result.stdout).findings.map((f) => f.commit));
    assert.deepEqual([...commits], [head]);
  });

  it('checks the whole history of the very first push (no base anywhere)', async (t) => {
    const repo = createRepo(t, { branch: 'feature/first' });
    const first = repo.commitQuietly('feat: first');
    const env = githubPushEnv(repo, { ref: 'refs/heads/feature/first', before: ZERO_SHA, after: first });
    const result = await repo.run(['verify'], { env: { ...env, GITHUB_STEP_SUMMARY: '' } });
    assert.equal(result.code, 0, result.output);
    assert.match(result.stdout, /verify: 1 commit /);
  });

  it('works on GitLab pushes and merge requests', async (t) => {
    const { repo, bad } = prRepo(t);
    const develop = repo.git(['rev-parse', 'develop']).stdout.trim();
    const push = await repo.run(['verify', '--format', 'json'], { env: gitlabPushEnv('feature/login', develop, bad) });
    assert.equal(push.code, 1, push.output);
    assert.ok(json(push.stdout).findings.every((f) => f.check === 'commit-message' && f.commit === bad));
    const mr = await repo.run(['verify', '--format', 'json'], { env: gitlabMergeRequestEnv(repo, { base: 'develop', head: 'feature/login', title: 'wip' }) });
    assert.equal(mr.code, 1, mr.output);
    assert.deepEqual([...new Set(json(mr.stdout).findings.map((f) => f.check))], ['commit-message', 'pr-title']);
  });
});

describe('verify with --base/--head', () => {
  it('an empty range passes and says so', async (t) => {
    const { repo } = prRepo(t);
    const result = await repo.run(['verify', '--base', 'HEAD']);
    assert.equal(result.code, 0, result.output);
    assert.match(result.stdout, /No commits to check in this range\./);
  });

  it('a missing base is exit 2 with the fetch command', async (t) => {
    const { repo } = prRepo(t);
    const result = await repo.run(['verify', '--base', 'origin/nope']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /The base of the range \(origin\/nope\) is not in this repository/);
    assert.match(result.stderr, /→ fetch it first: git fetch origin origin\/nope/);
  });

  it('ignores MCFLOW_SKIP and says so', async (t) => {
    const { repo } = prRepo(t);
    const result = await repo.run(['verify', '--base', 'develop'], { env: { MCFLOW_SKIP: 'commit-message' } });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /MCFLOW_SKIP=commit-message is set but ignored: verify enforces every check in CI/);
    assert.match(result.stdout, /\[commit-message\]/);
  });

  it('without a range outside CI is exit 2 with the flag to use', async (t) => {
    const { repo } = prRepo(t);
    const result = await repo.run(['verify']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /no --base was given/);
  });

  it('an unreadable event payload is exit 2, not a silent pass', async (t) => {
    const { repo } = prRepo(t);
    const broken = repo.write('event.json', '{ not json');
    const result = await repo.run(['verify'], { env: { GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: broken } });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /Cannot read the GitHub event payload/);
  });

  it('--output writes the chosen format and the exit code still reflects the findings', async (t) => {
    const { repo } = prRepo(t);
    const result = await repo.run(['verify', '--base', 'develop', '--format', 'junit', '--output', 'report.xml']);
    assert.equal(result.code, 1);
    assert.match(repo.read('report.xml'), /<testsuite name="commit-message" tests="\d+" failures="\d+"/);
    assert.match(result.stdout, /\[commit-message\]/, 'the log still gets the readable report');
  });

  it('--staged checks the index as pre-commit would, and never changes it', async (t) => {
    const { repo } = prRepo(t);
    repo.write('staged.txt', 'staged\n');
    repo.git(['add', 'staged.txt']);
    const before = repo.git(['diff', '--cached', '--name-status']).stdout;
    const result = await repo.run(['verify', '--staged', '--format', 'json'], { env: { MCFLOW_SKIP: 'commit-message' } });
    assert.equal(result.code, 0, result.output);
    assert.equal(JSON.parse(result.stdout).summary.errors, 0);
    assert.match(result.stderr, /MCFLOW_SKIP=commit-message is set but ignored/);
    assert.equal(repo.git(['diff', '--cached', '--name-status']).stdout, before);
    assert.equal((await repo.run(['verify', '--staged', '--base', 'develop'])).code, 2);
  });

  it('--report-unused-allow warns about secrets.allow entries that match nothing', async (t) => {
    const { repo } = prRepo(t);
    repo.write('.mcflowrc.json', JSON.stringify({ secrets: { allow: [{ fingerprint: 'fp2-0123456789abcdef', reason: 'old demo key' }] } }));
    repo.git(['add', '.mcflowrc.json']);
    repo.commitQuietly('chore: add config');
    const result = await repo.run(['verify', '--base', 'develop', '--report-unused-allow', '--format', 'json']);
    const unused = json(result.stdout).findings.filter((f) => f.check === 'secrets');
    assert.deepEqual(unused.map((f) => f.message), ['secrets.allow entry fp2-0123456789abcdef ("old demo key") matches no secret in what verify checked']);
    assert.equal((await repo.run(['verify', '--base', 'develop', '--format', 'json'])).stdout.includes('fp2-0123456789abcdef'), false, 'only on request');
  });

  it('rejects an unknown format', async (t) => {
    const { repo } = prRepo(t);
    const result = await repo.run(['verify', '--base', 'develop', '--format', 'xml']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /Unknown format "xml". Formats: text, json, github, sarif, junit/);
  });
});

describe('verify in a shallow clone', () => {
  function shallowClone(t: TestContext, args: string[]) {
    const { repo } = prRepo(t);
    repo.git(['commit', '--amend', '-q', '--no-verify', '-m', 'feat: add logout']);
    const dir = path.join(makeTempDir(t), 'clone');
    repo.git(['clone', '-q', ...args, `file://${repo.dir}`, dir]);
    return { origin: repo, clone: new TestRepo(dir, repo.env) };
  }

  it('fails with exit 2 and the fetch-depth fix when the base is missing', async (t) => {
    const { origin, clone } = shallowClone(t, ['--depth=1', '--branch', 'feature/login']);
    const event = githubPullRequestEnv(origin, { base: 'develop', head: 'feature/login' });
    const result = await clone.run(['verify'], { env: event });
    assert.equal(result.code, 2, result.output);
    assert.match(result.stderr, /is not in this shallow clone/);
    assert.match(result.stderr, /actions\/checkout with "fetch-depth: 0"/);
    assert.match(result.stderr, /git fetch --deepen/);
  });

  it('fails too when the base is there but the fork point is not', async (t) => {
    const { clone } = shallowClone(t, ['--depth=1', '--no-single-branch', '--branch', 'feature/login']);
    const result = await clone.run(['verify', '--base', 'origin/develop']);
    assert.equal(result.code, 2, result.output);
    assert.match(result.stderr, /shallow clone/);
  });

  it('works once the history is deepened', async (t) => {
    const { clone } = shallowClone(t, ['--depth=1', '--no-single-branch', '--branch', 'feature/login']);
    clone.git(['fetch', '-q', '--unshallow']);
    const result = await clone.run(['verify', '--base', 'origin/develop']);
    assert.equal(result.code, 0, result.output);
    assert.match(result.stdout, /verify: 2 commits/);
  });
});

describe('verify over a big range', () => {
  it('checks a range of 10 000 commits', async (t) => {
    const repo = createRepo(t);
    const count = 10_000;
    const lines: string[] = [];
    for (let i = 1; i <= count; i++) {
      const message = i === 4_321 ? 'Not conventional' : `feat: change ${i}`;
      lines.push(`commit refs/heads/main`, `mark :${i}`, `committer Test <t@example.com> ${1_700_000_000 + i} +0000`, `data ${Buffer.byteLength(message)}`, message);
      if (i > 1) lines.push(`from :${i - 1}`);
      lines.push(`M 100644 inline file-${i % 50}.txt`, `data ${String(i).length + 1}`, `${i}`, '');
    }
    repo.fastImport(`${lines.join('\n')}\n`);
    repo.git(['reset', '-q', '--hard', 'main']);
    const head = repo.git(['rev-parse', 'HEAD']).stdout.trim();
    const root = repo.git(['rev-list', '--max-parents=0', 'HEAD']).stdout.trim();
    const result = await repo.run(['verify', '--base', root, '--format', 'json']);
    assert.equal(result.code, 1, result.stderr);
    const findings = json(result.stdout).findings;
    assert.equal(findings.length, 1, JSON.stringify(findings));
    const bad = repo.git(['log', '--format=%H', '--grep', '^Not conventional']).stdout.trim();
    assert.ok(findings.every((f) => f.commit === bad));
    // The one finding is the lint of that message, not something else that happens to name the commit.
    assert.deepEqual(findings.map((f) => [f.check, f.severity, f.rules]), [['commit-message', 'error', ['type-empty', 'subject-empty']]]);
    // Reading 10 000 commits leaves the repository as it was: same HEAD, nothing changed or staged.
    assert.equal(repo.git(['rev-parse', 'HEAD']).stdout.trim(), head);
    assert.equal(repo.git(['status', '--porcelain']).stdout, '');
  });
});
