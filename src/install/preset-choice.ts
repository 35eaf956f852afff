/**
 * The preset that fits the repository when `--preset` is not given: gitflow when a `develop` (or
 * `main-production`) branch exists, locally or on origin, github-flow otherwise. The remote's default branch
 * (`origin/HEAD`) names the production branch when it is not `main`.
 */
import { git } from '../git/exec.js';

export interface PresetChoice {
  preset: 'gitflow' | 'github-flow';
  /** Why, for the line init prints. */
  reason: string;
  /** The default branch, when origin names one. */
  defaultBranch?: string;
}

/**
 * `git for-each-ref --format=%(refname)` prints one full ref name per line:
 *   refs/heads/main
 *   refs/remotes/origin/develop
 */
export function listBranchNames(root: string): Set<string> {
  const out = git(['for-each-ref', '--format=%(refname)', 'refs/heads', 'refs/remotes/origin'], { cwd: root }).stdout;
  const names = new Set<string>();
  for (const ref of out.split('\n')) {
    const name = ref.replace(/^refs\/heads\/|^refs\/remotes\/origin\//, '');
    if (name && name !== 'HEAD' && name !== ref) names.add(name);
  }
  return names;
}

/** `git symbolic-ref refs/remotes/origin/HEAD` prints `refs/remotes/origin/main`; unset after a plain `git init`. */
export function readDefaultBranch(root: string): string | undefined {
  const result = git(['symbolic-ref', '-q', 'refs/remotes/origin/HEAD'], { cwd: root, okCodes: [1, 128] });
  const fromOrigin = result.status === 0 ? result.stdout.trim().replace(/^refs\/remotes\/origin\//, '') || undefined : undefined;
  if (fromOrigin) return fromOrigin;
  // No origin/HEAD (made with `git init`, the remote added later): `master`, git's own default
  // branch name, is the production branch when there is no `main`; left alone it would be open.
  const branches = listBranchNames(root);
  return branches.has('master') && !branches.has('main') ? 'master' : undefined;
}

export function choosePreset(root: string): PresetChoice {
  const branches = listBranchNames(root);
  const defaultBranch = readDefaultBranch(root);
  const gitflowBranch = ['develop', 'main-production'].find((name) => branches.has(name));
  if (gitflowBranch) return { preset: 'gitflow', reason: `a ${gitflowBranch} branch exists`, ...(defaultBranch ? { defaultBranch } : {}) };
  const shown = [...branches].sort().slice(0, 5).join(', ') || 'none yet';
  const reason = `no develop branch (branches: ${shown}${defaultBranch ? `; origin's default: ${defaultBranch}` : ''})`;
  return { preset: 'github-flow', reason, ...(defaultBranch ? { defaultBranch } : {}) };
}
