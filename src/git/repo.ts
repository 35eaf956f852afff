/**
 * Named questions about the repository. Output is parsed from NUL- or newline-separated
 * forms documented next to each call.
 */
import fs from 'node:fs';
import path from 'node:path';
import { environment } from '../environment.js';
import { GitError } from '../errors.js';
import { messages } from '../messages.js';
import { git, gitFailure } from './exec.js';
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
    throw gitFailure(['rev-parse', '--show-toplevel'], result.stderr);
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
 * Git runs hooks from the top of the work tree and exports GIT_PREFIX to them. Where the answer
 * can be read from files as `git rev-parse --show-toplevel --absolute-git-dir` would give it,
 * that saves the hook a git process (~3 ms CPU, more under load); anything unusual returns
 * undefined and git is asked. Two shapes are read:
 * - no GIT_DIR: the repository is `cwd/.git` (a directory, or a `gitdir:` file);
 * - GIT_DIR set, as git exports it to hooks in linked worktrees and submodules: the work tree is
 *   then the cwd, unless the repository's own config (the only place git reads them from, includes
 *   not followed) sets `core.worktree` (a submodule's points at its checkout: accepted when it
 *   names the cwd) or `core.bare`.
 * GIT_WORK_TREE or GIT_COMMON_DIR set, a config line this reader does not follow, or a git dir
 * without HEAD: git answers.
 */
export function repositoryFromHookEnvironment(cwd: string, env: NodeJS.ProcessEnv): Repository | undefined {
  if (env.GIT_PREFIX === undefined || env.GIT_WORK_TREE !== undefined || env.GIT_COMMON_DIR !== undefined) return undefined;
  if (env.GIT_DIR !== undefined) return repositoryFromGitDir(cwd, env.GIT_DIR);
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

/** The repository of a hook git started with GIT_DIR exported (see above), or undefined to ask git. */
function repositoryFromGitDir(cwd: string, value: string): Repository | undefined {
  if (value === '') return undefined;
  const gitDir = path.resolve(cwd, value);
  try {
    if (!fs.statSync(path.join(gitDir, 'HEAD')).isFile()) return undefined;
    // A linked worktree's config is its common dir's, plus config.worktree when that exists.
    const commonDir = commonDirOf(gitDir);
    for (const file of [path.join(commonDir, 'config'), path.join(gitDir, 'config.worktree')]) {
      const text = readOptional(file);
      if (text === undefined) continue;
      const core = readCoreLayout(text);
      if (core === 'unknown' || core.bare) return undefined;
      // git takes core.worktree relative to the git dir, and runs hooks at the top of the work tree.
      if (core.worktree !== undefined && path.resolve(gitDir, core.worktree) !== cwd) return undefined;
    }
  } catch {
    return undefined;
  }
  return { root: cwd, gitDir };
}

/** Where a git dir's shared parts (config, refs) live: a linked worktree's `commondir` names it. */
function commonDirOf(gitDir: string): string {
  const commondir = readOptional(path.join(gitDir, 'commondir'))?.trim();
  return commondir ? path.resolve(gitDir, commondir) : gitDir;
}

function readOptional(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * `core.bare` and `core.worktree` from one config file's text, or 'unknown' for anything this
 * reader does not follow (in a `[core]` section a quoted, escaped or commented value or a key
 * on the header's line; anywhere, a line continued onto the next): then git reads it.
 */
export function readCoreLayout(text: string): { bare: boolean; worktree?: string } | 'unknown' {
  let inCore = false;
  let bare = false;
  let worktree: string | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    // A continued value could carry what looks like the next section header into the one before.
    if (line.endsWith('\\')) return 'unknown';
    if (line.startsWith('[')) {
      const header = /^\[([^\]]*)\](.*)$/.exec(line);
      if (!header) return 'unknown';
      inCore = header[1]!.trim().toLowerCase() === 'core';
      const rest = header[2]!.trim();
      if (inCore && rest !== '' && !rest.startsWith('#') && !rest.startsWith(';')) return 'unknown';
      continue;
    }
    if (!inCore) continue;
    const entry = /^([A-Za-z][A-Za-z0-9-]*)\s*(?:=\s*(.*))?$/.exec(line);
    if (!entry) return 'unknown';
    const key = entry[1]!.toLowerCase();
    if (key !== 'bare' && key !== 'worktree') continue;
    const value = entry[2];
    if (value !== undefined && /["\\#;]/.test(value)) return 'unknown';
    if (key === 'bare') {
      const flag = (value ?? 'true').toLowerCase();
      if (['true', 'yes', 'on', '1'].includes(flag)) bare = true;
      else if (['false', 'no', 'off', '0', ''].includes(flag)) bare = false;
      else return 'unknown';
    } else {
      if (!value) return 'unknown';
      worktree = value;
    }
  }
  return { bare, ...(worktree !== undefined ? { worktree } : {}) };
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

/**
 * The commit HEAD points at, or undefined on an unborn branch (a repository with no commits yet).
 * Read from the files when they say it plainly (the pre-commit hook asks on every commit, and a
 * git process costs more than the rest of the question), else from git.
 */
export function readHeadCommit(repo: Repository): string | undefined {
  const fromFiles = headFromFiles(repo.gitDir);
  if (fromFiles !== 'unknown') return fromFiles;
  const result = git(['rev-parse', '-q', '--verify', 'HEAD^{commit}'], { cwd: repo.root, okCodes: [1] });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

const OBJECT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/**
 * HEAD as the ref files store it: a detached HEAD holds the commit id; `ref: refs/heads/<name>`
 * names a branch, whose id is in its loose ref file or in `packed-refs` (in the common dir for a
 * linked worktree), and which is unborn when it is in neither. 'unknown' (git answers) for
 * anything else: the reftable format (its HEAD names `refs/heads/.invalid`), a symbolic ref
 * behind the branch, a ref outside refs/heads, an unreadable or unexpected file.
 */
export function headFromFiles(gitDir: string): string | undefined | 'unknown' {
  // git would read the branches from another directory.
  if (environment().GIT_COMMON_DIR !== undefined) return 'unknown';
  try {
    const head = fs.readFileSync(path.join(gitDir, 'HEAD'), 'utf8').trim();
    if (OBJECT_ID.test(head)) return head;
    const branch = /^ref: (refs\/heads\/\S+)$/.exec(head)?.[1];
    if (!branch || branch === 'refs/heads/.invalid' || branch.split('/').some((part) => part === '..' || part === '.')) return 'unknown';
    const commonDir = commonDirOf(gitDir);
    const loose = readOptional(path.join(commonDir, branch))?.trim();
    if (loose !== undefined) return OBJECT_ID.test(loose) ? loose : 'unknown';
    const packed = readOptional(path.join(commonDir, 'packed-refs'));
    if (packed === undefined) return undefined;
    for (const line of packed.split('\n')) {
      if (line.startsWith('#') || line.startsWith('^')) continue;
      const space = line.indexOf(' ');
      if (line.slice(space + 1).trimEnd() !== branch) continue;
      const id = line.slice(0, space);
      return OBJECT_ID.test(id) ? id : 'unknown';
    }
    return undefined;
  } catch {
    return 'unknown';
  }
}
