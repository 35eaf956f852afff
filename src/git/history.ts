/** Questions about branches, commits and remotes asked by the cold commands (`pr`, `doctor`). */
import { git } from './exec.js';
import type { Repository } from './repo.js';

/** True when `ref` names a commit (`develop`, `origin/develop`). */
export function refExists(repo: Pick<Repository, 'root'>, ref: string): boolean {
  return git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd: repo.root, okCodes: [1, 128] }).status === 0;
}

export interface CommitSummary {
  sha: string;
  subject: string;
}

/**
 * The commits in `base..head`, oldest first, merges left out.
 * `git log -z --format=%H%x1f%s` prints records separated by NUL:
 *   3f2a…\x1ffeat: add login form\0 9c1b…\x1ffix: handle empty input\0
 */
export function listCommits(repo: Pick<Repository, 'root'>, base: string, head: string): CommitSummary[] {
  const out = git(['log', '-z', '--reverse', '--no-merges', '--format=%H%x1f%s', `${base}..${head}`], { cwd: repo.root }).stdout;
  return out
    .split('\0')
    .map((record) => record.replace(/^\n/, ''))
    .filter(Boolean)
    .map((record) => {
      const [sha = '', subject = ''] = record.split('\x1f');
      return { sha, subject };
    });
}

/** The URL of a remote, or undefined when it has none. */
export function readRemoteUrl(repo: Pick<Repository, 'root'>, remote: string): string | undefined {
  const result = git(['remote', 'get-url', remote], { cwd: repo.root, okCodes: [2, 128] });
  return result.status === 0 ? result.stdout.trim() : undefined;
}
