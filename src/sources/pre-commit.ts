/**
 * Builds the Change a commit is about to make: the branch it lands on, the repository's state
 * (first commit, merge or rebase in progress) and the staged files, read from the index.
 */
import { getStagedFiles } from '../git/staged.js';
import { hasAnyBranch } from '../git/refs.js';
import { detectOperation, readCurrentBranch, readHeadCommit, type Repository } from '../git/repo.js';
import type { Change } from '../types.js';

export function collectPreCommitChange(repo: Repository): Change {
  const head = readHeadCommit(repo);
  const operation = detectOperation(repo);
  // Only an unborn HEAD costs the extra question: is this the repository's first commit, or an orphan branch?
  const firstCommit = head === undefined && !hasAnyBranch(repo);
  return {
    stage: 'pre-commit',
    branch: readCurrentBranch(repo),
    files: getStagedFiles(repo, head !== undefined),
    repo: { root: repo.root, gitDir: repo.gitDir, hasHead: head !== undefined, firstCommit, ...(operation ? { operation } : {}) },
  };
}
