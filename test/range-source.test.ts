// The range source on real repositories: what each commit added, tied to that commit, with
// lazy content from one `git cat-file --batch`, odd file names included.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collectRangeChange } from '../src/sources/range.js';
import { createRepo } from './helpers/repo.js';

describe('range source', () => {
  it('ties each file to the commit that added its lines, with exact line numbers and lazy content', async (t) => {
    const repo = createRepo(t);
    repo.write('app.txt', 'one\ntwo\nthree\n');
    repo.git(['add', '.']);
    const base = repo.commitQuietly('chore: base');
    repo.write('app.txt', 'one\nTWO\nthree\nfour\n');
    repo.write('odd name\nwith newline.txt', 'x\n');
    repo.write('café "quoted".txt', 'y\n');
    repo.git(['add', '.']);
    const first = repo.commitQuietly('feat: first');
    repo.git(['mv', 'app.txt', 'moved.txt']);
    repo.write('moved.txt', 'one\nTWO\nthree\nfour\nfive\n');
    repo.write('image.bin', Buffer.from([0, 1, 2, 0, 255]));
    repo.git(['rm', '-q', 'café "quoted".txt']);
    repo.git(['add', '.']);
    const second = repo.commitQuietly('feat: second');

    const { change, close } = await collectRangeChange({ root: repo.dir, gitDir: `${repo.dir}/.git` }, { provider: 'local', event: 'range', base: [base], head: 'HEAD' });
    t.after(close);
    assert.equal(change.stage, 'verify');
    assert.equal(change.branch, 'main');
    // Who made each commit comes along: bot commits are recognised by it (src/commitlint/bots.ts).
    const who = { name: 'Test Author', email: 'author@example.com' };
    assert.deepEqual(change.messages, [
      { text: 'feat: second', commit: second, author: who, committer: who },
      { text: 'feat: first', commit: first, author: who, committer: who },
    ]);
    const files = await Promise.all(
      change.files!.map(async (f) => ({ path: f.path, status: f.status, commit: f.commit, from: f.from, lines: [...(await f.readAddedLines!())], size: f.size })),
    );
    assert.deepEqual(files, [
      { path: 'image.bin', status: 'A', commit: second, from: undefined, lines: [1], size: 5 },
      { path: 'moved.txt', status: 'R', commit: second, from: 'app.txt', lines: [5], size: 24 },
      { path: 'app.txt', status: 'M', commit: first, from: undefined, lines: [2, 4], size: 19 },
      { path: 'café "quoted".txt', status: 'A', commit: first, from: undefined, lines: [1], size: 2 },
      { path: 'odd name\nwith newline.txt', status: 'A', commit: first, from: undefined, lines: [1], size: 2 },
    ]);
    const app = change.files!.find((f) => f.path === 'app.txt')!;
    const moved = change.files!.find((f) => f.path === 'moved.txt')!;
    // Content is the blob as of the commit that added the lines, read concurrently through one process.
    const [appContent, movedContent, binary] = await Promise.all([app.readContent!(), moved.readContent!(), change.files![0]!.readContent!()]);
    assert.equal(appContent.toString(), 'one\nTWO\nthree\nfour\n');
    assert.equal(movedContent.toString(), 'one\nTWO\nthree\nfour\nfive\n');
    assert.deepEqual([...binary], [0, 1, 2, 0, 255]);
    const appLines = await app.readAddedLines!();
    assert.equal(appLines.has(2) && !appLines.has(3), true);
  });

  it('lists merge commits with their parents and marks the first-parent line', async (t) => {
    const repo = createRepo(t);
    const base = repo.commitQuietly('chore: base');
    repo.git(['checkout', '-q', '-b', 'feature/x']);
    const side = repo.commitQuietly('feat: side');
    repo.git(['checkout', '-q', 'main']);
    const direct = repo.commitQuietly('fix: direct');
    repo.git(['merge', '-q', '--no-ff', '--no-edit', 'feature/x']);
    const { change, close } = await collectRangeChange({ root: repo.dir, gitDir: `${repo.dir}/.git` }, { provider: 'github', event: 'push', base: [base], head: 'HEAD', branch: 'main' });
    t.after(close);
    const byFirstParent = Object.fromEntries(change.commits!.map((c) => [c.subject, [c.parents.length, c.firstParent === true]]));
    assert.deepEqual(byFirstParent, { "Merge branch 'feature/x'": [2, true], 'fix: direct': [1, true], 'feat: side': [1, false] });
    assert.deepEqual(change.commits!.find((c) => c.sha === side)!.author, { name: 'Test Author', email: 'author@example.com' });
    assert.ok(change.commits!.some((c) => c.sha === direct));
  });

  it('turns a tag push into a ref update and no commits', async (t) => {
    const repo = createRepo(t);
    const sha = repo.commitQuietly('feat: release');
    repo.git(['tag', 'v1.0.0']);
    const { change, close } = await collectRangeChange(
      { root: repo.dir, gitDir: `${repo.dir}/.git` },
      { provider: 'github', event: 'push', base: [], head: sha, ref: 'refs/tags/v1.0.0', created: true },
    );
    t.after(close);
    assert.deepEqual(change.refUpdates, [{ localRef: 'refs/tags/v1.0.0', localSha: sha, remoteRef: 'refs/tags/v1.0.0', remoteSha: '0'.repeat(40), kind: 'create' }]);
    assert.deepEqual(change.commits, []);
    assert.equal(change.branch, undefined);
  });
});
