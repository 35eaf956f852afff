/**
 * Named questions about the repository. Output is parsed from NUL- or newline-separated
 * forms documented next to each call.
 */
import fs from 'node:fs';
import path from 'node:path';
import { GitError } from '../errors.js';
import { messages } from '../messages.js';
import { git } from './exec.js';
import { runCache } from './run-cache.js';

export interface Repository {
  /** Absolute path of the work tree's top level. */
  root: string;
  /** Absolute path of the git directory (`.git`, or the worktree's own under `.git/worktrees/`). */
  gitDir: string;
}

/**
 * Locates the repository around `cwd`.
 * `git rev-parse --show-toplevel --absolute-git-dir --is-shallow-repository` prints three lines
 * (the last one kept for refs.ts's isShallowRepository: CI's questions cost no extra process):
 *   /home/ann/app
 *   /home/ann/app/.git
 *   false
 */
export function findRepository(cwd: string, env: NodeJS.ProcessEnv = process.env): Repository {
  const fromHook = repositoryFromHookEnvironment(cwd, env);
  if (fromHook) return fromHook;
  const result = git(['rev-parse', '--show-toplevel', '--absolute-git-dir', '--is-shallow-repository'], { cwd, okCodes: [128] });
  if (result.status !== 0) {
    if (/not a git repository/i.test(result.stderr)) {
      throw new GitError(messages.notARepository(cwd), messages.notARepositoryFix);
    }
    throw new GitError(messages.gitFailed(['rev-parse', '--show-toplevel'], result.stderr), messages.gitFailedFix);
  }
  const [root, gitDir, shallow] = result.stdout.split('\n');
  if (!root || !gitDir) {
    // A bare repository has a git dir but no work tree: hooks that need files cannot run there.
    throw new GitError(messages.notARepository(cwd), messages.notARepositoryFix);
  }
  const repo = { root, gitDir };
  if (shallow === 'true' || shallow === 'false') runCache(repo).shallow = shallow === 'true';
  return repo;
}

/**
 * Git runs hooks from the top of the work tree and exports GIT_PREFIX to them; with no GIT_DIR
 * or GIT_WORK_TREE override, the repository is `cwd/.git` (a directory, or a `gitdir:` file in
 * linked worktrees and submodules). Reading that saves the hook a git process (~3 ms).
 */
function repositoryFromHookEnvironment(cwd: string, env: NodeJS.ProcessEnv): Repository | undefined {
  if (env.GIT_PREFIX === undefined || env.GIT_DIR !== undefined || env.GIT_WORK_TREE !== undefined) return undefined;
  const dotGit = path.join(cwd, '.git');
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dotGit);
  } catch {
    return undefined;
  }
  if (stat.isDirectory()) return { root: cwd, gitDir: dotGit };
  const pointer = /^gitdir: (.+)$/m.exec(fs.readFileSync(dotGit, 'utf8'))?.[1]?.trim();
  return pointer ? { root: cwd, gitDir: path.resolve(cwd, pointer) } : undefined;
}

/** `git config --get <key>`: the value, or undefined when unset (git exits 1). */
export function readConfigValue(repo: Pick<Repository, 'root'>, key: string): string | undefined {
  const result = git(['config', '--get', key], { cwd: repo.root, okCodes: [1] });
  return result.status === 0 ? result.stdout.replace(/\n$/, '') : undefined;
}

/**
 * Several config values in one git process (hooks pay ~5 ms a process). Keys come back
 * lower-cased, as git prints them: `{ 'core.commentchar': ';' }`. Raw output of
 * `git config -z --get-regexp`: `core.commentchar\n;\0commit.cleanup\nstrip\0`.
 */
export function readConfigValues(repo: Pick<Repository, 'root'>, keys: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  // The last value of a key wins, as with `git config --get`.
  for (const [key, value] of readConfigEntries(repo, keys)) values[key] = value;
  return values;
}

/**
 * Every value of the keys, in the order git applies them (system, global, local, `git -c`):
 * for aliases such as `core.commentChar`/`core.commentString`, the last of either wins.
 */
export function readConfigEntries(repo: Pick<Repository, 'root'>, keys: readonly string[]): [key: string, value: string][] {
  const pattern = `^(${keys.map((key) => key.toLowerCase().replace(/\./g, '\\.')).join('|')})$`;
  const result = git(['config', '-z', '--get-regexp', pattern], { cwd: repo.root, okCodes: [1] });
  if (result.status !== 0) return [];
  return result.stdout.split('\0').flatMap((entry): [string, string][] => {
    const newline = entry.indexOf('\n');
    return newline > 0 ? [[entry.slice(0, newline), entry.slice(newline + 1)]] : [];
  });
}

/** git ≥ 2.45 reads `core.commentString` as an alias of `core.commentChar`, and either may be a string. */
export const COMMENT_KEYS = ['core.commentChar', 'core.commentString'] as const;

/** The comment string git applies: the last value of either alias (entries as {@link readConfigEntries} returns them). */
export function configuredCommentString(entries: readonly (readonly [string, string])[]): string | undefined {
  return entries.filter(([key]) => key === 'core.commentchar' || key === 'core.commentstring').pop()?.[1];
}

/** Which multi-step operation is in progress, read from the marker files git leaves in its dir. */
export function detectOperation(repo: Repository): 'merge' | 'rebase' | 'cherry-pick' | 'revert' | 'bisect' | undefined {
  const has = (name: string) => fs.existsSync(path.join(repo.gitDir, name));
  if (has('rebase-merge') || has('rebase-apply')) return 'rebase';
  if (has('MERGE_HEAD')) return 'merge';
  if (has('CHERRY_PICK_HEAD')) return 'cherry-pick';
  if (has('REVERT_HEAD')) return 'revert';
  if (has('BISECT_LOG')) return 'bisect';
  return undefined;
}

/**
 * The checked-out branch's short name, or undefined on a detached HEAD. Read from the HEAD file
 * (`ref: refs/heads/feature/login`) rather than spawning `git symbolic-ref`: hooks run this on
 * every commit. An unborn branch (no commits yet) still has its name here.
 */
export function readCurrentBranch(repo: Repository): string | undefined {
  let head: string;
  try {
    head = fs.readFileSync(path.join(repo.gitDir, 'HEAD'), 'utf8').trim();
  } catch {
    return undefined;
  }
  const match = /^ref: refs\/heads\/(.+)$/.exec(head);
  return match?.[1];
}

/** The commit HEAD points at, or undefined on an unborn branch (a repository with no commits yet). */
export function readHeadCommit(repo: Repository): string | undefined {
  const result = git(['rev-parse', '-q', '--verify', 'HEAD^{commit}'], { cwd: repo.root, okCodes: [1] });
  return result.status === 0 ? result.stdout.trim() : undefined;
}
