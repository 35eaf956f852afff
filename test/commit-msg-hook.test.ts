// The commit-msg hook end to end: real husky hooks in a real repository, real `git commit`.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { createRepo, TestRepo } from './helpers/repo.js';

const HOOK = 'mcflow-hooks run commit-msg "$1"\n';

function hookedRepo(t: TestContext) {
  const repo = createRepo(t);
  repo.installHooks({ 'commit-msg': HOOK });
  repo.write('README.md', 'hello\n');
  repo.git(['add', 'README.md']);
  return repo;
}

describe('commit-msg hook through husky', () => {
  it('refuses a bad message with the problem, an example and the fix, and records nothing', (t) => {
    const repo = hookedRepo(t);
    const result = repo.git(['commit', '-m', 'Added login form.'], { allowFailure: true });
    assert.notEqual(result.code, 0);
    assert.match(result.output, /✖ type may not be empty: the header needs the form "<type>\(<scope>\): <subject>" \(type-empty\); for example: "feat: added login form" \[commit-message\]/);
    assert.match(result.output, /→ edit the message and commit again: git commit --edit --file=\.git\/COMMIT_EDITMSG/);
    assert.match(result.output, /why: release notes/);
    assert.match(result.output, /2 errors, 0 warnings/);
    assert.equal(repo.git(['rev-parse', '--verify', '-q', 'HEAD'], { allowFailure: true }).code, 1, 'no commit was made');
    assert.match(repo.git(['diff', '--cached', '--name-only']).stdout, /README\.md/, 'the index is untouched');
  });

  it('accepts a Conventional Commit', (t) => {
    const repo = hookedRepo(t);
    const result = repo.git(['commit', '-m', 'feat: add login form']);
    assert.equal(result.code, 0);
    assert.doesNotMatch(result.output, /commit-message/);
    assert.equal(repo.git(['log', '-1', '--format=%s']).stdout.trim(), 'feat: add login form');
  });

  it('ignores comment lines and everything below the scissors line of commit -v', (t) => {
    const repo = hookedRepo(t);
    const message = [
      'fix: handle empty input',
      '',
      '# Please enter the commit message for your changes.',
      '# ------------------------ >8 ------------------------',
      'diff --git a/README.md b/README.md',
      'Not A Conventional Line.',
    ].join('\n');
    const file = repo.write('msg.txt', message);
    const result = repo.git(['commit', '--cleanup=scissors', '-F', file]);
    assert.equal(result.code, 0, result.output);
  });

  it('honours core.commentChar', (t) => {
    const repo = hookedRepo(t);
    repo.git(['config', 'core.commentChar', ';']);
    repo.git(['config', 'commit.cleanup', 'strip']);
    const file = repo.write('msg.txt', 'docs: explain setup\n\n; a comment git strips\n# not a comment here, but a valid body line\n');
    assert.equal(repo.git(['commit', '-F', file]).code, 0);
  });

  it('honours core.commentChar given with git -c, in the editor: ";" lines go, "#" lines are content', (t) => {
    const repo = hookedRepo(t);
    const editor = repo.write('editor.sh', '#!/bin/sh\n{ printf "%s\\n" "$MSG"; cat "$1"; } > "$1.new" && mv "$1.new" "$1"\n');
    fs.chmodSync(editor, 0o755);
    // The ";" line is a comment git drops; a lint that kept it would see "; wip" as the header.
    const env = { GIT_EDITOR: editor, MSG: '; wip: a note to myself\nfeat: add login\n\n#123 is the issue this fixes' };
    const result = repo.git(['-c', 'core.commentChar=;', 'commit'], { env, allowFailure: true });
    assert.equal(result.code, 0, result.output);
    assert.equal(repo.git(['log', '-1', '--format=%B']).stdout.trim(), 'feat: add login\n\n#123 is the issue this fixes');
    // And a "#" header with commentChar ";" is the header git records: linted, refused.
    repo.write('b.txt', 'b\n');
    repo.git(['add', 'b.txt']);
    const refused = repo.git(['-c', 'core.commentChar=;', 'commit'], { env: { ...env, MSG: '#123 Added login' }, allowFailure: true });
    assert.notEqual(refused.code, 0, refused.output);
    assert.match(refused.output, /type may not be empty/);
  });

  it('honours core.commentString (git ≥ 2.45): a string, the last of it and core.commentChar wins', async (t) => {
    const repo = hookedRepo(t);
    repo.git(['config', 'commit.cleanup', 'strip']);
    repo.git(['config', 'core.commentChar', ';']);
    repo.git(['config', 'core.commentString', '//']);
    const file = repo.write('msg.txt', '// wip: a note to myself\nfeat: add login\n\n; kept: ";" is not the comment string now\n');
    const result = await repo.run(['run', 'commit-msg', file], { env: { GIT_PREFIX: '' } });
    assert.equal(result.code, 0, result.output);
    // core.commentChar set after it wins again: "//" is content, and not a Conventional header.
    repo.git(['config', '--unset', 'core.commentChar']);
    repo.git(['config', 'core.commentChar', ';']);
    const refused = await repo.run(['run', 'commit-msg', file], { env: { GIT_PREFIX: '' } });
    assert.equal(refused.code, 1, refused.output);
    assert.match(refused.output, /type may not be empty/);
  });

  it('rejects a message that is only comments', (t) => {
    const repo = hookedRepo(t);
    repo.git(['config', 'commit.cleanup', 'strip']);
    const file = repo.write('msg.txt', '# just a comment\n\n');
    const result = repo.git(['commit', '-F', file], { allowFailure: true });
    assert.notEqual(result.code, 0);
    assert.match(result.output, /The commit message is empty/);
  });

  it('lints a "#" first line of -m and -F as the header git records', (t) => {
    const repo = hookedRepo(t);
    for (const args of [['-m', '#123 feat: add login'], ['-F', repo.write('msg.txt', '#123 feat: add login\n')]]) {
      const result = repo.git(['commit', ...args], { allowFailure: true });
      assert.notEqual(result.code, 0);
      assert.match(result.output, /type may not be empty/);
      assert.doesNotMatch(result.output, /is empty \(or only comments\)/);
    }
    // Same message, git told to strip comments by config: git records the second line, and so do we.
    repo.git(['config', 'commit.cleanup', 'strip']);
    const file = repo.write('msg.txt', '#123 a note git drops\nfeat: add login\n');
    assert.equal(repo.git(['commit', '-F', file]).code, 0);
    assert.equal(repo.git(['log', '-1', '--format=%B']).stdout.trim(), 'feat: add login');
  });

  it('keeps a "#" body line of -m, as git does', (t) => {
    const repo = hookedRepo(t);
    assert.equal(repo.git(['commit', '-m', 'feat: add login', '-m', '#123 is fixed by this']).code, 0);
    assert.match(repo.git(['log', '-1', '--format=%B']).stdout, /^#123 is fixed by this$/m);
  });

  it('strips comment lines written in the editor, unless git says it keeps them', (t) => {
    const repo = hookedRepo(t);
    // An editor that puts its lines above git's instructions, which it leaves in place.
    const editor = repo.write('editor.sh', '#!/bin/sh\n{ printf "%s\\n" "$MSG"; cat "$1"; } > "$1.new" && mv "$1.new" "$1"\n');
    fs.chmodSync(editor, 0o755);
    const env = { GIT_EDITOR: editor, MSG: '#123 a note git drops\nfeat: add login' };
    assert.equal(repo.git(['commit'], { env }).code, 0);
    assert.equal(repo.git(['log', '-1', '--format=%B']).stdout.trim(), 'feat: add login');
    // --cleanup=whitespace on the command line: git's instructions say the "#" lines are kept.
    repo.write('b.txt', 'b\n');
    repo.git(['add', 'b.txt']);
    const kept = repo.git(['commit', '--cleanup=whitespace'], { env, allowFailure: true });
    assert.notEqual(kept.code, 0, kept.output);
    assert.match(kept.output, /type may not be empty/);
  });

  it('uses the repository\'s own commitlint config when it has one', (t) => {
    const repo = hookedRepo(t);
    repo.write('.commitlintrc.json', JSON.stringify({ rules: { 'type-enum': [2, 'always', ['story']], 'type-empty': [2, 'never'] } }));
    assert.equal(repo.git(['commit', '-m', 'story: login form']).code, 0);
    const result = repo.git(['commit', '--allow-empty', '-m', 'feat: login form'], { allowFailure: true });
    assert.notEqual(result.code, 0);
    assert.match(result.output, /type must be one of \[story\]/);
  });

  it('skips named checks with MCFLOW_SKIP and says so', (t) => {
    const repo = hookedRepo(t);
    const result = repo.git(['commit', '-m', 'whatever'], { env: { MCFLOW_SKIP: 'commit-message' } });
    assert.equal(result.code, 0);
    assert.match(result.output, /skipped by MCFLOW_SKIP: commit-message/);
  });

  it('an unknown MCFLOW_SKIP name is exit 2, listing every name it accepts: the checks and lint-staged', (t) => {
    const repo = hookedRepo(t);
    const result = repo.git(['commit', '-m', 'feat: add login'], { env: { MCFLOW_SKIP: 'lintstaged' }, allowFailure: true });
    assert.notEqual(result.code, 0);
    assert.match(result.output, /MCFLOW_SKIP names an unknown check: lintstaged\. .*\bcommit-message\b.*\blint-staged\b/);
    assert.equal(repo.git(['rev-parse', '--verify', '-q', 'HEAD'], { allowFailure: true }).code, 1, 'no commit was made');
  });

  it('skips everything silently with HUSKY=0', (t) => {
    const repo = hookedRepo(t);
    const result = repo.git(['commit', '-m', 'whatever'], { env: { HUSKY: '0' } });
    assert.equal(result.code, 0);
    assert.equal(result.output.includes('mcflow'), false);
  });

  it('works from a linked worktree', (t) => {
    const repo = hookedRepo(t);
    repo.commitQuietly('chore: initial commit');
    const worktree = path.join(path.dirname(repo.dir), 'wt');
    repo.git(['worktree', 'add', '-q', '-b', 'feature/wt', worktree]);
    // A linked worktree has a `.git` file pointing into the main repository's git dir.
    new TestRepo(worktree, repo.env).installHooks({ 'commit-msg': HOOK });
    fs.writeFileSync(path.join(worktree, 'a.txt'), 'a\n');
    repo.git(['add', 'a.txt'], { cwd: worktree });
    const bad = repo.git(['commit', '-m', 'bad'], { cwd: worktree, allowFailure: true });
    assert.notEqual(bad.code, 0);
    assert.match(bad.output, /--file=\S*\.git\/worktrees\/wt\/COMMIT_EDITMSG/);
    assert.equal(repo.git(['commit', '-m', 'feat: add a'], { cwd: worktree }).code, 0);
  });
});
