import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CommitParser, parseRawLine } from './history-stream.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const ZERO = '0'.repeat(40);

describe('history stream parsing', () => {
  it('reads raw lines: additions, renames, quoted paths', () => {
    assert.deepEqual(parseRawLine(`:000000 100644 ${ZERO} ${B} A\tsrc/pay.ts`), { status: 'A', path: 'src/pay.ts', blob: B, mode: '100644' });
    assert.deepEqual(parseRawLine(`:100644 100644 ${A} ${B} R087\told name.ts\tnew.ts`), { status: 'R', from: 'old name.ts', path: 'new.ts', blob: B, mode: '100644' });
    assert.equal(parseRawLine(`:100644 100644 ${A} ${B} M\t"tab\\there.txt"`)?.path, 'tab\there.txt');
    assert.equal(parseRawLine('not a raw line'), undefined);
  });

  it('counts added lines by hunk, so an added "+++ x" or "diff --git" line is never a header', () => {
    const parser = new CommitParser(A, '2026-01-01T00:00:00+00:00');
    const lines = [
      '',
      `:100644 100644 ${A} ${B} M\tnotes.md`,
      `:100644 000000 ${A} ${ZERO} D\tgone.txt`,
      `:000000 160000 ${ZERO} ${B} A\tvendor/lib`,
      '',
      'diff --git a/notes.md b/notes.md',
      `index ${A}..${B} 100644`,
      '--- a/notes.md',
      '+++ b/notes.md',
      '@@ -2 +2,3 @@',
      '-old',
      '+++ not a header',
      '+diff --git a/x b/x',
      '+third',
      '@@ -9,0 +11 @@',
      '+last',
      '\\ No newline at end of file',
    ];
    for (const line of lines) parser.line(line);
    assert.deepEqual(parser.commit.entries.map((entry) => entry.path), ['notes.md'], 'deletions and submodules left out');
    assert.deepEqual([...parser.commit.added.get('notes.md')!], [2, 3, 4, 11]);
    assert.equal(parser.commit.added.size, 1);
  });
});
