/**
 * The one place mcflow-hooks runs git. Synchronous on purpose: a hook asks git a handful of
 * short questions in sequence, and spawnSync is the cheapest way to do that in Node.
 */
import type { SpawnSyncOptions, SpawnSyncReturns } from 'node:child_process';
import { createRequire } from 'node:module';
import { environment } from '../environment.js';
import { GitError } from '../errors.js';
import { messages } from '../messages.js';

export interface GitOptions {
  cwd: string;
  /** Written to git's stdin. */
  input?: string | Buffer;
  /** Exit codes that are answers, not failures (`git config --get` exits 1 for "unset"). */
  okCodes?: readonly number[];
  /** Keep stdout as bytes (`stdoutBuffer`): blob contents are not always UTF-8. */
  binary?: boolean;
  /** Variables set (or, as undefined, removed) on top of the usual environment. */
  env?: NodeJS.ProcessEnv;
}

export interface GitResult {
  status: number;
  stdout: string;
  stderr: string;
  /** Set with `binary: true`. */
  stdoutBuffer?: Buffer;
}

type ChildProcess = typeof import('node:child_process');
let childProcess: ChildProcess | undefined;

/**
 * `child_process` is loaded on first use: loading it costs ~3 ms, and a commit-msg hook that
 * finds the repository from git's hook environment often needs no git process at all.
 */
function spawnSync(args: readonly string[], options: SpawnSyncOptions): SpawnSyncReturns<Buffer> {
  childProcess ??= createRequire(import.meta.url)('node:child_process') as ChildProcess;
  return childProcess.spawnSync('git', [...QUIET, ...args], options) as SpawnSyncReturns<Buffer>;
}

/**
 * The environment of every git we start (the command's, see environment.ts): no editor, pager,
 * prompt or optional lock, ever. And the real objects: a `git replace` ref or an
 * `info/grafts` file would show another commit, tree or parent in place of the one a push sends
 * and a pull request merges (git for Windows reads /dev/null as nul too).
 */
function gitEnv(): NodeJS.ProcessEnv {
  return { ...environment(), GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', GIT_OPTIONAL_LOCKS: '0', GIT_NO_REPLACE_OBJECTS: '1', GIT_GRAFT_FILE: '/dev/null' };
}

/**
 * Before every command: a graft file that exists, even /dev/null, makes every git that walks
 * commits print an 8-line "grafts are deprecated" advice on stderr (git ≥ 2.18), which buried
 * the reason of any failure under it.
 */
const QUIET = ['-c', 'advice.graftFileDeprecated=false'] as const;

/** What a git object missing from the clone looks like on stderr, from the commands we run. */
const OBJECT_MISSING = /unable to read [0-9a-f]{7,}|missing (blob|tree|commit|tag)( object)?\b|bad object [0-9a-f]{7,}|could not get object info|\b[0-9a-f]{40,64} missing\b|loose object [0-9a-f]+ .*is corrupt|packfile .* cannot be accessed/i;

export function git(args: readonly string[], options: GitOptions): GitResult {
  const result = spawnSync(args, {
    cwd: options.cwd,
    input: options.input,
    maxBuffer: 1024 * 1024 * 1024,
    // Never let git open an editor or a pager, or ask for credentials, from inside a hook.
    env: { ...gitEnv(), ...options.env },
  });
  if (result.error) throw gitFailure(args, result.error.message, (result.error as NodeJS.ErrnoException).code);
  const status = result.status ?? 128;
  const stderr = result.stderr.toString('utf8');
  if (status !== 0 && !(options.okCodes ?? []).includes(status)) throw gitFailure(args, stderr);
  if (options.binary) return { status, stdout: '', stderr, stdoutBuffer: result.stdout };
  return { status, stdout: result.stdout.toString('utf8'), stderr };
}

/**
 * `git()` without blocking the event loop, for questions asked while a long stream is being read
 * (the audit's branch questions overlap its history scan). Same environment, same errors.
 */
export function gitAsync(args: readonly string[], options: Omit<GitOptions, 'binary'>): Promise<GitResult> {
  childProcess ??= createRequire(import.meta.url)('node:child_process') as ChildProcess;
  return new Promise((resolve, reject) => {
    const child = childProcess!.spawn('git', [...QUIET, ...args], {
      cwd: options.cwd,
      env: { ...gitEnv(), ...options.env },
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout!.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr!.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) => reject(gitFailure(args, error.message, error.code)));
    child.on('close', (code) => {
      const status = code ?? 128;
      const stderr = Buffer.concat(err).toString('utf8');
      if (status !== 0 && !(options.okCodes ?? []).includes(status)) reject(gitFailure(args, stderr));
      else resolve({ status, stdout: Buffer.concat(out).toString('utf8'), stderr });
    });
    if (child.stdin) {
      // A git that exits before reading all its input closes the pipe: its exit code tells what happened.
      child.stdin.on('error', () => {});
      child.stdin.end(options.input);
    }
  });
}

/**
 * A long-running git whose output is read as a stream (the content reader's `git log -p`, the
 * object store's `cat-file --batch-command`): the caller owns its pipes. Same environment.
 */
export function spawnGit(args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv; stderr?: 'pipe' | 'inherit' | 'ignore' }): import('node:child_process').ChildProcessByStdio<import('node:stream').Writable, import('node:stream').Readable, import('node:stream').Readable | null> {
  childProcess ??= createRequire(import.meta.url)('node:child_process') as ChildProcess;
  return childProcess.spawn('git', [...QUIET, ...args], {
    cwd: options.cwd,
    env: { ...gitEnv(), ...options.env },
    stdio: ['pipe', 'pipe', options.stderr ?? 'pipe'],
  }) as never;
}

/**
 * The GitError for a git that could not start or exited with `stderr`: git's own reason, and
 * for an object the clone lacks (a partial clone without its remote, a damaged one) how to find
 * and fetch what is missing rather than "run it yourself".
 */
export function gitFailure(args: readonly string[], reason: string, code?: string): GitError {
  if (code === 'ENOENT') return new GitError(messages.gitMissing, messages.gitMissingFix);
  return new GitError(messages.gitFailed(args, reason), OBJECT_MISSING.test(reason) ? messages.gitObjectsMissingFix : messages.gitFailedFix);
}
