// Nothing secret reaches a log: tokens planted in every input a pull request author or a pusher
// controls (file, commit message, PR title and body, branch and tag names, remote URL, config
// value, pre-push stdin) must not appear in any output of run, verify, audit or pr, in any format,
// in --output files, in GITHUB_STEP_SUMMARY, or with MCFLOW_DEBUG=1. Real repositories, commands run in-process through main().
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { createRepo, type RunResult } from './helpers/repo.js';
import { githubPullRequestEnv, GOOD_BODY } from './helpers/ci.js';

/** A GitHub token shape with a body of 36 letters and digits, different per seed; built at run time. */
function token(seed: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let state = seed * 7919 + 17;
  let body = '';
  for (let i = 0; i < 36; i++) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    body += alphabet[state % alphabet.length];
  }
  return `gh${'p'}_${body}`;
}

const PLANTED = {
  file: token(1),
  message: token(2),
  title: token(3),
  body: token(4),
  branch: token(5),
  config: token(6),
  stdin: token(7),
  tag: token(8),
};
const URL_SECRET = 'Xq7vUrlUserinfoSecret42';
const PASSWORD = 'Summer' + '2024!';

/** What must never show: each token's random part (and any 16-character run of it), the password, the URL's userinfo. */
function leaks(text: string): string[] {
  const lower = text.toLowerCase();
  const found: string[] = [];
  for (const [where, value] of Object.entries(PLANTED)) {
    const secret = value.slice(4).toLowerCase();
    for (let start = 0; start + 16 <= secret.length; start += 4) {
      if (lower.includes(secret.slice(start, start + 16))) {
        found.push(`${where} token`);
        break;
      }
    }
  }
  if (lower.includes(PASSWORD.toLowerCase())) found.push('password');
  if (lower.includes(URL_SECRET.toLowerCase())) found.push('remote URL userinfo');
  return found;
}

