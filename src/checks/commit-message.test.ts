import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commitMessage } from './commit-message.js';
import type { CheckContext } from './check.js';
import { resolveLintSetup } from '../commitlint/setup.js';
import type { Change } from '../types.js';
import lint from '@commitlint/lint';
import conventional from '@commitlint/config-conventional';
import createPreset from 'conventional-changelog-conventionalcommits';
import type { LintOptions, QualifiedRules } from '@commitlint/types';

const context: CheckContext = { config: {}, stage: 'commit-msg' };
/** The context as the engine hands it: with the commitlint setup its config resolves to. */
const resolved = async (base: CheckContext): Promise<CheckContext> => ({ ...base, commitlint: await resolveLintSetup(base.config, base.root) });
const lintOne = async (text: string, branch?: string) =>
  commitMessage.run({ stage: 'commit-msg', branch, messages: [{ text }] } satisfies Change, await resolved(context));
const rulesOf = (problems: { message: string }[]) => problems.map((p) => /\(([a-z-]+)\)/.exec(p.message)?.[1]).sort();

describe('commit-message', () => {
  const valid = [
    'feat: add login form',
    'fix(auth): reject expired tokens',
    'feat!: drop Node 18',
    'feat(api)!: remove v1 endpoints\n\nBREAKING CHANGE: v1 is gone',
    'docs: explain the release flow\n\nLonger body text.\n\nRefs: #123',
    // commitlint's default ignores: git's own messages and autosquash markers
    "Merge branch 'develop' into feature/login",
    'Merge pull request #42 from acme/feature/login',
    'Revert "feat: add login form"\n\nThis reverts commit 1234567.',
    'fixup! feat: add login form',
    'squash! feat: add login form',
    'amend! feat: add login form',
    // bots sign their commits; their formats are theirs
    'Bump lodash from 4.17.20 to 4.17.21\n\nSigned-off-by: dependabot[bot] <support@github.com>',
  ];
  for (const text of valid) {
    it(`accepts ${JSON.stringify(text.split('\n')[0])}`, async () => {
      assert.deepEqual(await lintOne(text), []);
    });
  }

  const invalid: [string, string[]][] = [
    ['add login form', ['type-empty']],
    ['feature: add login form', ['type-enum']],
    ['Feat: add login form', ['type-case', 'type-enum']],
    ['feat: Add login form.', ['subject-case', 'subject-full-stop']],
    ['feat:add login form', ['type-empty']],
    [`feat: ${'x'.repeat(120)}`, ['header-max-length']],
    ['hotfix: Fix critical security vulnerability', ['subject-case', 'type-enum']],
  ];
  for (const [text, rules] of invalid) {
    it(`rejects ${JSON.stringify(text.slice(0, 40))} with ${rules.join(', ')}`, async () => {
      const problems = await lintOne(text);
      assert.deepEqual(rulesOf(problems), rules);
      for (const problem of problems) {
        assert.equal(problem.severity, 'error');
        assert.match(problem.fix!, /git commit --edit --file=\.git\/COMMIT_EDITMSG/);
      }
    });
  }

  it('carries commitlint\'s own rule ids in `rules`, also where the text folds two into one', async () => {
    const options = { parserOpts: createPreset().parser as LintOptions['parserOpts'] };
    for (const [text] of [...invalid, ['#123 feat: add login'], ['WIP stuff\nbody without a blank line']]) {
      const outcome = await lint(text!, conventional.rules as QualifiedRules, options);
      const expected = [...outcome.errors, ...outcome.warnings].map((problem) => problem.name).sort();
      const ours = (await lintOne(text!)).flatMap((problem) => problem.rules ?? []).sort();
      assert.deepEqual(ours, expected, text);
    }
    const [folded] = await lintOne('add login form');
    assert.deepEqual(folded!.rules, ['type-empty', 'subject-empty']);
  });

  it('shows a valid example built from the user\'s own subject', async () => {
    const [first] = await lintOne('Feature: Add login form.');
    assert.match(first!.message, /for example: "feat: add login form"/);
    const [hotfix] = await lintOne('hotfix: Fix critical security vulnerability');
    assert.match(hotfix!.message, /for example: "fix: fix critical security vulnerability"/);
  });

  it('gives the header example only for header problems, never beside a body or footer one', async () => {
    const long = `feat: add login form\n\n${'word '.repeat(30)}`;
    const [body] = await lintOne(long);
    assert.deepEqual(body!.rules, ['body-max-line-length']);
    assert.doesNotMatch(body!.message, /for example/);
    const both = await lintOne(`Add login form.\n\n${'word '.repeat(30)}`);
    const byRule = new Map(both.map((problem) => [problem.rules![0], problem.message]));
    assert.match(byRule.get('type-empty')!, /for example: "feat: add login form"/);
    assert.doesNotMatch(byRule.get('body-max-line-length')!, /for example/);
  });

  it('takes the example type from the branch when the header has none', async () => {
    const [problem] = await lintOne('Reject expired tokens', 'bugfix/issue-12');
    assert.match(problem!.message, /for example: "fix: reject expired tokens"/);
  });

  it('rejects an empty message', async () => {
    const problems = await lintOne('');
    assert.equal(problems.length, 1);
    assert.match(problems[0]!.message, /empty/);
  });

  it('reports warning-level rules as warnings', async () => {
    const problems = await lintOne('feat: add login form\nno blank line before the body');
    assert.deepEqual(rulesOf(problems), ['body-leading-blank']);
    assert.equal(problems[0]!.severity, 'warning');
  });

  it('applies commits.rules overrides and commits.ignore patterns', async () => {
    const strict: CheckContext = { ...context, config: { commits: { rules: { 'header-max-length': [2, 'always', 20] } } } };
    const problems = await commitMessage.run({ stage: 'commit-msg', messages: [{ text: 'feat: add the login form page' }] }, await resolved(strict));
    assert.deepEqual(rulesOf(problems), ['header-max-length']);
    const ignoring: CheckContext = { ...context, config: { commits: { ignore: ['^WIP\\b'] } } };
    assert.deepEqual(await commitMessage.run({ stage: 'commit-msg', messages: [{ text: 'WIP everything' }] }, await resolved(ignoring)), []);
  });

  it('tells how to reword a commit that already exists', async () => {
    const verify: CheckContext = { ...context, stage: 'verify' };
    const [problem] = await commitMessage.run({ stage: 'verify', messages: [{ text: 'bad', commit: 'a'.repeat(40) }] }, await resolved(verify));
    assert.equal(problem!.commit, 'a'.repeat(40));
    assert.match(problem!.fix!, /git rebase --interactive aaaaaaaaaaaa~1/);
  });
});

describe('commit-message fix command', () => {
  it('quotes a message file whose path holds a space (a linked worktree of a repository in "my repos")', async () => {
    const change: Change = {
      stage: 'commit-msg',
      messages: [{ text: 'bad' }],
      repo: { root: '/tmp/my repos/wt', gitDir: '/tmp/my repos/main/.git/worktrees/wt' },
    };
    const [problem] = await commitMessage.run(change, await resolved(context));
    assert.match(problem!.fix!, /--file='\/tmp\/my repos\/main\/\.git\/worktrees\/wt\/COMMIT_EDITMSG'$/);
  });
});
