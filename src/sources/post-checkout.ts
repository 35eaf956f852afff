/**
 * post-checkout gets `<previous HEAD> <new HEAD> <flag>`; flag 1 means a branch was checked out
 * (created or switched to), 0 a file checkout, which says nothing about branches.
 */
import { readCurrentBranch, type Repository } from '../git/repo.js';
import type { Change } from '../types.js';

export function collectPostCheckoutChange(repo: Repository, args: string[]): Change {
  const isBranchCheckout = args[2] === '1';
  return {
    stage: 'post-checkout',
    ...(isBranchCheckout ? { branch: readCurrentBranch(repo) } : {}),
    repo: { root: repo.root, gitDir: repo.gitDir },
  };
}
