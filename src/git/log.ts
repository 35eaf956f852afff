/**
 * Questions about a range of commits already in history, for `verify`: which commits a range holds (one
 * `git log`), what each of them added (one `git log -p`, streamed), and whether the base of a
 * range is there at all (shallow clones).
 */
import { GitError } from '../errors.js';
import { messages } from '../messages.js';
import { git, gitAsync } from './exec.js';
import { OBJECT_ID, runCache } from './run-cache.js';
import type { Repository } from './repo.js';
import type { CommitInfo } from '../types.js';

/**
 * The commits to read: `revisions` are shas (`<head>`, `^<base>`), given after --end-of-options;
 * `options` are rev-list pseudo-options placed before them (`--not --branches --remotes --not`
 * for "not on any other branch").
 */
export interface RevisionRange {
  options: string[];
  revisions: string[];
}

/** A commit with its full message, as listed by {@link listRangeCommits}. */
export interface LoggedCommit extends CommitInfo {
  message: string;
}

/** The sha a ref or revision names, or undefined when the repository does not have it (asked once per run, src/git/run-cache.ts). */
export function resolveCommit(repo: Pick<Repository, 'root'>, revision: string): string | undefined {
  const commits = runCache(repo).commits;
  const known = commits.get(revision);
  if (known !== undefined) return known ?? undefined;
  const result = git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`], { cwd: repo.root, okCodes: [1, 128] });
  const sha = result.status === 0 ? result.stdout.trim() : undefined;
  commits.set(revision, sha ?? null);
  return sha;
}

/**
 * Why {@link resolveCommit} found no commit, as the error verify stops with: the revision names
 * a blob or a tree (a tag may point at any object), or the repository lacks it (`absent`, else
 * "fetch it").
 */
export function unresolvedRevision(repo: Pick<Repository, 'root'>, revision: string, which: 'base' | 'head', absent?: GitError): GitError {
  // `^{}` peels annotated tags down to the object they finally name.
  const result = git(['cat-file', '-t', '--end-of-options', `${revision}^{}`], { cwd: repo.root, okCodes: [1, 128] });
  const type = result.status === 0 ? result.stdout.trim() : '';
  if (type !== '' && type !== 'commit') return new GitError(messages.verify.notACommit(revision, which, type), messages.verify.notACommitFix(revision));
  return absent ?? new GitError(messages.verify.revisionMissing(revision, which), messages.verify.fetchFix(revision));
}

/** The best common ancestor, or undefined when the two histories share none (or the clone is too shallow to see it). */
export function mergeBase(repo: Pick<Repository, 'root'>, a: string, b: string): string | undefined {
  const result = git(['merge-base', a, b], { cwd: repo.root, okCodes: [1] });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/**
 * Every commit in `range` (e.g. `<head> ^<base>`), newest first, in one process.
 * `git log -z --format=%H%x00%P%x00%an%x00%ae%x00%cn%x00%ce%x00%B` prints seven NUL-separated
 * fields per commit and a NUL between commits:
 *   4f2c…\0 9a1b… 77de…\0Ann\0ann@example.com\0Bob\0bob@example.com\0feat: add login\n\nbody\n\0<next commit>…
 * A message cannot contain NUL (git refuses it), so splitting on NUL is exact.
 */
export function listRangeCommits(repo: Pick<Repository, 'root'>, range: RevisionRange): LoggedCommit[] {
  if (range.revisions.length === 0) return [];
  return parseRangeLog(git(rangeLogArgs(range), { cwd: repo.root }).stdout);
}

/** {@link listRangeCommits} without blocking the event loop: `audit` asks it while history streams. */
export async function listRangeCommitsAsync(repo: Pick<Repository, 'root'>, range: RevisionRange): Promise<LoggedCommit[]> {
  if (range.revisions.length === 0) return [];
  return parseRangeLog((await gitAsync(rangeLogArgs(range), { cwd: repo.root })).stdout);
}

function rangeLogArgs(range: RevisionRange): string[] {
  return ['log', '-z', '--format=%H%x00%P%x00%an%x00%ae%x00%cn%x00%ce%x00%B', ...range.options, '--end-of-options', ...range.revisions, '--'];
}

function parseRangeLog(stdout: string): LoggedCommit[] {
  const fields = stdout.split('\0');
  const commits: LoggedCommit[] = [];
  for (let i = 0; i + 6 < fields.length; i += 7) {
    const message = fields[i + 6]!.replace(/\n+$/, '');
    commits.push({
      sha: fields[i]!.replace(/^\n/, ''),
      parents: fields[i + 1] ? fields[i + 1]!.split(' ') : [],
      author: { name: fields[i + 2]!, email: fields[i + 3]! },
      committer: { name: fields[i + 4]!, email: fields[i + 5]! },
      subject: message.split('\n', 1)[0] ?? '',
      message,
    });
  }
  markFirstParents(commits);
  return commits;
}

/** Marks the commits on the newest commit's first-parent chain: what landed on the branch itself. */
function markFirstParents(commits: LoggedCommit[]): void {
  const bySha = new Map(commits.map((commit) => [commit.sha, commit]));
  for (let commit = commits[0]; commit; commit = bySha.get(commit.parents[0] ?? '')) {
    if (commit.firstParent) break;
    commit.firstParent = true;
  }
}

/** The long form of a ref (`develop` → `refs/heads/develop`), or undefined when it names no branch or tag. */
export function fullRefName(repo: Pick<Repository, 'root'>, ref: string): string | undefined {
  // A full object id names that object, not a branch (git reads it so first): no process to ask.
  if (OBJECT_ID.test(ref)) return undefined;
  // Nor does a revision with a suffix (`main~1`, `HEAD^`, `v1^{commit}`, `HEAD:file`): no ref name
  // may contain ~ ^ : (git-check-ref-format), and git prints no name for such a revision anyway.
  if (/[~^:]/.test(ref)) return undefined;
  // No branch or tag name starts with '-', and such a word would be read as an option. Not
  // `--end-of-options`: before git 2.41 this rev-parse mode prints it back as if it were a name.
  if (ref.startsWith('-')) return undefined;
  const result = git(['rev-parse', '--symbolic-full-name', ref], { cwd: repo.root, okCodes: [128] });
  const name = result.stdout.trim();
  return result.status === 0 && name.startsWith('refs/') ? name : undefined;
}
