import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CheckContext } from './check.js';
import { maxFileSize } from './large-files.size.js';
import { largeFiles } from './large-files.js';
import type { ChangedFile } from '../types.js';

const file = (path: string, size: number): ChangedFile => ({ path, status: 'A', size });
const run = (files: ChangedFile[], config: CheckContext['config'] = {}) =>
  Promise.resolve(largeFiles.run({ stage: 'pre-commit', files }, { config, stage: 'pre-commit' }));

describe('large-files', () => {
  it('refuses blobs over 5 MB by default, with a Git LFS hint', async () => {
    const problems = await run([file('video.mp4', 50 * 1024 * 1024), file('small.txt', 5 * 1024 * 1024)]);
    assert.equal(problems.length, 1);
    assert.match(problems[0]!.message, /"video\.mp4" is 50\.0 MB, over the 5\.0 MB limit/);
    assert.match(problems[0]!.fix!, /git rm --cached -- video\.mp4.*git lfs track \/?video\.mp4/);
  });

  it('reads files.maxSize as bytes or a unit string, and exempts files.allowLarge', async () => {
    assert.equal(maxFileSize({ files: { maxSize: '10 MB' } }), 10 * 1024 * 1024);
    assert.equal(maxFileSize({ files: { maxSize: '512kb' } }), 512 * 1024);
    assert.equal(maxFileSize({ files: { maxSize: 100 } }), 100);
    const config = { files: { maxSize: 100, allowLarge: ['assets/**'] } };
    assert.deepEqual((await run([file('assets/a.bin', 500), file('b.bin', 101), file('c.bin', 100)], config)).map((p) => p.file), ['b.bin']);
  });
});
