// The CLI's contract: help, version, usage errors with exit 2, outside a repository, bad
// message files, and exit codes asserted together with the message.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { createRepo, makeTempDir, isolatedEnv, PACKAGE_ROOT, runCli, runMain } from './helpers/repo.js';

const version = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')).version;

describe('mcflow-hooks CLI', () => {
  it('--help lists the commands and exits 0', async (t) => {
    const dir = makeTempDir(t);
    const result = await runMain(['--help'], { cwd: dir });
    assert.equal(result.code, 0);
    assert.match(result.stdout, /mcflow-hooks run <hook> \[args\]/);
    assert.match(result.stdout, /Exit codes: 0 ok, 1 policy violation, 2 bad usage\/config\/repository, 3 internal error/);
  });

  it('with no command prints the help and exits 2', async (t) => {
    const result = await runMain([], { cwd: makeTempDir(t) });
    assert.equal(result.code, 2);
    assert.match(result.stdout, /Usage:/);
  });

  it('--version prints the package version', async (t) => {
    // Through the built bin: the version is stamped into dist/cli.cjs at build time.
    const result = runCli(['--version'], { cwd: makeTempDir(t) });
    assert.equal(result.code, 0);
    assert.equal(result.stdout, `${version}\n`);
  });

  const usage: [string[], RegExp][] = [
    [['frobnicate'], /Unknown command "frobnicate"\. Commands: run, config/],
    [['--frobnicate'], /Unknown option "--frobnicate" for "mcflow-hooks"/],
    [['run', 'commit-msg', 'x', '--frobnicate'], /Unknown option "--frobnicate" for "run"/],
    [['run'], /"\(none\)" is not a hook mcflow-hooks runs\. Hooks: pre-commit, pre-merge-commit, prepare-commit-msg, commit-msg, post-checkout, pre-push/],
    [['run', 'pre-rebase'], /"pre-rebase" is not a hook mcflow-hooks runs/],
    [['run', 'commit-msg', 'x', '--format', 'xml'], /Unknown format "xml"\. Formats: text, json/],
    [['run', 'commit-msg', 'x', '--format'], /The option "--format" needs a value/],
    [['config', '--nope'], /Unknown option "--nope" for "config"/],
  ];
  for (const [args, message] of usage) {
    it(`${args.join(' ')} → exit 2: ${message.source.slice(0, 50)}`, async (t) => {
      const repo = createRepo(t);
      const result = await repo.run(args);
      assert.equal(result.code, 2, result.output);
      assert.match(result.stderr, message);
      assert.match(result.stderr, /→ see: npx mcflow-hooks --help/);
    });
  }

  it('outside a git repository: exit 2, says so and how to fix it', async (t) => {
    const dir = makeTempDir(t);
    fs.writeFileSync(path.join(dir, 'msg'), 'feat: ok\n');
    const result = await runMain(['run', 'commit-msg', 'msg'], { cwd: dir, env: isolatedEnv(dir, { GIT_CEILING_DIRECTORIES: path.dirname(dir) }) });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /is not inside a git repository/);
    assert.match(result.stderr, /→ run this inside a repository, or create one first: git init/);
  });

  it('a missing message file: exit 2, names it', async (t) => {
    const repo = createRepo(t);
    const result = await repo.run(['run', 'commit-msg', '.git/NOPE']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /Cannot read the commit message file \.git\/NOPE: no such file/);
  });

  it('no message file argument: exit 2, shows the hook line', async (t) => {
    const repo = createRepo(t);
    const result = await repo.run(['run', 'commit-msg']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /needs the path of the message file/);
    assert.match(result.stderr, /mcflow-hooks run commit-msg "\$1"/);
  });

  it('an unreadable message file (a directory): exit 2', async (t) => {
    const repo = createRepo(t);
    fs.mkdirSync(path.join(repo.dir, 'adir'));
    const result = await repo.run(['run', 'commit-msg', 'adir']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /Cannot read the commit message file adir: EISDIR/);
  });

  const emptyish: [string, string][] = [
    ['empty', ''],
    ['whitespace-only', '  \n\t\n\n'],
    ['comment-only', '# Please enter the commit message for your changes.\n#\n'],
  ];
  for (const [name, content] of emptyish) {
    it(`an ${name} message is rejected (exit 1)`, async (t) => {
      const repo = createRepo(t);
      const result = await repo.run(['run', 'commit-msg', repo.write('msg', content)]);
      assert.equal(result.code, 1);
      assert.match(result.stdout, /The commit message is empty \(or only comments\)/);
    });
  }

  it('an unknown check in MCFLOW_SKIP is a usage error, not a silent no-op', async (t) => {
    const repo = createRepo(t);
    const result = await repo.run(['run', 'commit-msg', repo.write('msg', 'feat: ok\n')], { env: { MCFLOW_SKIP: 'commit-mesage' } });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /MCFLOW_SKIP names an unknown check: commit-mesage\. Checks: commit-message/);
  });

  it('--format json prints the versioned report and keeps the exit code', async (t) => {
    const repo = createRepo(t);
    const result = await repo.run(['run', 'commit-msg', repo.write('msg', 'Bad.\n'), '--format', 'json']);
    assert.equal(result.code, 1);
    const report = JSON.parse(result.stdout);
    assert.equal(report.version, 1);
    assert.deepEqual(report.summary, { errors: 2, warnings: 0 });
    assert.deepEqual(Object.keys(report.findings[0]), ['check', 'severity', 'message', 'fix', 'rules']);
  });

  it('colours only on request: NO_COLOR wins, FORCE_COLOR forces', async (t) => {
    const repo = createRepo(t);
    const msg = repo.write('msg', 'Bad.\n');
    assert.doesNotMatch((await repo.run(['run', 'commit-msg', msg])).stdout, /\u001b\[/);
    assert.match((await repo.run(['run', 'commit-msg', msg], { env: { NO_COLOR: '', FORCE_COLOR: '1' } })).stdout, /\u001b\[31m✖/);
    assert.doesNotMatch((await repo.run(['run', 'commit-msg', msg], { env: { NO_COLOR: '1', FORCE_COLOR: '0' } })).stdout, /\u001b\[/);
  });

  it('an internal fault is exit 3 with one sentence, and a stack only with MCFLOW_DEBUG', async (t) => {
    // A real process: what a user sees of a crash (no stack trace) is the bin's stderr.
    const repo = createRepo(t);
    // A commitlint plugin that throws is a fault outside our control flow, so it lands in the catch-all.
    repo.write('commitlint.config.mjs', "export default { rules: { 'boom': [2, 'always'] }, plugins: [{ rules: { boom: () => { throw new Error('kaboom'); } } }] };\n");
    const msg = repo.write('msg', 'feat: ok\n');
    const result = repo.cli(['run', 'commit-msg', msg]);
    assert.equal(result.code, 3, result.output);
    assert.match(result.stderr, /mcflow-hooks failed unexpectedly: kaboom/);
    assert.doesNotMatch(result.stderr, /\n\s+at /);
    assert.match(repo.cli(['run', 'commit-msg', msg], { env: { MCFLOW_DEBUG: '1' } }).stderr, /\n\s+at /);
  });
});
