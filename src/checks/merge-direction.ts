/**
 * merge-direction: a pull request goes where the workflow says its branch may go.
 *
 * Why: each long-lived branch receives changes from known places only (`feature/*` → `develop`
 * → `main`), so a release contains exactly what was reviewed and tested on the way.
 *
 * Config: `pullRequests.routes` maps a target branch glob to the source globs it accepts;
 * targets not listed accept anything.
 *
 * Forks: a fork's branch name is chosen by whoever opened the pull request, so `release/v9.9.9`
 * from a fork is not this repository's release branch. A fork's pull request takes no route into
 * a production branch (`branches.production`), and its branch may not pose as a protected or bot
 * branch; work branches (`feature/*` into `develop`) take their routes as usual.
 *   { "pullRequests": { "routes": { "main-production": ["release/*", "hotfix/*"] } } }
 */
import { compileMatcher } from '../config/glob.js';
import { messages } from '../messages.js';
import type { Check } from './check.js';

const text = messages.mergeDirection;

export const mergeDirection: Check = {
  id: 'merge-direction',
  why: text.why,
  run(change, context) {
    const { branch: source, targetBranch: target } = change;
    if (change.ci?.event !== 'pull-request' || !source || !target) return [];
    const fork = change.pullRequest?.fork;
    if (fork) {
      const branches = context.config.branches;
      const production = compileMatcher(branches?.production ?? [])(target);
      const posing = compileMatcher([...(branches?.protected ?? []), ...(branches?.bots ?? [])])(source);
      if (production || posing) {
        return [{ message: text.fromFork(fork, source, target, production), ref: `refs/heads/${source}`, fix: text.forkFix(source, fork) }];
      }
    }
    const routes = Object.entries(context.config.pullRequests?.routes ?? {});
    const rules = routes.filter(([targetGlob]) => compileMatcher([targetGlob])(target));
    if (rules.length === 0 || rules.some(([, sources]) => compileMatcher(sources)(source))) return [];
    // Where the branch may go instead: concrete target names (globs like `release/*` are not places).
    const allowed = routes
      .filter(([targetGlob, sources]) => !/[*?[{]/.test(targetGlob) && compileMatcher(sources)(source))
      .map(([targetGlob]) => targetGlob);
    const path = findRoute(routes, source, target);
    return [
      {
        message: text.refused(source, target, allowed) + (path ? text.route(path) : ''),
        ref: `refs/heads/${source}`,
        fix: text.fix(change.pullRequest?.number, allowed[0], change.ci?.provider),
      },
    ];
  },
};

/** The shortest chain of merges from `source` to `target` over concrete branch names, if any. */
export function findRoute(routes: [string, string[]][], source: string, target: string): string[] | undefined {
  const named = routes.filter(([targetGlob]) => !/[*?[{]/.test(targetGlob));
  const queue: string[][] = [[source]];
  const seen = new Set([source]);
  while (queue.length > 0) {
    const path = queue.shift()!;
    const here = path[path.length - 1]!;
    for (const [next, sources] of named) {
      if (seen.has(next) || !compileMatcher(sources)(here)) continue;
      if (next === target) return [...path, next];
      seen.add(next);
      queue.push([...path, next]);
    }
  }
  return undefined;
}
