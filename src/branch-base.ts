/**
 * Where a branch merges into in the team workflow (WORKFLOW.md "Merge routes"): `pr` opens its
 * pull request against it, `audit` counts how far the branch is behind it.
 */

/** @param exists whether a branch of that name exists (locally or on the remote) */
export function baseBranchOf(branch: string, exists: (name: string) => boolean): string {
  const production = ['main-production', 'main', 'master'].find(exists) ?? 'main';
  if (/^hotfix\/v1-critical-/.test(branch) && exists('legacy-v1-production')) return 'legacy-v1-production';
  if (/^(hotfix|release)\//.test(branch)) return production;
  return exists('develop') ? 'develop' : production;
}
