import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalise, prBody, readCheckboxes } from './pr-body.js';
import type { CheckContext } from './check.js';

const context: CheckContext = {
  config: { pullRequests: { body: { sections: ['Description', 'Type of change', 'Security'], checkboxes: ['No sensitive data exposed'] } } },
  stage: 'verify',
};
const check = (body: string | undefined) =>
  prBody.run({ stage: 'verify', ci: { provider: 'github', event: 'pull-request' }, pullRequest: { body, number: 9 } }, context) as { message: string }[];

const GOOD = `## 📝 Description
Adds the login form.

## Type of change
- [x] New feature (non-breaking)

## 🔒 Security:
- [x] No sensitive data exposed (no \`.env\`, keys, tokens or passwords in the diff)
- [ ] Input validation implemented
`;

describe('pr-body', () => {
  it('accepts a description that keeps the template', () => assert.deepEqual(check(GOOD), []));

  it('reports a missing section, an empty one, and an unticked required box', () => {
    const body = `## Description\n<!-- describe the change -->\n\n## Security\n- [ ] No sensitive data exposed\n`;
    assert.deepEqual(
      check(body).map((p) => p.message),
      [
        'The "Description" section of the pull request description is empty',
        'The pull request description has no "Type of change" section',
        'The required checkbox "No sensitive data exposed" is not ticked in the pull request description',
      ],
    );
  });

  it('reports every section and box of an empty description', () => {
    assert.equal(check(undefined).length, 4);
    assert.match(check('')[3]!.message, /checkbox "No sensitive data exposed" is missing/);
  });

  it('ignores emoji, case and emphasis in labels', () => {
    assert.equal(normalise('🔒 **Security**:'), 'security');
    assert.deepEqual(readCheckboxes('* [X] `Docker` build successful'), [{ label: 'docker build successful', ticked: true }]);
  });

  it('only judges pull requests', () => {
    assert.deepEqual(prBody.run({ stage: 'verify', ci: { provider: 'github', event: 'push' } }, context), []);
  });
});
