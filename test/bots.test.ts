// Bot commits are skipped by who wrote them, not by a trailer anyone can quote: the hook knows
// the author git exports to it, verify and audit the author and committer of each commit.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRepo } from './helpers/repo.js';
import { validateReport } from './helpers/report-schema.js';

const DEPENDABOT = 'dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>';
const RENOVATE = { GIT_AUTHOR_NAME: 'renovate[bot]', GIT_AUTHOR_EMAIL: '29139614+renovate[bot]@users.noreply.github.com' };
const QUOTED_SIGNOFF = 'Signed-off-by: dependabot[bot] <support@github.com>';

describe('bot commits', () => {
  it('hook: lints a human message that ends with a bot sign-off, skips one the bot authored', async (t) => {
    const repo = createRepo(t);
    repo.installHooks({ 'commit-msg': 'mcflow-hooks run commit-msg "$1"\n' });
    const human = repo.git(['commit', '--allow-empty', '-m', 'WIP stuff', '-m', QUOTED_SIGNOFF], { allowFailure: true });
    assert.notEqual(human.code, 0, human.output);
    assert.match(human.output, /type may not be empty/);
    const bot = repo.git(['commit', '--allow-empty', `--author=${DEPENDABOT}`, '-m', 'Bump lodash from 4.17.20 to 4.17.21']);
    assert.equal(bot.code, 0, bot.output);
  });

  it('verify: skips a Renovate commit without a sign-off, lints a human one that quotes a bot sign-off', async (t) => {
    const repo = createRepo(t);
    const base = repo.commitQuietly('chore: initial commit');
    repo.switchQuietly('-c', 'feature/deps');
    repo.git(['commit', '--allow-empty', '--no-verify', '-q', '-m', 'Update dependency zx to v9'], { env: RENOVATE });
    const human = repo.commitQuietly(`WIP stuff\n\n${QUOTED_SIGNOFF}`);
    const result = await repo.run(['verify', '--base', base, '--format', 'json']);
    assert.equal(result.code, 1, result.output);
    assert.deepEqual(validateReport('verify', result.stdout), []);
    const findings = (JSON.parse(result.stdout) as { findings: { check: string; commit?: string }[] }).findings.filter((f) => f.check === 'commit-message');
    assert.ok(findings.length > 0);
    assert.deepEqual([...new Set(findings.map((f) => f.commit))], [human]);
  });

  it('audit: the same decision over history', async (t) => {
    const repo = createRepo(t);
    repo.commitQuietly('chore: initial commit');
    repo.git(['commit', '--allow-empty', '--no-verify', '-q', '-m', 'Update dependency zx to v9'], { env: RENOVATE });
    const human = repo.commitQuietly(`WIP stuff\n\n${QUOTED_SIGNOFF}`);
    const result = await repo.run(['audit', '--format', 'json']);
    const report = JSON.parse(result.stdout) as { sections: { id: string; findings: { check: string; commit?: string }[] }[] };
    const commits = report.sections.find((s) => s.id === 'commits')!.findings.filter((f) => f.check === 'commit-message');
    assert.deepEqual([...new Set(commits.map((f) => f.commit))], [human]);
  });
});
