import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { prTitle } from './pr-title.js';
import type { CheckContext } from './check.js';
import { resolveLintSetup } from '../commitlint/setup.js';

const context: CheckContext = { config: {}, stage: 'verify' };
const check = async (title: string | undefined) =>
  prTitle.run({ stage: 'verify', branch: 'feature/login', ci: { provider: 'github', event: 'pull-request' }, pullRequest: { title, number: 3 } }, { ...context, commitlint: await resolveLintSetup(context.config, undefined) });

describe('pr-title', () => {
  for (const title of ['feat: add login form', 'fix(auth)!: reject expired tokens']) {
    it(`accepts ${JSON.stringify(title)}`, async () => assert.deepEqual(await check(title), []));
  }

  it('rejects a title that is no Conventional Commit, with an example and the gh command', async () => {
    const problems = await check('Add login form');
    assert.ok(problems.length > 0);
    assert.match(problems[0]!.message, /^Pull request title: .*\((subject|type)-empty\); for example: "feat: add login form"$/);
    assert.equal(problems[0]!.fix, 'edit the title: gh pr edit 3 --title "<type>(<scope>): <summary>"');
  });

  it('on GitLab, names the merge request and the glab command', async () => {
    const problems = await prTitle.run({ stage: 'verify', branch: 'feature/login', ci: { provider: 'gitlab', event: 'pull-request' }, pullRequest: { title: 'Add login', number: 9 } }, { ...context, commitlint: await resolveLintSetup(context.config, undefined) });
    assert.match(problems[0]!.message, /^Merge request title: /);
    assert.equal(problems[0]!.fix, 'edit the title: glab mr update 9 --title "<type>(<scope>): <summary>"');
  });

  it('does nothing without a title (push events)', async () => assert.deepEqual(await check(undefined), []));
});
