import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDiffTreeRaw, splitPatchesByCommit } from './commit-files.js';

const C1 = '1'.repeat(40);
const C2 = '2'.repeat(40);
const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const Z = '0'.repeat(40);

describe('parseDiffTreeRaw', () => {
  it('ties each raw entry to the commit before it, with renames and odd names', () => {
    const raw = [C1, `:000000 100644 ${Z} ${A} A`, 'a b.txt', `:100644 100644 ${A} ${B} R090`, 'old', C2.slice(0, 40), C2, `:100644 000000 ${A} ${Z} D`, 'gone', ''].join('\0');
    const parsed = parseDiffTreeRaw(raw);
    assert.deepEqual(parsed.get(C1), [
      { status: 'A', path: 'a b.txt', blob: A, mode: '100644' },
      // A path that looks like a sha is still a path: it follows a rename header.
      { status: 'R', from: 'old', path: C2, blob: B, mode: '100644' },
    ]);
    assert.deepEqual(parsed.get(C2), [{ status: 'D', path: 'gone', blob: '', mode: '000000' }]);
  });

  it('rejects what it does not understand', () => {
    assert.throws(() => parseDiffTreeRaw('garbage\0'), /unexpected git diff-tree entry/);
  });
});

describe('splitPatchesByCommit', () => {
  it('splits at the bare sha line before each commit\'s patch', () => {
    const patches = splitPatchesByCommit([C1, 'diff --git a/x b/x', '+++ b/x', '@@ -0,0 +1 @@', '+one', C2, 'diff --git a/y b/y'].join('\n'));
    assert.deepEqual([...patches.keys()], [C1, C2]);
    assert.match(patches.get(C1)!, /\+one$/);
  });
});
