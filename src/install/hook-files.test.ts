import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hookLine, isOurLine, mergeHook, removeOurLines, shippedHooks } from './hook-files.js';

const OURS = hookLine('mcflow-hooks run commit-msg "$1"', '');

describe('hook files', () => {
  it('ships one line per hook, each calling the CLI', () => {
    const hooks = shippedHooks();
    assert.ok(hooks.has('commit-msg') && hooks.has('prepare-commit-msg'));
    for (const [name, line] of hooks) assert.match(line, new RegExp(`^mcflow-hooks run ${name}\\b`));
  });

  const cases: { name: string; existing: string | undefined; expected: string | undefined }[] = [
    { name: 'a new file holds only our line', existing: undefined, expected: `${OURS}\n` },
    { name: "a user's hook keeps its lines and gets ours once, at the end", existing: 'npm test\n', expected: `npm test\n${OURS}\n` },
    { name: 'a file without a final newline gets one before our line', existing: 'npm test', expected: `npm test\n${OURS}\n` },
    { name: 'our line already there: nothing changes', existing: `npm test\n${OURS}\n`, expected: undefined },
    { name: 'an older line of ours is replaced in place', existing: `mcflow-hooks run commit-msg # mcflow-hooks\nnpm test\n`, expected: `${OURS}\nnpm test\n` },
    { name: 'CRLF becomes LF (sh reads CR as part of a command)', existing: 'npm test\r\n', expected: `npm test\n${OURS}\n` },
  ];
  for (const { name, existing, expected } of cases) {
    it(name, () => assert.equal(mergeHook(existing, OURS), expected));
  }

  it('running the merge twice changes nothing the second time', () => {
    const once = mergeHook('echo hi\n', OURS)!;
    assert.equal(mergeHook(once, OURS), undefined);
  });

  it('uninstall removes exactly our line, and the file when nothing else is left', () => {
    assert.equal(removeOurLines(`npm test\n${OURS}\n`), 'npm test\n');
    assert.equal(removeOurLines(`${OURS}\n`), undefined);
    assert.equal(removeOurLines('mcflow-hooks run commit-msg "$1"\n'), 'mcflow-hooks run commit-msg "$1"\n', "a user's own unmarked call stays");
  });

  it('in a monorepo the line changes into the package in a subshell', () => {
    assert.equal(hookLine('mcflow-hooks run commit-msg "$1"', 'packages/app'), '(cd packages/app && mcflow-hooks run commit-msg "$1") # mcflow-hooks');
    assert.equal(hookLine('x', "my app"), "(cd 'my app' && x) # mcflow-hooks");
    assert.ok(isOurLine(hookLine('x', 'a')));
  });
});
