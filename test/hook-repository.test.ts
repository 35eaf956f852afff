// Where a hook's repository is: read from files when git ran the hook (src/git/repo.ts), it must
// be exactly what `git rev-parse --show-toplevel --absolute-git-dir` says in the same place and
// environment. Each case records a real hook's cwd and environment from a real `git commit`.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { useEnvironment } from '../src/environment.js';
import { findRepository, headFromFiles, readCoreLayout, repositoryFromHookEnvironment } from '../src/git/repo.js';
import { createRepo, makeTempDir, TestRepo } from './helpers/repo.js';

/** A commit-msg hook that writes its cwd and environment (NUL-separated) next to the repository. */
function recordingHook(repo: TestRepo, record: string): void {
  const hooks = repo.git(['rev-parse', '--git-path', 'hooks']).stdout.trim();
  const dir = path.resolve(repo.dir, hooks);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'commit-msg'), `#!/bin/sh\npwd -P > '${record}.cwd'\nenv -0 > '${record}.env'\n`, { mode: 0o755 });
}

function recorded(record: string): { cwd: string; env: NodeJS.ProcessEnv } {
  const env: NodeJS.ProcessEnv = {};
  for (const entry of fs.readFileSync(`${record}.env`, 'utf8').split('\0')) {
    const equals = entry.indexOf('=');
    if (equals > 0) env[entry.slice(0, equals)] = entry.slice(equals + 1);
  }
  return { cwd: fs.readFileSync(`${record}.cwd`, 'utf8').trim(), env };
}

/** findRepository as a command run by that hook calls it: git, when asked, gets the hook's environment. */
function inHook(cwd: string, env: NodeJS.ProcessEnv) {
  const restore = useEnvironment(env);
  try {
    return findRepository(cwd, env);
  } finally {
    restore();
  }
}

/** What git says for the hook's place and environment (GIT_PREFIX removed: findRepository then asks git). */
function gitsAnswer(cwd: string, env: NodeJS.ProcessEnv) {
  return inHook(cwd, { ...env, GIT_PREFIX: undefined });
}

/** Commits in `repo` (at `cwd`) through the recording hook and returns what the hook saw. */
function hookSees(repo: TestRepo, record: string, options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  recordingHook(repo, record);
  repo.git(['commit', '-q', '--allow-empty', '-m', 'feat: x'], { cwd: options.cwd ?? repo.dir, env: options.env });
  return recorded(record);
}

