import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanMessage, editorUsed, resolveCleanupMode } from './commit-msg.js';

const INSTRUCTIONS_STRIP = "# Please enter the commit message for your changes. Lines starting\n# with '#' will be ignored, and an empty message aborts the commit.\n";
const INSTRUCTIONS_KEEP = "# Please enter the commit message for your changes. Lines starting\n# with '#' will be kept; you may remove them yourself if you want to.\n";

describe('git --cleanup as the commit-msg hook sees it', () => {
  const cases: [string, string | undefined, boolean, string, string][] = [
    ['-m / -F: whitespace', undefined, false, '#1 x', 'whitespace'],
    ['editor: strip', undefined, true, 'x', 'strip'],
    ['commit.cleanup wins', 'verbatim', true, 'x', 'verbatim'],
    ['commit.cleanup=strip applies to -m too', 'strip', false, 'x', 'strip'],
    ['scissors cuts only an edited message', 'scissors', false, 'x', 'whitespace'],
    ['scissors in the editor', 'scissors', true, 'x', 'scissors'],
    ['--cleanup=whitespace in the editor shows in git\'s instructions', undefined, true, INSTRUCTIONS_KEEP, 'whitespace'],
    ['--cleanup=strip in the editor against commit.cleanup=whitespace', 'whitespace', true, INSTRUCTIONS_STRIP, 'strip'],
    ['"default" is no setting', 'default', false, 'x', 'whitespace'],
  ];
  for (const [name, configured, edited, raw, expected] of cases) {
    it(name, () => assert.equal(resolveCleanupMode(configured, edited, raw), expected));
  }

  it('knows the editor did not run from GIT_EDITOR=":", unless git wrote its instructions', () => {
    assert.equal(editorUsed({ GIT_EDITOR: ':' }, '#1 x'), false);
    assert.equal(editorUsed({ GIT_EDITOR: ':' }, `x\n${INSTRUCTIONS_STRIP}`), true);
    assert.equal(editorUsed({}, 'x'), true);
  });

  it('cleans each mode as git stripspace does', () => {
    const raw = '\n#123 feat: x  \n\n\nbody\n# ------------------------ >8 ------------------------\ndiff\n';
    assert.equal(cleanMessage(raw, '#', 'strip'), 'body');
    assert.equal(cleanMessage(raw, '#', 'whitespace'), '#123 feat: x\n\nbody\n# ------------------------ >8 ------------------------\ndiff');
    assert.equal(cleanMessage(raw, '#', 'scissors'), '#123 feat: x\n\nbody');
    assert.equal(cleanMessage(raw, '#', 'verbatim'), raw);
  });
});
