/**
 * commit-message: every commit message follows Conventional Commits, linted by commitlint.
 *
 * Why: release notes and the next SemVer version are computed from commit types, and reviewers
 * scan history by them.
 *
 * Config: `commits.rules` overrides single commitlint rules; a repository's own commitlint
 * config is used when present (`commits.useCommitlintConfig: false` turns that off). Both are
 * resolved before the check runs (src/commitlint/setup.ts, called by the engine): the check
 * lints with the setup its context hands it and reads no file.
 *   { "commits": { "rules": { "header-max-length": [2, "always", 72] } } }
 */
import lint from '@commitlint/lint';
import type { LintOutcome, QualifiedRules } from '@commitlint/types';
import { isBotMessage } from '../commitlint/bots.js';
import { messages } from '../messages.js';
import { suggestHeader } from './commit-message.suggest.js';
import { lintSetup, type Check } from './check.js';
import type { Problem } from '../types.js';

const text = messages.commitMessage;

export const commitMessage: Check = {
  id: 'commit-message',
  why: text.why,
  async run(change, context) {
    const setup = lintSetup(context);
    const problems: Problem[] = [];
    for (const message of change.messages ?? []) {
      if (isBotMessage(message)) continue;
      const fix = text.fix(context.stage, message.commit, change.repo);
      if (message.text.trim() === '') {
        problems.push({ message: text.empty, commit: message.commit, fix });
        continue;
      }
      const outcome = await lint(message.text, setup.rules, setup.options);
      if (outcome.valid && outcome.warnings.length === 0) continue;
      // The example is a rewritten header: it helps with what the header got wrong, and would
      // only repeat a valid header beside a body or footer problem.
      const headerProblem = [...outcome.errors, ...outcome.warnings].some((problem) => HEADER_RULE.test(problem.name));
      const example = headerProblem ? await validExample(message.text, setup, change.branch, context.mask) : undefined;
      problems.push(...describeOutcome(outcome, example, fix, message.commit));
    }
    return problems;
  },
};

/** commitlint's rules about the header line (type, scope, subject, the header as a whole). */
const HEADER_RULE = /^(header|type|scope|subject)-/;

function describeOutcome(outcome: LintOutcome, example: string | undefined, fix: string, commit?: string): Problem[] {
  const failed = [...outcome.errors, ...outcome.warnings];
  // A header with no "type: " prefix fails both type-empty and subject-empty, and "subject may
  // not be empty" confuses someone who wrote one: say once what shape the header needs.
  const names = new Set(failed.map((problem) => problem.name));
  const unparsed = names.has('type-empty') && names.has('subject-empty');
  return failed
    .filter((problem) => !(unparsed && problem.name === 'subject-empty'))
    .map((problem) => ({
      severity: problem.level === 2 ? 'error' : 'warning',
      message: text.problem(unparsed && problem.name === 'type-empty' ? text.noType : problem.message, problem.name, HEADER_RULE.test(problem.name) ? example : undefined),
      // The text folds subject-empty into type-empty; the machine-readable ids stay commitlint's.
      rules: unparsed && problem.name === 'type-empty' ? ['type-empty', 'subject-empty'] : [problem.name],
      commit,
      fix,
    }));
}

/** A valid header built from the user's own words, or undefined when none passes the rules. */
async function validExample(
  message: string,
  setup: { rules: QualifiedRules; options: Parameters<typeof lint>[2] },
  branch: string | undefined,
  mask: ((text: string) => Promise<string>) | undefined,
): Promise<string | undefined> {
  // Masked before it is reshaped (cut to length, lower-cased): a cut token no longer matches a rule.
  const raw = message.split('\n', 1)[0] ?? '';
  const header = mask ? await mask(raw) : raw;
  const suggestion = suggestHeader(header, setup.rules, branch);
  const check = await lint(suggestion, setup.rules, setup.options);
  return check.valid ? suggestion : undefined;
}
