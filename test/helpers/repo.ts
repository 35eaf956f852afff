/**
 * Real git repositories in temp directories for integration tests: an isolated HOME and git
 * config (no user or system settings leak in), a bare `origin` on request, and the built CLI
 * on PATH the way husky puts it there (`node_modules/.bin`). Everything is removed in t.after.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli.js';

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
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
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

  write(file: string, content: string | Buffer): string {
    const full = path.join(this.dir, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
    return full;
  }

  read(file: string): string {
    return fs.readFileSync(path.join(this.dir, file), 'utf8');
  }

  /** Commits everything staged (or an empty commit), bypassing hooks: test setup, not the thing tested. */
  commitQuietly(message: string): string {
    this.git(['commit', '--allow-empty', '--no-verify', '-q', '-m', message]);
    return this.git(['rev-parse', 'HEAD']).stdout.trim();
  }

  /**
   * Installs real husky hooks (`core.hooksPath=.husky/_`) with the given hook files, and puts
   * the built CLI on the PATH husky uses, as `npm install mcflow-hooks` would.
   */
  installHooks(hooks: Record<string, string>): void {
    const bin = path.join(this.dir, 'node_modules/.bin');
    fs.mkdirSync(bin, { recursive: true });
    fs.writeFileSync(path.join(bin, 'mcflow-hooks'), `#!/bin/sh\nexec node "${CLI}" "$@"\n`, { mode: 0o755 });
    const result = toResult(spawnSync(process.execPath, [HUSKY_BIN], { cwd: this.dir, env: this.env, encoding: 'utf8' }));
    if (result.code !== 0) throw new Error(`husky failed: ${result.output}`);
    for (const [name, body] of Object.entries(hooks)) {
      fs.writeFileSync(path.join(this.dir, '.husky', name), body, { mode: 0o755 });
    }
    const exclude = this.git(['rev-parse', '--git-path', 'info/exclude']).stdout.trim();
    fs.mkdirSync(path.dirname(path.resolve(this.dir, exclude)), { recursive: true });
    fs.appendFileSync(path.resolve(this.dir, exclude), 'node_modules/\n');
  }
}

/**
 * The repository a pull request comes from: `files` committed on `main`, a `develop` branch
 * there, and `branch` checked out from develop (the work the tests then add).
 */
export function createFeatureRepo(t: TestContext, files: Record<string, string>, branch = 'feature/change'): TestRepo {
  const repo = createRepo(t);
  for (const [file, content] of Object.entries({ 'README.md': 'hello\n', ...files })) repo.write(file, content);
  repo.git(['add', '.']);
  repo.commitQuietly('chore: initial commit');
  repo.git(['branch', 'develop']);
  repo.git(['checkout', '-q', '-b', branch, 'develop']);
  return repo;
}

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
  const repo = new TestRepo(dir, env) as TestRepo & { origin?: string };
  repo.git(['init', '-q', `--initial-branch=${options.branch ?? 'main'}`]);
  // What `git config commit.gpgsign false`, `… tag.gpgsign false` and `git remote add origin`
  // write, written at once: setup, not what is tested, and hundreds of repositories per run.
  let config = '[commit]\n\tgpgsign = false\n[tag]\n\tgpgsign = false\n';
  if (options.origin) {
    const origin = path.join(base, 'origin.git');
    repo.git(['init', '-q', '--bare', `--initial-branch=${options.branch ?? 'main'}`, origin]);
    config += `[remote "origin"]\n\turl = ${JSON.stringify(origin)}\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n`;
    repo.origin = origin;
  }
  fs.appendFileSync(path.join(dir, '.git', 'config'), config);
  return repo;
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
 */
export async function runMain(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; input?: string }): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const stdin = Object.assign(Readable.from(options.input ? [Buffer.from(options.input)] : []), { isTTY: false });
  const code = await main([...args], {
    cwd: options.cwd,
    env: { ...(options.env ?? isolatedEnv(os.tmpdir())) },
    stdout: { write: (text: string) => ((stdout += String(text)), true), isTTY: false },
    stderr: { write: (text: string) => ((stderr += String(text)), true), isTTY: false },
    stdin,
  });
  return { code, stdout, stderr, output: stdout + stderr };
}