describe('the repository of a hook, read from files', () => {
  it('in the main worktree, a linked worktree and a submodule: read, and the same as git says', (t) => {
    const repo = createRepo(t);
    const records = makeTempDir(t);
    repo.git(['commit', '-q', '--allow-empty', '-m', 'chore: start']);
    const main = hookSees(repo, path.join(records, 'main'));
    assert.equal(main.env.GIT_DIR, undefined);

    const linked = path.join(makeTempDir(t), 'linked tree');
    repo.git(['worktree', 'add', '-q', '-b', 'feature/linked', linked]);
    const worktree = hookSees(new TestRepo(linked, repo.env), path.join(records, 'linked'), { cwd: linked });
    // git exports GIT_DIR to hooks in a linked worktree
    assert.ok(worktree.env.GIT_DIR, 'GIT_DIR is set in a linked worktree');

    const sub = createRepo(t);
    sub.git(['commit', '-q', '--allow-empty', '-m', 'chore: sub']);
    repo.git(['-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', sub.dir, 'libs/sub']);
    repo.git(['commit', '-q', '-m', 'chore: add sub']);
    const checkout = path.join(repo.dir, 'libs/sub');
    const submodule = hookSees(new TestRepo(checkout, repo.env), path.join(records, 'sub'), { cwd: checkout });
    assert.ok(submodule.env.GIT_DIR, 'GIT_DIR is set in a submodule');

    for (const [name, seen] of Object.entries({ main, worktree, submodule })) {
      const fromFiles = repositoryFromHookEnvironment(seen.cwd, seen.env);
      assert.ok(fromFiles, `${name}: read from files, no git process`);
      assert.deepEqual(fromFiles, gitsAnswer(seen.cwd, seen.env), name);
    }
  });

  it('with GIT_DIR and GIT_WORK_TREE given by the user, or core.worktree elsewhere: the same as git says', (t) => {
    const repo = createRepo(t);
    const records = makeTempDir(t);
    repo.git(['commit', '-q', '--allow-empty', '-m', 'chore: start']);
    fs.mkdirSync(path.join(repo.dir, 'sub dir'));
    // GIT_DIR from a subdirectory: git takes the cwd as the top of the work tree.
    const explicit = hookSees(repo, path.join(records, 'explicit'), { cwd: path.join(repo.dir, 'sub dir'), env: { GIT_DIR: path.join(repo.dir, '.git') } });
    assert.ok(repositoryFromHookEnvironment(explicit.cwd, explicit.env), 'read from files');
    assert.deepEqual(inHook(explicit.cwd, explicit.env), gitsAnswer(explicit.cwd, explicit.env));
    const both = hookSees(repo, path.join(records, 'both'), { cwd: path.join(repo.dir, 'sub dir'), env: { GIT_DIR: path.join(repo.dir, '.git'), GIT_WORK_TREE: repo.dir } });
    assert.equal(repositoryFromHookEnvironment(both.cwd, both.env), undefined, 'GIT_WORK_TREE: git answers');
    assert.deepEqual(inHook(both.cwd, both.env), gitsAnswer(both.cwd, both.env));
    // A separate git dir whose core.worktree names the work tree.
    const store = path.join(makeTempDir(t), 'store.git');
    fs.renameSync(path.join(repo.dir, '.git'), store);
    const separate = new TestRepo(repo.dir, { ...repo.env, GIT_DIR: store });
    separate.git(['config', 'core.worktree', repo.dir]);
    const worktreeSet = hookSees(separate, path.join(records, 'separate'), { env: { GIT_DIR: store } });
    assert.ok(repositoryFromHookEnvironment(worktreeSet.cwd, worktreeSet.env), 'read from files');
    assert.deepEqual(inHook(worktreeSet.cwd, worktreeSet.env), gitsAnswer(worktreeSet.cwd, worktreeSet.env));
    // The same config seen from a directory it does not name: git is asked.
    assert.equal(repositoryFromHookEnvironment(path.join(repo.dir, 'sub dir'), worktreeSet.env), undefined);
  });

  it('asks git for a bare repository, a git dir without HEAD, or a config it cannot follow', (t) => {
    const dir = makeTempDir(t);
    const env = { GIT_PREFIX: '', GIT_DIR: path.join(dir, 'git') };
    assert.equal(repositoryFromHookEnvironment(dir, env), undefined, 'no HEAD');
    fs.mkdirSync(env.GIT_DIR);
    fs.writeFileSync(path.join(env.GIT_DIR, 'HEAD'), 'ref: refs/heads/main\n');
    fs.writeFileSync(path.join(env.GIT_DIR, 'config'), '[core]\n\tbare = true\n');
    assert.equal(repositoryFromHookEnvironment(dir, env), undefined, 'bare');
    fs.writeFileSync(path.join(env.GIT_DIR, 'config'), '[core]\n\tbare = false\n\tworktree = "elsewhere"\n');
    assert.equal(repositoryFromHookEnvironment(dir, env), undefined, 'quoted');
    fs.writeFileSync(path.join(env.GIT_DIR, 'config'), '[core]\n\trepositoryformatversion = 0\n\tbare = false\n');
    assert.deepEqual(repositoryFromHookEnvironment(dir, env), { root: dir, gitDir: env.GIT_DIR });
    assert.equal(repositoryFromHookEnvironment(dir, { ...env, GIT_COMMON_DIR: env.GIT_DIR }), undefined, 'GIT_COMMON_DIR');
  });
});

