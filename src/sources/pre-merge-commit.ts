/**
 * Builds the Change a local merge is about to record (git runs `pre-merge-commit` before it
 * writes a merge commit; not for a fast-forward, nor for a merge stopped by conflicts, whose
 * conclusion runs pre-commit). Only the branch matters: what the merge brings in was checked
 * when it was committed on the other branch, and is checked again when it is pushed.
 */
import { readCurrentBranch, type Repository } from '../git/repo.js';
import type { Change } from '../types.js';

export function collectPreMergeCommitChange(repo: Repository): Change {
  return { stage: 'pre-merge-commit', branch: readCurrentBranch(repo), files: [], repo: { root: repo.root, gitDir: repo.gitDir, hasHead: true, firstCommit: false } };
}
