// One engine, several sources: the same scenario through the local hooks (real husky, real
// `git commit`) and through `verify` over the resulting commits yields the same findings.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRepo } from './helpers/repo.js';

interface Finding {
  check: string;
  message: string;
  file?: string;
  line?: number;
  commit?: string;
}

/** What parity means: the same check, place and sentence (the hook's finding has no commit yet). */
const comparable = (findings: Finding[]) => findings.map(({ check, file, line, message }) => ({ check, file, line, message }));

/** The JSON report a hook printed, from git's output around it. */
function hookReport(output: string): Finding[] {
  const json = output.slice(output.indexOf('{'), output.lastIndexOf('}') + 1);
  return (JSON.parse(json) as { findings: Finding[] }).findings;
}

describe('parity: hooks and verify', () => {
  it('a bad commit message gives the same findings in the commit-msg hook and in verify', async (t) => {
    const repo = createRepo(t);
    repo.installHooks({ 'commit-msg': 'mcflow-hooks run commit-msg --format json "$1"\n' });
    const base = repo.commitQuietly('chore: initial commit');
    repo.switchQuietly('-c', 'feature/login');
    repo.write('src/login.ts', 'export const login = 1;\n');
    repo.git(['add', '.']);
    const message = 'Added login form.';

    const refused = repo.git(['commit', '-q', '-m', message], { allowFailure: true });
    assert.notEqual(refused.code, 0, 'the hook refuses the commit');
    const local = hookReport(refused.output);
    assert.ok(local.length >= 2, refused.output);

    // The developer bypasses the hook; CI sees the commit anyway.
    const sha = repo.commitQuietly(message);
    const ci = await repo.run(['verify', '--base', base, '--format', 'json']);
    assert.equal(ci.code, 1, ci.stderr);
    const remote = (JSON.parse(ci.stdout) as { findings: Finding[] }).findings;
    assert.deepEqual(comparable(remote), comparable(local));
    assert.ok(remote.every((finding) => finding.commit === sha), 'verify names the commit to reword');
  });

  it('a secret and a sensitive file give the same findings in the pre-commit hook and in verify', async (t) => {
    const repo = createRepo(t);
    repo.installHooks({ 'pre-commit': 'mcflow-hooks run pre-commit --format json\n' });
    repo.write('src/config.ts', 'export const name = "app";\n');
    repo.git(['add', '.']);
    const base = repo.commitQuietly('chore: initial commit');
    repo.switchQuietly('-c', 'feature/payments');
    // Built by concatenation so this test file itself holds no scannable key.
    const stripe = 'sk_' + 'live_' + 'u8jzPde0IgxLd6GncfBA9fQ2';
    repo.write('src/config.ts', `export const name = "app";\nexport const stripe = "${stripe}";\n`);
    repo.write('.env', 'DATABASE_URL=postgres://app@db/app\n');
    repo.git(['add', '.']);

    const refused = repo.git(['commit', '-q', '-m', 'feat: add payments'], { allowFailure: true });
    assert.notEqual(refused.code, 0, 'the hook refuses the commit');
    const local = hookReport(refused.output);
    assert.deepEqual([...new Set(local.map((finding) => finding.check))].sort(), ['secrets', 'sensitive-files'], refused.output);

    const sha = repo.commitQuietly('feat: add payments');
    const ci = await repo.run(['verify', '--base', base, '--format', 'json']);
    assert.equal(ci.code, 1, ci.stderr);
    const remote = (JSON.parse(ci.stdout) as { findings: Finding[] }).findings;
    const byPlace = (findings: Finding[]) => comparable(findings).sort((a, b) => `${a.check}${a.file}${a.line}`.localeCompare(`${b.check}${b.file}${b.line}`));
    assert.deepEqual(byPlace(remote), byPlace(local));
    assert.ok(remote.every((finding) => finding.commit === sha), 'verify ties each finding to the commit that added it');
    assert.doesNotMatch(ci.stdout, new RegExp(stripe), 'the secret is never printed');
  });
});
