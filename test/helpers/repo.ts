/**
 * Real git repositories in temp directories for integration tests: an isolated HOME and git
 * config (no user or system settings leak in), a bare `origin` on request, and the built CLI
 * on PATH the way husky puts it there (`node_modules/.bin`). Everything is removed in t.after.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { SHARE_ENV, Worker } from 'node:worker_threads';
import type { MainReply, MainRequest } from './main-thread.js';

export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const CLI = path.join(PACKAGE_ROOT, 'dist/cli.cjs');
const HUSKY_BIN = path.join(PACKAGE_ROOT, 'node_modules/husky/bin.js');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, for assertions that do not care which stream. */
  output: string;
}

export function makeTempDir(t: TestContext, prefix = 'mcflow-test-'): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  t.after(() => removeSoon(dir));
  return dir;
}

/**
 * `rm -rf dir…`. Node's recursive rmSync walks a tree in JavaScript, trying rmdir on every
 * directory first and building an error for each refusal; on repositories full of loose objects
 * that cost the suite more CPU than the git commands that made them. Where there is no `rm`
 * (Windows), or it fails, fs.rmSync does the same job.
 */
export function removeTree(...dirs: string[]): void {
  if (dirs.length === 0) return;
  if (process.platform !== 'win32' && spawnSync('rm', ['-rf', '--', ...dirs]).status === 0 && !dirs.some((dir) => fs.existsSync(dir))) return;
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
}

/** Temp dirs of finished tests, not yet removed (removeSoon), and how many may wait. */
const finished: string[] = [];
const REMOVE_BATCH = 16;

/**
 * Removes `dir` with the next few finished tests' dirs, in one `rm`: a process per test's
 * repository was hundreds of `rm` starts per run (each a fork of this large process). At most
 * REMOVE_BATCH small trees wait; the last go when the process exits.
 */
function removeSoon(dir: string): void {
  finished.push(dir);
  if (finished.length >= REMOVE_BATCH) removeTree(...finished.splice(0));
}

/** An environment with nothing from the developer's machine: own HOME, no system git config, no colour. */
export function isolatedEnv(home: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const key of ['PATH', 'SYSTEMROOT', 'TMPDIR', 'LANG']) if (process.env[key]) env[key] = process.env[key];
  return {
    ...env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Test Author',
    GIT_AUTHOR_EMAIL: 'author@example.com',
    GIT_COMMITTER_NAME: 'Test Author',
    GIT_COMMITTER_EMAIL: 'author@example.com',
    NO_COLOR: '1',
    ...extra,
  };
}

function toResult(result: SpawnSyncReturns<string>): RunResult {
  const stdout = result.stdout ?? '';
  const stderr = result.stderr ?? '';
  return { code: result.status ?? -1, stdout, stderr, output: stdout + stderr };
}

export class TestRepo {
  readonly home: string;
  constructor(
    readonly dir: string,
    readonly env: NodeJS.ProcessEnv,
  ) {
    this.home = env.HOME!;
  }

