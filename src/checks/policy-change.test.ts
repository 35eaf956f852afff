import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { McflowConfig } from '../config/types.js';
import type { Change, PolicyReview } from '../types.js';
import { changedFile } from './check.fixtures.js';
import { policyChange } from './policy-change.js';

type Config = Omit<McflowConfig, 'extends'>;
const BASE: Config = {
  checks: { secrets: 'error', 'branch-name': { 'pre-commit': 'warning', 'pre-push': 'error' } },
  branches: { protected: ['main', 'develop'] },
  secrets: { ignore: ['test/fixtures/**'] },
  policy: { reviewedLabel: 'policy-reviewed' },
};

function review(head: Config | undefined, extra: Partial<PolicyReview> = {}): PolicyReview {
  return { base: BASE, head, headFile: '.mcflowrc.json', lockViolations: [], event: 'pull-request', label: 'policy-reviewed', ...extra };
}
const run = async (policyReview: PolicyReview, files: Change['files'] = []) =>
  policyChange.run({ stage: 'verify', policyReview, files, pullRequest: { number: 9 } }, { config: {}, stage: 'verify' });
const messages = (problems: { message: string }[]) => problems.map((p) => p.message);

describe('policy-change', () => {
  it('lists each weakening of the target branch policy, as errors pointing at the config', async () => {
    const head: Config = {
      ...BASE,
      checks: { secrets: 'warning', 'branch-name': 'off' },
      branches: { protected: ['main'], maxLength: 200 },
      secrets: { ignore: ['**'], allow: [{ fingerprint: '0123456789abcdef', reason: 'x' }] },
      files: { maxSize: '50 MB', allowSensitive: ['**'] },
    };
    const problems = await run(review(head));
    assert.deepEqual(messages(problems), [
      'This change weakens the policy: checks.branch-name warning → off at pre-commit; error → off at post-checkout, pre-push, verify',
      'This change weakens the policy: checks.secrets error → warning at pre-commit, commit-msg, pre-push, verify, audit',
      'This change weakens the policy: branches.protected removes "develop"',
      'This change weakens the policy: branches.maxLength 100 → 200',
      'This change weakens the policy: secrets.allow adds "0123456789abcdef"',
      'This change weakens the policy: secrets.ignore adds "**"',
      'This change weakens the policy: files.maxSize 5.0 MB → 50.0 MB',
      'This change weakens the policy: files.allowSensitive adds "**"',
    ]);
    assert.ok(problems.every((p) => p.severity === undefined && p.file === '.mcflowrc.json'));
    assert.equal(problems[0]!.fix, "undo it, or have it reviewed and accepted: gh pr edit 9 --add-label policy-reviewed   (GitLab: add the label to the merge request)");
  });

  it('reports nothing for a policy made stricter', async () => {
    const head: Config = { ...BASE, checks: { ...BASE.checks, 'branch-name': 'error' }, branches: { protected: ['main', 'develop', 'release/*'], maxLength: 50 }, secrets: { ignore: [] }, files: { maxSize: '1 MB' } };
    assert.deepEqual(await run(review(head)), []);
  });

  it('lists inline markers the change adds (file and line), not ones already there nor in ignored files', async () => {
    const files = [
      changedFile('src/a.ts', 'const a = 1;\n// mcflow-allow-secret: demo\nconst k = "x";\n'),
      changedFile('src/b.ts', '// mcflow-allow-secret: old\nconst k = "y";\n// mcflow-allow-secret: new\n', { added: [3] }),
      changedFile('test/fixtures/c.ts', '// mcflow-allow-secret\n'),
    ];
    const problems = await run(review(BASE), files);
    assert.deepEqual(problems.map((p) => [p.file, p.line]), [['src/a.ts', 2], ['src/b.ts', 3]]);
    assert.match(problems[0]!.message, /adds an inline "mcflow-allow-secret" marker/);
  });

  it('lists a marker in text the secrets check decodes: UTF-16, or UTF-8 with a stray NUL', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('const a = 1;\nconst k = "x"; // mcflow-allow-secret\n', 'utf16le')]);
    const files = [
      changedFile('src/wide.ts', utf16),
      changedFile('src/nul.ts', 'const a = "\u0000";\nconst k = "x"; // mcflow-allow-secret\n'),
      changedFile('src/old.ts', Buffer.from('// mcflow-allow-secret: old\nconst k = "y";\n', 'utf16le'), { added: [2] }),
    ];
    const problems = await run(review(BASE), files);
    assert.deepEqual(problems.map((p) => [p.file, p.line]), [['src/wide.ts', 2], ['src/nul.ts', 2]]);
  });

  it('lists a marker in a file named like a lockfile: the secrets check scans those too', async () => {
    const files = [changedFile('deploy/yarn.lock', 'x\n# mcflow-allow-secret: fine\n'), changedFile('package-lock.json', '{\n"k": "v" // mcflow-allow-secret\n}\n')];
    const problems = await run(review(BASE), files);
    assert.deepEqual(problems.map((p) => [p.file, p.line]), [['deploy/yarn.lock', 2], ['package-lock.json', 2]]);
  });

  it('turns into warnings with the reviewed label, but a locked key stays an error', async () => {
    const head: Config = { ...BASE, secrets: { ignore: ['**'] }, branches: { protected: ['main'] } };
    const base: Config = { ...BASE, policy: { ...BASE.policy, locked: ['branches.protected'] } };
    const problems = await run(review({ ...head, policy: base.policy }, { base, acceptedLabel: 'policy-reviewed' }));
    assert.deepEqual(problems.map((p) => [p.severity, p.message]), [
      [undefined, 'This change weakens branches.protected, which a preset locks (policy.locked): removes "develop"'],
      ['warning', 'This change weakens the policy: secrets.ignore adds "**" (accepted: the pull request has the "policy-reviewed" label)'],
    ]);
  });

  it('reports a JS/TS config the change adds, which was not run', async () => {
    const problems = await run(review(undefined, { code: { file: 'mcflow.config.ts', added: true } }));
    assert.deepEqual(messages(problems), ["This change adds the config mcflow.config.ts: it is code, so verify does not run it from a pull request; the target branch's policy applies until it is merged"]);
  });

  it('says so, as a warning, when the target has no policy yet', async () => {
    const problems = await run(review(BASE, { newPolicy: { file: '.mcflowrc.json', code: false } }));
    assert.deepEqual(problems.map((p) => [p.severity, p.message]), [['warning', "The target branch has no mcflow-hooks policy yet: this change's config .mcflowrc.json applies"]]);
  });

  it('masks what it echoes from the config: a value is the pull request author\'s text', async () => {
    const head: Config = { ...BASE, branches: { ...BASE.branches, allowed: ['TOKEN-123'] } };
    const problems = await policyChange.run({ stage: 'verify', policyReview: review(head) }, { config: {}, stage: 'verify', mask: async (text) => text.replace('TOKEN-123', 'TOK****') });
    assert.deepEqual(messages(problems), ['This change weakens the policy: branches.allowed adds "TOK****"']);
  });

  it('runs only where verify resolved a review (never in the hooks)', async () => {
    assert.deepEqual(await policyChange.run({ stage: 'verify' }, { config: {}, stage: 'verify' }), []);
  });

  it('lists a commitlint config the change adds, edits, removes or replaces; a warning with the label or on a push', async () => {
    const cases: [PolicyReview['commitlint'], RegExp][] = [
      [{ file: 'commitlint.config.js', kind: 'added' }, /^This change adds the commitlint config commitlint\.config\.js, .*does not run the change's version.*: the "@commitlint\/config-conventional" preset \(with commits\.rules\) lints the commits until it is merged$/],
      [{ file: '.commitlintrc', kind: 'edited', previous: '.commitlintrc' }, /^This change edits the commitlint config \.commitlintrc, .*: the target branch's \.commitlintrc lints the commits/],
      [{ file: 'package.json', kind: 'removed', previous: 'package.json' }, /^This change removes the commitlint config in package\.json \("commitlint"\), which decides what a valid commit message is: the target branch's package\.json "commitlint" key still lints/],
      [{ file: '.commitlintrc.json', kind: 'replaced', previous: 'commitlint.config.ts' }, /^This change makes the commitlint config \.commitlintrc\.json win over the commitlint config commitlint\.config\.ts/],
    ];
    for (const [commitlint, expected] of cases) {
      const problems = await run(review(BASE, { commitlint }));
      assert.equal(problems.length, 1);
      assert.match(problems[0]!.message, expected);
      assert.deepEqual([problems[0]!.severity, problems[0]!.file], [undefined, commitlint!.file]);
    }
    const commitlint = cases[0]![0];
    assert.equal((await run(review(BASE, { commitlint, acceptedLabel: 'policy-reviewed' })))[0]!.severity, 'warning');
    assert.equal((await run(review(BASE, { commitlint, event: 'push' })))[0]!.severity, 'warning');
    // A changed file alone is not the signal: the review (the trees compared) is.
    assert.deepEqual(await run(review(BASE), [changedFile('commitlint.config.js', '', { status: 'A' })]), []);
  });
});