describe('no secret reaches any output', () => {
  it('run, verify, audit and pr, every format, files, job summary and debug output', async (t) => {
    const repo = createRepo(t);
    const outputs: { label: string; text: string }[] = [];
    const keep = (label: string, result: RunResult, codes: number[] = [0, 1]) => {
      assert.ok(codes.includes(result.code), `${label} exited ${result.code}:\n${result.output}`);
      outputs.push({ label, text: result.output });
      return result;
    };
    const debug = { MCFLOW_DEBUG: '1' };

    repo.write('README.md', 'hello\n');
    repo.git(['add', '.']);
    repo.commitQuietly('chore: initial commit');
    repo.git(['branch', 'develop']);
    const branch = `feature/${PLANTED.branch}`;
    repo.git(['checkout', '-q', '-b', branch, 'develop']);
    repo.git(['remote', 'add', 'origin', `https://x-access-token:${URL_SECRET}@github.com/acme/app.git`]);

    // commit-msg: a bad header that carries a token and a password (the suggestion echoes it).
    const message = repo.write('.git/COMMIT_EDITMSG', `Rotate key ${PLANTED.message} and DB_PASSWORD=${PASSWORD}\n`);
    for (const format of ['text', 'json']) {
      const result = keep(`run commit-msg ${format}`, await repo.run(['run', 'commit-msg', '--format', format, message], { env: { ...debug, GIT_PREFIX: '' } }));
      assert.match(result.output, /secrets/, 'the message itself is a secrets finding');
    }

    // pre-commit: a staged file with a token, on a branch whose name holds one.
    repo.write('src/pay.ts', `export const key = "${PLANTED.file}";\n`);
    repo.git(['add', '.']);
    for (const format of ['text', 'json']) keep(`run pre-commit ${format}`, await repo.run(['run', 'pre-commit', '--format', format], { env: debug }));
    repo.commitQuietly(`Rotate key ${PLANTED.message} and DB_PASSWORD=${PASSWORD}`);
    const head = repo.git(['rev-parse', 'HEAD']).stdout.trim();

    // pre-push to a URL with a token in it (git passes the URL as the remote's name), with and without MCFLOW_ALLOW_PUSH.
    const url = `https://x-access-token:${URL_SECRET}@github.com/acme/app.git`;
    const developSha = repo.git(['rev-parse', 'develop']).stdout.trim();
    const pushMain = `refs/heads/${branch} ${head} refs/heads/develop ${developSha}\n`;
    const pushBranch = `refs/heads/${branch} ${head} refs/heads/${branch} ${'0'.repeat(40)}\n`;
    for (const format of ['text', 'json']) {
      const refused = keep(`run pre-push ${format}`, await repo.run(['run', 'pre-push', '--format', format, url, url], { input: pushMain + pushBranch, env: debug }));
      assert.match(refused.output, /github\.com\/acme\/app\.git/, 'the remote is named, without its userinfo');
      const allowed = keep(`run pre-push allowed ${format}`, await repo.run(['run', 'pre-push', '--format', format, url, url], { input: pushMain, env: { ...debug, MCFLOW_ALLOW_PUSH: 'develop' } }));
      assert.match(allowed.output, /MCFLOW_ALLOW_PUSH/);
    }
    // Malformed pre-push input is quoted in the error.
    const malformed = keep('run pre-push malformed', await repo.run(['run', 'pre-push', url, url], { input: `refs/heads/x ${PLANTED.stdin} refs/heads/x\n`, env: debug }), [2]);
    assert.match(malformed.stderr, /is not "<local ref>/);

    // A config error quoting a value.
    repo.write('.mcflowrc.json', JSON.stringify({ checks: { secrets: PLANTED.config } }));
    const badConfig = keep('config error', await repo.run(['run', 'pre-commit'], { env: debug }), [2]);
    assert.match(badConfig.stderr, /secrets/);
    fs.rmSync(path.join(repo.dir, '.mcflowrc.json'));

    // verify on a GitHub pull request with a token in the title and the body, every format, with --output.
    const env: NodeJS.ProcessEnv = {
      ...githubPullRequestEnv(repo, { base: 'develop', head: branch, title: `Add ${PLANTED.title}`, body: `${GOOD_BODY}\nuses ${PLANTED.body}\n` }),
      ...debug,
    };
    const files: string[] = [env.GITHUB_STEP_SUMMARY!];
    for (const format of ['text', 'json', 'github', 'sarif', 'junit']) {
      const result = keep(`verify ${format}`, await repo.run(['verify', '--format', format], { env }), [1]);
      if (format === 'json') {
        const where = (JSON.parse(result.stdout) as { findings: { check: string; message: string }[] }).findings
          .filter((finding) => finding.check === 'secrets')
          .map((finding) => finding.message.replace(/^.* in (the [a-z ]+?)( \(line \d+\))?:.*$/, '$1').replace(/^Possible .*/, 'a file'));
        assert.deepEqual([...new Set(where)].sort(), ['a file', 'the commit message', 'the pull request description', 'the pull request title']);
      }
      const output = path.join(repo.home, `verify.${format}`);
      keep(`verify --output ${format}`, await repo.run(['verify', '--format', format, '--output', output], { env }), [1]);
      files.push(output);
    }

    // audit: the commit reaches a protected branch (develop), so its message and file are audited.
    repo.git(['checkout', '-q', 'develop']);
    repo.git(['merge', '-q', '--no-ff', '--no-verify', '-m', `Merge ${branch}`, branch]);
    repo.git(['tag', `release-${PLANTED.tag}`]);
    for (const format of ['text', 'json', 'markdown', 'sarif']) {
      const audit = keep(`audit ${format}`, await repo.run(['audit', '--format', format], { env: debug }));
      if (format === 'text') assert.match(audit.stdout, /release-ghp_\*\*\*\*\.\.\.\w{4}/, 'the tag is named, masked');
      const output = path.join(repo.home, `audit.${format}`);
      keep(`audit --output ${format}`, await repo.run(['audit', '--format', format, '--output', output], { env: debug }));
      files.push(output);
    }

    // pr: the body lists commit subjects, the compare URL names the branch.
    repo.git(['checkout', '-q', branch]);
    keep('pr', await repo.run(['pr', '--base', 'develop'], { env: debug }));

    for (const file of files) outputs.push({ label: file, text: fs.readFileSync(file, 'utf8') });
    const found = outputs.flatMap(({ label, text }) => leaks(text).map((what) => `${what} in ${label}`));
    assert.deepEqual(found, []);
    // The test can fail: the planted values are in the inputs it greps for.
    assert.deepEqual(leaks(fs.readFileSync(path.join(repo.dir, 'src/pay.ts'), 'utf8') + fs.readFileSync(message, 'utf8') + url + JSON.stringify(PLANTED)).length > 0, true);
  });
});

describe('no secret reaches the output of config or doctor', () => {
  it('a config value, a broken config value and a hooks path that hold a token are masked', async (t) => {
    const repo = createRepo(t);
    repo.write('.mcflowrc.json', JSON.stringify({ extends: 'gitflow', policy: { reviewedLabel: PLANTED.config }, branches: { protected: ['main', `release/${PLANTED.branch}`] } }));
    const outputs: { label: string; text: string }[] = [];
    for (const args of [['config'], ['config', '--json'], ['doctor']]) {
      const result = await repo.run(args);
      assert.ok([0, 1].includes(result.code), `${args.join(' ')} exited ${result.code}:\n${result.output}`);
      outputs.push({ label: args.join(' '), text: result.output });
    }
    assert.match(outputs[0]!.text, /ghp_\*\*\*\*\.\.\.\w{4}/, 'the value is shown, masked');
    assert.doesNotThrow(() => JSON.parse(outputs[1]!.text), 'config --json stays JSON');
    // A value the schema refuses is quoted in the error doctor prints; a hooks path set by hand is shown.
    repo.write('.mcflowrc.json', JSON.stringify({ checks: { secrets: PLANTED.file } }));
    repo.git(['config', 'core.hooksPath', `https://ci:${URL_SECRET}@hooks.example/${PLANTED.stdin}`]);
    const doctor = await repo.run(['doctor']);
    assert.equal(doctor.code, 1, doctor.output);
    outputs.push({ label: 'doctor (broken config)', text: doctor.output });
    assert.deepEqual(outputs.flatMap(({ label, text }) => leaks(text).map((what) => `${what} in ${label}`)), []);
    assert.ok(leaks(JSON.stringify(PLANTED) + URL_SECRET).length > 0, 'the test can fail');
  });
});