  /** Runs git; throws with git's output unless it exits 0 or `allowFailure` is set. */
  git(args: string[], options: { allowFailure?: boolean; input?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {}): RunResult {
    const result = toResult(
      spawnSync('git', args, {
        cwd: options.cwd ?? this.dir,
        env: { ...this.env, ...options.env },
        input: options.input,
        encoding: 'utf8',
      }),
    );
    if (result.code !== 0 && !options.allowFailure) {
      throw new Error(`git ${args.join(' ')} exited ${result.code}:\n${result.output}`);
    }
    return result;
  }

  /**
   * Runs a command in this process through the front door, `main(argv, io)`, in this repository:
   * the same arguments, environment, stdin and exit code as the bin, without starting node.
   */
  run(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<RunResult> {
    return runMain(args, { cwd: options.cwd ?? this.dir, env: { ...this.env, ...options.env }, input: options.input });
  }

  /** Runs the built mcflow-hooks CLI (dist/cli.cjs) in a process of its own, in this repository. */
  cli(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {}): RunResult {
    return runCli(args, { cwd: options.cwd ?? this.dir, env: { ...this.env, ...options.env }, input: options.input });
  }

  /**
   * `git commit -q -m message` with the pre-commit and commit-msg hooks that `hooks` names run
   * in-process, as husky's hook files run them (`mcflow-hooks run <hook>`), from the top of the
   * work tree with git's hook variables; then, when they pass, the commit itself with
   * --no-verify. A refused commit exits 1 with the hook's output, as `git commit` does. Tests of
   * what git itself does around a hook (amend, `commit -a`, cleanup modes) use real husky instead.
   */
  async commitThroughMain(message: string, hooks: readonly ('pre-commit' | 'commit-msg')[], options: { env?: NodeJS.ProcessEnv; args?: string[] } = {}): Promise<RunResult> {
    const env = { GIT_PREFIX: '', GIT_EDITOR: ':', ...options.env };
    let output = '';
    let stdout = '';
    let stderr = '';
    const hook = async (args: string[]): Promise<boolean> => {
      const result = await this.run(args, { env });
      output += result.output;
      stdout += result.stdout;
      stderr += result.stderr;
      return result.code === 0;
    };
    const refused = () => ({ code: 1, stdout, stderr, output });
    if (hooks.includes('pre-commit') && !(await hook(['run', 'pre-commit', ...(options.args ?? [])]))) return refused();
    if (hooks.includes('commit-msg')) {
      const file = path.resolve(this.dir, this.git(['rev-parse', '--git-path', 'COMMIT_EDITMSG']).stdout.trim());
      fs.writeFileSync(file, `${message}\n`);
      if (!(await hook(['run', 'commit-msg', file]))) return refused();
    }
    const made = this.git(['commit', '-q', '--no-verify', '-m', message], { allowFailure: true, env: options.env });
    return { code: made.code, stdout: stdout + made.stdout, stderr: stderr + made.stderr, output: output + made.output };
  }

  /**
   * `git switch -q args` without the post-checkout hook (or any other): set-up, not what is
   * tested. Tests of post-checkout itself switch with `git`, through the hook.
   */
  switchQuietly(...args: string[]): void {
    this.git(['-c', 'core.hooksPath=/dev/null', 'switch', '-q', ...args]);
  }

  /**
   * `git fast-import --quiet` of `stream`: a long history built in one process. glibc's malloc
   * would hand memory back to the kernel and ask for it again on every object (over 100 000 brk
   * calls for 10 000 commits, three quarters of the import's CPU); a 64 MiB top pad keeps it.
   * Set-up only: no tested process runs with that setting.
   */
  fastImport(stream: string): void {
    this.git(['fast-import', '--quiet'], { input: stream, env: { GLIBC_TUNABLES: 'glibc.malloc.top_pad=67108864' } });
  }

  write(file: string, content: string | Buffer): string {
    const full = path.join(this.dir, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
    return full;
  }

  read(file: string): string {
    return fs.readFileSync(path.join(this.dir, file), 'utf8');
  }

  /**
   * Commits everything staged (or an empty commit), bypassing hooks: test setup, not the thing
   * tested. Every hook, not only the two --no-verify skips: prepare-commit-msg and post-commit
   * still run under it, a husky stub each (sh, dirname, basename) and, where a test installed
   * one, a Node start, on every set-up commit of a hooked repository.
   */
  commitQuietly(message: string): string {
    this.git(['-c', 'core.hooksPath=/dev/null', 'commit', '--allow-empty', '--no-verify', '-q', '-m', message]);
    return this.head();
  }

  /**
   * Installs real husky hooks (`core.hooksPath=.husky/_`) with the given hook files, and puts
   * the built CLI on the PATH husky uses, as `npm install mcflow-hooks` would.
   */
  installHooks(hooks: Record<string, string>): void {
    const bin = path.join(this.dir, 'node_modules/.bin');
    fs.mkdirSync(bin, { recursive: true });
    fs.writeFileSync(path.join(bin, 'mcflow-hooks'), `#!/bin/sh\nexec node "${CLI}" "$@"\n`, { mode: 0o755 });
    const gitDir = this.plainGitDir();
    const config = gitDir && path.join(gitDir, 'config');
    if (config && !/hookspath/i.test(fs.readFileSync(config, 'utf8'))) {
      // What husky writes, copied from its own output (see huskyOutput) with the one line of
      // config `git config core.hooksPath .husky/_` adds: a node start saved per repository.
      fs.cpSync(huskyOutput(), path.join(this.dir, '.husky/_'), { recursive: true });
      fs.appendFileSync(config, '[core]\n\thooksPath = .husky/_\n');
    } else {
      // A linked worktree, a GIT_DIR, a hooksPath already set: real husky decides what happens.
      const result = toResult(spawnSync(process.execPath, [HUSKY_BIN], { cwd: this.dir, env: this.env, encoding: 'utf8' }));
      if (result.code !== 0) throw new Error(`husky failed: ${result.output}`);
    }
    for (const [name, body] of Object.entries(hooks)) {
      fs.writeFileSync(path.join(this.dir, '.husky', name), body, { mode: 0o755 });
    }
    const exclude = gitDir ? path.join(gitDir, 'info/exclude') : path.resolve(this.dir, this.git(['rev-parse', '--git-path', 'info/exclude']).stdout.trim());
    fs.mkdirSync(path.dirname(exclude), { recursive: true });
    fs.appendFileSync(exclude, 'node_modules/\n');
  }

  /**
   * `<dir>/.git` when it is this repository's own git directory (a directory, no GIT_DIR or
   * GIT_WORK_TREE in the environment), where the helpers may read and write git's files without
   * asking git; undefined for linked worktrees, submodules and subdirectories.
   */
  private plainGitDir(): string | undefined {
    if (this.env.GIT_DIR || this.env.GIT_WORK_TREE || this.env.GIT_COMMON_DIR) return undefined;
    const gitDir = path.join(this.dir, '.git');
    return fs.statSync(gitDir, { throwIfNoEntry: false })?.isDirectory() ? gitDir : undefined;
  }

  /** HEAD's commit, read from the files a commit just wrote; rev-parse wherever they are not plain. */
  head(): string {
    const gitDir = this.plainGitDir();
    if (gitDir) {
      const head = fs.readFileSync(path.join(gitDir, 'HEAD'), 'utf8').trim();
      const ref = /^ref: (refs\/heads\/.+)$/.exec(head)?.[1];
      // a commit always leaves the branch it moved as a loose ref; packed-only refs take rev-parse
      const sha = ref ? readIfExists(path.join(gitDir, ref))?.trim() : head;
      if (sha && /^[0-9a-f]{40}$/.test(sha)) return sha;
    }
    return this.git(['rev-parse', 'HEAD']).stdout.trim();
  }
}

function readIfExists(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

let huskyTemplate: string | undefined;

/**
 * What husky 9 writes into `.husky/_` (its `h` script, one stub per hook, a .gitignore), made by
 * the real husky bin once per test process in a repository of its own. The files do not depend
 * on the repository, so installHooks copies them instead of starting node for husky each time.
 */
function huskyOutput(): string {
  if (huskyTemplate) return huskyTemplate;
  const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mcflow-husky-')));
  atExit.push(() => removeTree(base));
  const env = isolatedEnv(base);
  const init = toResult(spawnSync('git', ['init', '-q', base], { env, encoding: 'utf8' }));
  if (init.code !== 0) throw new Error(`git init failed: ${init.output}`);
  const result = toResult(spawnSync(process.execPath, [HUSKY_BIN], { cwd: base, env, encoding: 'utf8' }));
  const template = path.join(base, '.husky/_');
  if (result.code !== 0 || !fs.existsSync(path.join(template, 'h'))) throw new Error(`husky failed: ${result.output}`);
  huskyTemplate = template;
  return template;
}

/**
 * The repository a pull request comes from: `files` committed on `main`, a `develop` branch
 * there, and `branch` checked out from develop (the work the tests then add).
 */
export function createFeatureRepo(t: TestContext, files: Record<string, string>, branch = 'feature/change'): TestRepo {
  // Built once per file for each set of files and branch (repoFromTemplate), copied for each test.
  return repoFromTemplate(t, `feature repo ${JSON.stringify([files, branch])}`, (fileScope) => {
    const repo = createRepo(fileScope);
    for (const [file, content] of Object.entries({ 'README.md': 'hello\n', ...files })) repo.write(file, content);
    repo.git(['add', '.']);
    repo.commitQuietly('chore: initial commit');
    repo.git(['branch', 'develop']);
    repo.git(['checkout', '-q', '-b', branch, 'develop']);
    return repo;
  });
}

/**
 * The test HOME's global git config: it stops the housekeeping git starts after commits, fetches
 * and pushes (`git maintenance run --auto`, `gc --auto`, receive-pack's auto gc), a process per
 * commit that no test asserts on and the suite paid for hundreds of times. It sits in the global
 * file rather than the environment because receive-pack behind a local push drops GIT_CONFIG_*.
 */
const QUIET_GIT_CONFIG = '[maintenance]\n\tauto = false\n[gc]\n\tauto = 0\n[receive]\n\tautogc = false\n';

/** A fresh repository on branch `main` (or `branch`), with an optional bare `origin`. */
export function createRepo(t: TestContext, options: { branch?: string; origin?: boolean } = {}): TestRepo & { origin?: string } {
  const base = makeTempDir(t);
  const home = path.join(base, 'home');
  const dir = path.join(base, 'work');
  fs.mkdirSync(home);
  fs.mkdirSync(dir);
  // The config cache falls back to the temp dir when a repository has no node_modules: keep it in the test's own.
  const tmp = path.join(base, 'tmp');
  fs.mkdirSync(tmp);
  const env = isolatedEnv(home, { TMPDIR: tmp });
  fs.writeFileSync(path.join(home, '.gitconfig'), QUIET_GIT_CONFIG);
  const repo = new TestRepo(dir, env) as TestRepo & { origin?: string };
  initRepository(path.join(dir, '.git'), options.branch ?? 'main', false);
  // What `git config commit.gpgsign false`, `… tag.gpgsign false` and `git remote add origin`
  // write, written at once: setup, not what is tested, and hundreds of repositories per run.
  let config = '[commit]\n\tgpgsign = false\n[tag]\n\tgpgsign = false\n';
  if (options.origin) {
    const origin = path.join(base, 'origin.git');
    initRepository(origin, options.branch ?? 'main', true);
    config += `[remote "origin"]\n\turl = ${JSON.stringify(origin)}\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n`;
    repo.origin = origin;
  }
  fs.appendFileSync(path.join(dir, '.git', 'config'), config);
  return repo;
}

/**
 * What `git init -q [--bare] --initial-branch=<branch>` writes, into `gitDir`: a copy of a git
 * directory that git itself initialised once per test process (pristineGitDir), with HEAD on
 * `branch`. The files do not depend on the repository's path; a git start per repository did.
 */
function initRepository(gitDir: string, branch: string, bare: boolean): void {
  fs.cpSync(pristineGitDir(bare), gitDir, { recursive: true });
  fs.writeFileSync(path.join(gitDir, 'HEAD'), `ref: refs/heads/${branch}\n`);
}

const pristine = new Map<boolean, string>();

/** A git directory fresh from `git init` (bare or not), in the same temp file system as the tests' own. */
function pristineGitDir(bare: boolean): string {
  const made = pristine.get(bare);
  if (made) return made;
  const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mcflow-init-')));
  atExit.push(() => removeTree(base));
  fs.writeFileSync(path.join(base, '.gitconfig'), QUIET_GIT_CONFIG);
  const target = path.join(base, 'repo');
  const init = toResult(spawnSync('git', ['init', '-q', ...(bare ? ['--bare'] : []), target], { env: isolatedEnv(base), encoding: 'utf8' }));
  if (init.code !== 0) throw new Error(`git init failed: ${init.output}`);
  const gitDir = bare ? target : path.join(target, '.git');
  pristine.set(bare, gitDir);
  return gitDir;
}

export function runCli(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; input?: string; bin?: string }): RunResult {
  return toResult(
    spawnSync(process.execPath, [options.bin ?? CLI, ...args], {
      cwd: options.cwd,
      env: options.env ?? isolatedEnv(os.tmpdir()),
      input: options.input ?? '',
      encoding: 'utf8',
    }),
  );
}

/**
 * `main(argv, io)` in this process: what the bin does, with stdout and stderr captured and the
 * exit code returned. Not a terminal (as under spawnSync), so no colour unless FORCE_COLOR says so.
 * It runs on a worker thread of this process (helpers/main-thread.ts says why), one per test
 * process, started on first use and kept referenced only while a run is under way.
 */
export function runMain(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; input?: string }): Promise<RunResult> {
  const request: MainRequest = { id: ++lastRequest, args: [...args], cwd: options.cwd, env: { ...(options.env ?? isolatedEnv(os.tmpdir())) }, input: options.input };
  return new Promise((resolve, reject) => {
    const thread = mainThread();
    pending.set(request.id, { resolve, reject });
    thread.ref();
    thread.postMessage(request);
  });
}

let worker: Worker | undefined;
let lastRequest = 0;
const pending = new Map<number, { resolve: (result: RunResult) => void; reject: (error: unknown) => void }>();

function mainThread(): Worker {
  if (worker) return worker;
  const thread = new Worker(new URL('./main-thread.js', import.meta.url), { env: SHARE_ENV });
  thread.on('message', (reply: MainReply) => {
    const waiting = pending.get(reply.id);
    pending.delete(reply.id);
    if (pending.size === 0) thread.unref();
    if (!waiting) return;
    if ('error' in reply) waiting.reject(reply.error);
    else waiting.resolve({ code: reply.code, stdout: reply.stdout, stderr: reply.stderr, output: reply.stdout + reply.stderr });
  });
  // An error the thread did not catch (an unhandled rejection in a command): every run waiting
  // on it fails with that error, and the next run gets a new thread.
  thread.on('error', (error) => {
    worker = undefined;
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  });
  thread.on('exit', (code) => {
    if (worker === thread) worker = undefined;
    for (const waiting of pending.values()) waiting.reject(new Error(`the thread running main() exited (code ${code}) before it answered`));
    pending.clear();
  });
  worker = thread;
  return thread;
}

const templates = new Map<string, TestRepo>();

/**
 * A copy (copyRepo) of the repository `build` makes, built on first use under `key` and kept
 * for the rest of the test file: a set-up shared by many tests is made once, and each test
 * still gets a repository of its own to change. `build` gets a context that lives as long as
 * the file (fileContext). Keys are per test file: `npm test` runs many files in one process
 * (scripts/test.mjs), and two files' `hooked` templates are different repositories.
 */
export function repoFromTemplate<R extends TestRepo>(t: TestContext, key: string, build: (fileScope: TestContext) => R): R {
  const fileKey = `${callingTestFile()}\0${key}`;
  if (!templates.has(fileKey)) templates.set(fileKey, build(fileContext()));
  return copyRepo(t, templates.get(fileKey) as R);
}

/** The test file on the call stack (the nearest `*.test.js` frame), '' when there is none. */
function callingTestFile(): string {
  const stack = new Error().stack ?? '';
  return /[^\s(]+\.test\.[cm]?js/.exec(stack)?.[0] ?? '';
}

/**
 * A stand-in for a test's context that lives as long as the test file: what a repository built
 * once per file (and copied per test with copyRepo) is made with. Its temp dirs go at exit.
 */
export function fileContext(): TestContext {
  return { after: (fn: () => void) => atExit.push(fn) } as unknown as TestContext;
}

// One exit listener for all of them: a listener each would trip Node's leak warning past ten.
// The first entry runs last: what removeSoon still holds.
const atExit: (() => void)[] = [() => removeTree(...finished.splice(0))];
process.on('exit', () => {
  for (const fn of atExit.reverse()) fn();
});

/**
 * A copy of a repository made by createRepo (work tree, .git, its HOME and TMPDIR, the bare
 * origin) in a fresh temp dir of this test's: set-up built once per file instead of replayed
 * by every test. Paths of the original in .git/config, the environment and string fields
 * (origin, …) point at the copy, and the index is refreshed, since copies get new inodes and
 * ctimes that would otherwise make every tracked file look modified.
 */
export function copyRepo<R extends TestRepo>(t: TestContext, template: R): R {
  const from = path.dirname(template.dir);
  if (path.basename(template.dir) !== 'work' || template.home !== path.join(from, 'home')) {
    throw new Error(`copyRepo copies repositories made by createRepo, not ${template.dir}`);
  }
  // Linked worktrees and submodules keep absolute paths in files of their own: not copied here.
  for (const kept of ['worktrees', 'modules']) {
    if (fs.existsSync(path.join(template.dir, '.git', kept))) throw new Error(`copyRepo does not copy a repository with .git/${kept}: build it in the test`);
  }
  const to = makeTempDir(t);
  fs.cpSync(from, to, { recursive: true, preserveTimestamps: true, verbatimSymlinks: true });
  const move = (value: string) => value.split(from + path.sep).join(to + path.sep).replace(new RegExp(`^${escapeRegExp(from)}$`), to);
  const config = path.join(to, 'work/.git/config');
  if (fs.existsSync(config)) fs.writeFileSync(config, move(fs.readFileSync(config, 'utf8')));
  const env = Object.fromEntries(Object.entries(template.env).map(([key, value]) => [key, value === undefined ? value : move(value)]));
  const copy = new TestRepo(path.join(to, 'work'), env) as R;
  for (const [key, value] of Object.entries(template)) {
    if (!(key in copy)) (copy as Record<string, unknown>)[key] = typeof value === 'string' ? move(value) : value;
  }
  if (fs.existsSync(path.join(to, 'work/.git/index'))) copy.git(['update-index', '-q', '--refresh'], { allowFailure: true });
  return copy;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
