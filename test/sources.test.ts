// The hook sources against real repositories: what pre-commit sees is the index, and pre-push
// input is validated before anything runs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getStagedFiles } from '../src/git/staged.js';
import { findRepository } from '../src/git/repo.js';
import { createRepo } from './helpers/repo.js';

describe('staged files', () => {
  it('come from the index, not the working tree, with odd names, renames and added lines', async (t) => {
    const repo = createRepo(t);
    repo.write('keep.txt', 'one\ntwo\n');
    repo.write('old name.txt', 'same content\n');
    repo.git(['add', '-A']);
    repo.commitQuietly('chore: initial');
    repo.write('keep.txt', 'one\nadded\ntwo\n');
    repo.write('new\nline.txt', 'staged\n');
    repo.write('ünïcødé.md', 'u\n');
    repo.git(['mv', 'old name.txt', 'new name.txt']);
    repo.git(['add', '-A']);
    repo.write('keep.txt', 'edited after add, never committed\n');
    repo.write('untracked.txt', 'not staged\n');
    const files = getStagedFiles(findRepository(repo.dir, {}), true);
    const byPath = new Map(files.map((file) => [file.path, file]));
    assert.deepEqual([...byPath.keys()].sort(), ['keep.txt', 'new\nline.txt', 'new name.txt', 'ünïcødé.md']);
    assert.equal(byPath.get('new name.txt')!.status, 'R');
    assert.equal(byPath.get('new name.txt')!.from, 'old name.txt');
    const contents = await Promise.all(files.map((file) => file.readContent!()));
    assert.equal(contents[files.indexOf(byPath.get('keep.txt')!)]!.toString(), 'one\nadded\ntwo\n');
    assert.deepEqual([...(await byPath.get('keep.txt')!.readAddedLines!())], [2]);
    assert.deepEqual([...(await byPath.get('new\nline.txt')!.readAddedLines!())], [1]);
    assert.deepEqual([...(await byPath.get('new name.txt')!.readAddedLines!())], []);
    assert.equal(byPath.get('keep.txt')!.size, 'one\nadded\ntwo\n'.length);
  });

  it('work before the first commit', async (t) => {
    const repo = createRepo(t);
    repo.write('a.txt', 'a\n');
    repo.git(['add', 'a.txt']);
    const files = getStagedFiles(findRepository(repo.dir, {}), false);
    assert.deepEqual(files.map((f) => [f.path, f.status]), [['a.txt', 'A']]);
    assert.deepEqual([...(await files[0]!.readAddedLines!())], [1]);
  });
});

describe('run pre-push', () => {
  it('exits 2 and quotes a malformed line', async (t) => {
    const repo = createRepo(t);
    const result = await repo.run(['run', 'pre-push', 'origin', 'url'], { input: 'refs/heads/main abc refs/heads/main\n' });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /Line 1 of the pre-push input is not "<local ref> <local sha> <remote ref> <remote sha>": "refs\/heads\/main abc refs\/heads\/main"/);
    assert.doesNotMatch(result.stderr, /at .*\.js:\d+/, 'no stack trace');
  });

  it('treats empty stdin as nothing to push', async (t) => {
    const repo = createRepo(t);
    const result = await repo.run(['run', 'pre-push', 'origin', 'url'], { input: '' });
    assert.equal(result.code, 0, result.output);
  });
});
