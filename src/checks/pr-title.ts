/**
 * pr-title: the pull request title is a valid Conventional Commit header.
 *
 * Why: with squash merges the title becomes the commit message on the target branch, so it is
 * linted with the same commitlint rules as every commit (`commits.rules`, the repository's own
 * commitlint config).
 */
import lint from '@commitlint/lint';
import { messages } from '../messages.js';
import { suggestHeader } from './commit-message.suggest.js';
import { lintSetup, type Check } from './check.js';

const text = messages.prTitle;

export const prTitle: Check = {
  id: 'pr-title',
  why: text.why,
  async run(change, context) {
    const title = change.pullRequest?.title;
    if (title === undefined) return [];
    const setup = lintSetup(context);
    const outcome = await lint(title, setup.rules, setup.options);
    if (outcome.valid && outcome.warnings.length === 0) return [];
    // Masked before it is reshaped (cut to length, lower-cased): a cut token no longer matches a rule.
    const suggestion = suggestHeader(context.mask ? await context.mask(title) : title, setup.rules, change.branch);
    const example = (await lint(suggestion, setup.rules, setup.options)).valid ? suggestion : undefined;
    const fix = text.fix(change.pullRequest?.number, change.ci?.provider);
    return [...outcome.errors, ...outcome.warnings].map((problem) => ({
      severity: problem.level === 2 ? ('error' as const) : ('warning' as const),
      message: text.problem(problem.message, problem.name, example, change.ci?.provider),
      fix,
    }));
  },
};
