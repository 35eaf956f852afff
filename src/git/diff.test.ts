import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAddedLines, parseRawDiff, unquotePath } from './diff.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const Z = '0'.repeat(40);

describe('parseRawDiff', () => {
  it('reads modifications, additions, deletions, renames and odd names', () => {
    const raw = [
      `:100644 100644 ${A} ${B} M`, 'src/a.ts',
      `:000000 100644 ${Z} ${B} A`, 'with space.txt',
      `:100644 000000 ${A} ${Z} D`, 'gone.txt',
      `:100644 100644 ${A} ${B} R087`, 'old name.ts', 'new\nname.ts',
      `:000000 100644 ${Z} ${B} A`, 'ünïcødé.md',
      '',
    ].join('\0');
    assert.deepEqual(parseRawDiff(raw), [
      { status: 'M', path: 'src/a.ts', blob: B, mode: '100644' },
      { status: 'A', path: 'with space.txt', blob: B, mode: '100644' },
      { status: 'D', path: 'gone.txt', blob: '', mode: '000000' },
      { status: 'R', from: 'old name.ts', path: 'new\nname.ts', blob: B, mode: '100644' },
      { status: 'A', path: 'ünïcødé.md', blob: B, mode: '100644' },
    ]);
  });

  it('rejects output it does not understand instead of guessing', () => {
    assert.throws(() => parseRawDiff('garbage\0'), /unexpected git diff --raw entry/);
  });
});

describe('unquotePath', () => {
  const cases: [string, string][] = [
    ['plain.txt', 'plain.txt'],
    ['"new\\nline.txt"', 'new\nline.txt'],
    ['"tab\\there"', 'tab\there'],
    ['"quote\\"d"', 'quote"d'],
    ['"\\303\\274ber.txt"', 'über.txt'],
  ];
  for (const [quoted, expected] of cases) it(`${quoted} → ${JSON.stringify(expected)}`, () => assert.equal(unquotePath(quoted), expected));
});

describe('parseAddedLines', () => {
  it('maps each file to the new-file line numbers its hunks add', () => {
    const patch = [
      'diff --git a/a.txt b/a.txt',
      '--- a/a.txt',
      '+++ b/a.txt',
      '@@ -1,0 +2,2 @@',
      '+two',
      '+three',
      '@@ -9 +11 @@',
      '-old',
      '+eleven',
      'diff --git a/gone.txt b/gone.txt',
      '--- a/gone.txt',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '-bye',
      'diff --git "a/new\\nline.txt" "b/new\\nline.txt"',
      '--- /dev/null',
      '+++ "b/new\\nline.txt"',
      '@@ -0,0 +1 @@',
      '+x',
      'diff --git a/sp ace.txt b/sp ace.txt',
      '--- /dev/null',
      '+++ b/sp ace.txt\t',
      '@@ -0,0 +1,2 @@',
      '+a',
      '++b starts with a plus',
    ].join('\n');
    const added = parseAddedLines(patch);
    assert.deepEqual([...added.get('a.txt')!], [2, 3, 11]);
    assert.deepEqual([...added.get('new\nline.txt')!], [1]);
    assert.deepEqual([...added.get('sp ace.txt')!], [1, 2]);
    assert.equal(added.has('gone.txt'), false);
  });
});
