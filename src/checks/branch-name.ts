/**
 * branch-name: work branches are named by type and slug (`feature/login-form`).
 *
 * Why: branch names decide which CI pipeline runs and where it deploys, and tell reviewers what
 * a branch is for at a glance.
 *
 * Rules, the first broken one reported: a valid git name, at most `branches.maxLength`
 * characters, lower-case kebab-case parts (`branches.kebabCase`), and a match of
 * `branches.allowed`. Protected and bot branches (`branches.bots`) keep their names. The
 * message suggests a valid name derived from the bad one, with the `git branch -m` command.
 * post-checkout only warns (it never blocks a checkout); pre-commit follows the configured
 * level; pre-push checks the remote name of every branch pushed, so a bad name never reaches
 * the shared repository (deleting one is always fine).
 *   { "checks": { "branch-name": { "pre-commit": "warning", "pre-push": "error" } },
 *     "branches": { "allowed": ["feature/*", "bugfix/*"], "maxLength": 60 } }
 */
import { messages, shellQuote } from '../messages.js';
import type { Problem } from '../types.js';
import { compileBranchRules, findBranchViolation, suggestBranchName, type BranchRules } from './branch-name.rules.js';
import type { Check } from './check.js';
import { kindOf } from '../ref-update.js';

const text = messages.branchName;
const BRANCH_PREFIX = 'refs/heads/';

export const branchName: Check = {
  id: 'branch-name',
  why: text.why,
  async run(change, context) {
    const rules = compileBranchRules(context.config);
    const mask = context.mask ?? (async (name: string) => name);
    if (change.stage !== 'pre-push') {
      if (change.branch === undefined) return [];
      const problem = await inspect(change.branch, mask, rules, (suggestion) => text.renameCurrent(suggestion, rules.allowedPatterns));
      if (!problem) return [];
      // A checkout has happened already: the hook can only inform, never block.
      return [change.stage === 'post-checkout' ? { ...problem, severity: 'warning' } : problem];
    }
    const remote = change.remote?.name ?? 'origin';
    const problems: Problem[] = [];
    for (const update of change.refUpdates ?? []) {
      if (!update.remoteRef.startsWith(BRANCH_PREFIX) || kindOf(update) === 'delete') continue;
      const name = update.remoteRef.slice(BRANCH_PREFIX.length);
      const local = update.localRef.startsWith(BRANCH_PREFIX) ? update.localRef.slice(BRANCH_PREFIX.length) : update.localRef;
      const onRemote = kindOf(update) !== 'create';
      const problem = await inspect(name, mask, rules, (suggestion) =>
        text.renamePushed(shellQuote(local), shellQuote(name), suggestion, remote, onRemote),
      );
      if (problem) problems.push({ ...problem, commit: update.localSha });
    }
    return problems;
  },
};

/**
 * The suggestion is built from the name with any secret masked (loaded only for a bad name): it
 * reshapes the name (lower case, `_` → `-`), and a reshaped token no longer matches the rule
 * that masks it in the report.
 */
async function inspect(
  name: string,
  mask: (text: string) => Promise<string>,
  rules: BranchRules,
  fixFor: (suggestion: string | undefined) => string,
): Promise<Problem | undefined> {
  const violation = findBranchViolation(name, rules);
  if (!violation) return undefined;
  return {
    message: text.invalid(name, violation.rule, violation.detail),
    ref: `${BRANCH_PREFIX}${name}`,
    fix: fixFor(suggestBranchName(await mask(name), rules)),
  };
}
