import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PatchParser, pathFromDiffLine } from './range-diff.js';

const SHA = 'a'.repeat(40);
const PATCH = [
  `\0commit ${SHA}`,
  '',
  'diff --git a/src/app.ts b/src/app.ts',
  `index 1111111111111111111111111111111111111111..2222222222222222222222222222222222222222 100644`,
  '--- a/src/app.ts',
  '+++ b/src/app.ts',
  '@@ -3,0 +4,2 @@ export function main() {',
  '++++ looks like a header but is content',
  '+diff --git a/fake b/fake',
  '@@ -10 +12 @@',
  '-old',
  '+new',
  '\\ No newline at end of file',
  'diff --git "a/odd\\nname" "b/odd\\nname"',
  'new file mode 100644',
  'index 0000000000000000000000000000000000000000..3333333333333333333333333333333333333333',
  'Binary files /dev/null and "b/odd\\nname" differ',
  '',
].join('\n');

describe('PatchParser', () => {
  it('reads paths, statuses, blobs and added lines, and skips hunk bodies that look like headers', () => {
    const parser = new PatchParser();
    // Feed it in awkward chunks: lines split across reads.
    const bytes = Buffer.from(PATCH);
    for (let i = 0; i < bytes.length; i += 7) parser.push(bytes.subarray(i, i + 7));
    const files = parser.end();
    assert.deepEqual(
      files.map((f) => ({ path: f.path, status: f.status, blob: f.blob, binary: f.binary, lines: [...f.added], commit: f.commit })),
      [
        { path: 'src/app.ts', status: 'M', blob: '2'.repeat(40), binary: false, lines: [4, 5, 12], commit: SHA },
        { path: 'odd\nname', status: 'A', blob: '3'.repeat(40), binary: true, lines: [], commit: SHA },
      ],
    );
  });

  it('reads the path of a diff header, quoted or not', () => {
    assert.equal(pathFromDiffLine('a/with space.txt b/with space.txt'), 'with space.txt');
    assert.equal(pathFromDiffLine('"a/tab\\there" "b/tab\\there"'), 'tab\there');
  });
});
