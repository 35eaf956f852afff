import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isBotIdentity, isBotMessage } from './bots.js';

const dependabot = { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' };
const human = { name: 'Ann', email: 'ann@example.com' };

describe('bot messages', () => {
  it('knows the bots by name or by noreply address', () => {
    assert.equal(isBotIdentity(dependabot), true);
    assert.equal(isBotIdentity({ name: 'Renovate Bot', email: 'bot@renovateapp.com' }), true);
    assert.equal(isBotIdentity({ name: 'x', email: '41898282+github-actions[bot]@users.noreply.github.com' }), true);
    assert.equal(isBotIdentity(human), false);
    assert.equal(isBotIdentity({ name: 'dependabot', email: 'dependabot@example.com' }), false);
  });

  it('decides by identity when it is known, whatever the trailers say', () => {
    assert.equal(isBotMessage({ text: 'Bump lodash from 4.17.20 to 4.17.21', author: dependabot }), true);
    assert.equal(isBotMessage({ text: 'Update dependency x to v2', author: human, committer: { name: 'renovate[bot]', email: 'r@x' } }), true);
    assert.equal(isBotMessage({ text: 'WIP stuff\n\nSigned-off-by: dependabot[bot] <support@github.com>', author: human }), false);
  });

  it('without an identity, counts the sign-off only as the last line', () => {
    assert.equal(isBotMessage({ text: 'Bump x\n\nSigned-off-by: dependabot[bot] <support@github.com>\n' }), true);
    assert.equal(isBotMessage({ text: 'WIP stuff\n\nSigned-off-by: dependabot[bot] <support@github.com>\nSigned-off-by: Ann <ann@example.com>' }), false);
    assert.equal(isBotMessage({ text: 'WIP stuff\n\nSigned-off-by: dependabot[bot] <support@github.com>\nmore words' }), false);
    assert.equal(isBotMessage({ text: 'WIP stuff' }), false);
  });
});