describe('readCoreLayout', () => {
  it('reads core.bare and core.worktree as git does, and gives up on what it does not follow', () => {
    assert.deepEqual(readCoreLayout('[core]\n\trepositoryformatversion = 0\n\tbare = false\n'), { bare: false });
    assert.deepEqual(readCoreLayout('[CORE]\n  Bare\n'), { bare: true });
    assert.deepEqual(readCoreLayout('[core]\n\tbare = false\n\tworktree = ../../../libs/sub\n'), { bare: false, worktree: '../../../libs/sub' });
    assert.deepEqual(readCoreLayout('[core "x"]\n\tbare = true\n[remote "origin"]\n\tworktree = "x"\n'), { bare: false });
    assert.equal(readCoreLayout('[core] bare = true\n'), 'unknown');
    assert.equal(readCoreLayout('[core]\n\tworktree = a # comment\n'), 'unknown');
    assert.equal(readCoreLayout('[core]\n\tworktree = a\\\\b\n'), 'unknown');
    assert.equal(readCoreLayout('[core]\n\tbare = maybe\n'), 'unknown');
    // A continued value in core swallows the next header: `bare` below is still core's.
    assert.equal(readCoreLayout('[core]\n\tnote = a \\\n[x]\n\tbare = true\n'), 'unknown');
  });
});

describe('HEAD read from files', () => {
  /** What git says: `git rev-parse -q --verify HEAD^{commit}` (empty when unborn). */
  const gitHead = (repo: TestRepo, cwd = repo.dir) => repo.git(['rev-parse', '-q', '--verify', 'HEAD^{commit}'], { cwd, allowFailure: true }).stdout.trim() || undefined;
  const gitDirOf = (repo: TestRepo, cwd = repo.dir) => path.resolve(cwd, repo.git(['rev-parse', '--absolute-git-dir'], { cwd }).stdout.trim());

  it('unborn, loose, packed, detached and in a linked worktree: the same as git says', (t) => {
    const repo = createRepo(t);
    const cases: [string, string | undefined | 'unknown', string | undefined][] = [];
    const check = (name: string, cwd = repo.dir) => cases.push([name, headFromFiles(gitDirOf(repo, cwd)), gitHead(repo, cwd)]);
    check('unborn');
    repo.git(['commit', '-q', '--allow-empty', '-m', 'chore: one']);
    check('loose');
    repo.git(['pack-refs', '--all']);
    check('packed');
    repo.git(['commit', '-q', '--allow-empty', '-m', 'chore: two']);
    check('loose over packed');
    repo.git(['checkout', '-q', '--detach']);
    check('detached');
    repo.git(['checkout', '-q', '--orphan', 'feature/orphan']);
    check('orphan branch');
    repo.git(['checkout', '-q', '-f', 'main']);
    const linked = path.join(makeTempDir(t), 'linked');
    repo.git(['worktree', 'add', '-q', '-b', 'feature/linked', linked]);
    check('linked worktree', linked);
    for (const [name, fromFiles, git] of cases) assert.equal(fromFiles, git, name);
    assert.ok(cases.filter(([, fromFiles]) => fromFiles !== undefined).length >= 4);
  });

  it('leaves to git what it does not read: a symbolic ref behind the branch, a ref outside refs/heads, reftable', (t) => {
    const repo = createRepo(t);
    repo.git(['commit', '-q', '--allow-empty', '-m', 'chore: one']);
    repo.git(['symbolic-ref', 'refs/heads/alias', 'refs/heads/main']);
    repo.git(['symbolic-ref', 'HEAD', 'refs/heads/alias']);
    const gitDir = gitDirOf(repo);
    assert.equal(headFromFiles(gitDir), 'unknown');
    fs.writeFileSync(path.join(gitDir, 'HEAD'), 'ref: refs/remotes/origin/main\n');
    assert.equal(headFromFiles(gitDir), 'unknown');
    fs.writeFileSync(path.join(gitDir, 'HEAD'), 'ref: refs/heads/.invalid\n');
    assert.equal(headFromFiles(gitDir), 'unknown');
  });
});
