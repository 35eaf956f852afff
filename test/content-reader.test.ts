// The one content reader over real repositories: merges, renames, modes, symlinks, gitlinks,
// attributes and user configs that change git's diff output must not change what it reports.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { patchBytes, readCommitContent, readIndexContent, startCommitContent, streamCommitContent, EMPTY_TREE, type CommitContent } from '../src/git/content-reader.js';
import { ObjectStore } from '../src/git/object-store.js';
import { allLines } from '../src/line-ranges.js';
import { createRepo, type TestRepo } from './helpers/repo.js';

/**
 * What the reader says about the commits of `range`: path → [status, mode, added lines]. An
 * entry read `whole` (every line is new: an added file, which costs no patch) lists every line
 * of its blob.
 */
async function read(repo: TestRepo, revisions: string[], options: string[] = []): Promise<Map<string, Record<string, [string, string, number[]]>>> {
  const commits = await withEnv(repo, () => readCommitContent({ root: repo.dir }, { options, revisions }));
  return summarise(repo, commits);
}

async function summarise(repo: TestRepo, commits: CommitContent[]): Promise<Map<string, Record<string, [string, string, number[]]>>> {
  const store = new ObjectStore({ root: repo.dir });
  const linesOf = async (blob: string) => [...allLines(await store.read(blob))];
  const summary = new Map<string, Record<string, [string, string, number[]]>>();
  for (const commit of commits) {
    const entries: Record<string, [string, string, number[]]> = {};
    for (const entry of commit.entries) entries[entry.path] = [entry.status, entry.mode, entry.whole ? await linesOf(entry.blob) : [...entry.added]];
    summary.set(commit.sha, entries);
  }
  store.close();
  return summary;
}

/** Runs `fn` with the test repository's isolated environment (HOME, config) as the process's own. */
async function withEnv<T>(repo: TestRepo, fn: () => Promise<T> | T): Promise<T> {
  const saved = { ...process.env };
  Object.assign(process.env, repo.env);
  try {
    return await fn();
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
}

function setup(t: TestContext): TestRepo {
  const repo = createRepo(t);
  repo.write('app.txt', 'one\ntwo\nthree\n');
  repo.git(['add', '.']);
  repo.commitQuietly('chore: initial commit');
  return repo;
}

const head = (repo: TestRepo) => repo.git(['rev-parse', 'HEAD']).stdout.trim();

describe('content reader', () => {
  it('asks git for no patch of the files a commit adds, even beside an edit', async (t) => {
    // A commit that vendors a library and edits one file had git print every added file again.
    const repo = setup(t);
    const base = head(repo);
    repo.write('vendor/lib.txt', 'vendored line\n'.repeat(20_000));
    repo.write('app.txt', 'one\ntwo\nTHREE\nfour\n');
    repo.git(['add', '.']);
    repo.commitQuietly('chore: vendor lib');
    const before = patchBytes.read;
    const commits = await read(repo, [head(repo), `^${base}`]);
    assert.deepEqual(commits.get(head(repo))!['app.txt'], ['M', '100644', [3, 4]]);
    const vendored = commits.get(head(repo))!['vendor/lib.txt']!;
    assert.equal(vendored[0], 'A');
    assert.equal(vendored[2].length, 20_000, 'the added file is read whole, every line new');
    const read_ = patchBytes.read - before;
    assert.ok(read_ > 0 && read_ < 5_000, `the patch held only the edit: ${read_} bytes for a 280 KB added file`);
  });

  it('reads what a merge adds relative to every parent: the resolution line, not either side', async (t) => {
    const repo = setup(t);
    repo.git(['checkout', '-q', '-b', 'side']);
    repo.write('app.txt', 'one\ntwo\nthree\nside\n');
    repo.git(['commit', '-qam', 'feat: side']);
    repo.git(['checkout', '-q', 'main']);
    repo.write('app.txt', 'main\none\ntwo\nthree\n');
    repo.git(['commit', '-qam', 'feat: main']);
    repo.git(['merge', '-q', '--no-commit', 'side'], { allowFailure: true });
    repo.write('app.txt', 'main\none\nEVIL\ntwo\nthree\nside\n');
    repo.write('new.txt', 'brand new\n');
    repo.git(['add', '.']);
    repo.commitQuietly('merge side');
    const merge = head(repo);
    const commits = await read(repo, [merge, '^main~1', '^side']);
    assert.deepEqual(commits.get(merge), { 'app.txt': ['M', '100644', [3]], 'new.txt': ['A', '100644', [1]] });
  });

  it('reads an octopus merge: a line counts only when new relative to all three parents', async (t) => {
    const repo = setup(t);
    for (const name of ['a', 'b']) {
      repo.git(['checkout', '-q', '-b', name, 'main']);
      repo.write(`${name}.txt`, `${name}\n`);
      repo.git(['add', '.']);
      repo.commitQuietly(`feat: ${name}`);
    }
    repo.git(['checkout', '-q', 'main']);
    repo.git(['merge', '-q', '--no-commit', 'a', 'b']);
    repo.write('app.txt', 'one\ntwo\nthree\noctopus\n');
    repo.write('a.txt', 'a\nfrom the merge\n');
    repo.git(['add', '.']);
    repo.commitQuietly('merge a and b');
    const merge = head(repo);
    const commits = await read(repo, [merge, '^main~1', '^a', '^b']);
    assert.deepEqual(commits.get(merge), { 'a.txt': ['M', '100644', [2]], 'app.txt': ['M', '100644', [4]] });
  });

  it('reads renames, mode changes, symlinks and deletions; skips gitlinks', async (t) => {
    const repo = setup(t);
    const base = head(repo);
    repo.git(['mv', 'app.txt', 'renamed app.txt']);
    repo.write('renamed app.txt', 'one\ntwo\nthree\nfour\n');
    repo.write('run.sh', 'echo hi\n');
    repo.git(['add', '.']);
    repo.git(['update-index', '--chmod=+x', 'run.sh']);
    fs.symlinkSync('../../etc/passwd-token-target', path.join(repo.dir, 'link'));
    repo.git(['add', 'link']);
    repo.git(['update-index', '--add', '--cacheinfo', `160000,${base},vendor/sub`]);
    repo.commitQuietly('feat: many kinds');
    const sha = head(repo);
    repo.git(['rm', '-qf', 'run.sh']);
    repo.write('odd\nname.txt', 'x\n');
    repo.git(['add', '.']);
    repo.commitQuietly('chore: delete');
    const later = head(repo);
    const commits = await read(repo, [later, `^${base}`]);
    assert.deepEqual(commits.get(sha), {
      link: ['A', '120000', [1]],
      'renamed app.txt': ['R', '100644', [4]],
      'run.sh': ['A', '100755', [1]],
    });
    assert.deepEqual(commits.get(later), { 'odd\nname.txt': ['A', '100644', [1]] });
    const store = new ObjectStore({ root: repo.dir });
    const [entry] = (await readCommitContent({ root: repo.dir }, { revisions: [sha, `^${base}`] }))[0]!.entries.filter((e) => e.path === 'link');
    assert.equal((await store.read(entry!.blob)).toString(), '../../etc/passwd-token-target', 'the link target string, never followed');
    assert.equal(await store.size(entry!.blob), '../../etc/passwd-token-target'.length);
    store.close();
  });

  it('ignores attributes and user config that change diff output', async (t) => {
    const repo = setup(t);
    const base = head(repo);
    repo.write('.gitattributes', 'secret.txt -diff\nb.txt binary\nc.txt diff=x\nd.txt filter=x\n*.ps1 diff=x\n');
    for (const name of ['secret.txt', 'b.txt', 'c.txt', 'd.txt']) repo.write(name, 'old\nkept\n');
    repo.write('w.ps1', Buffer.from('\ufeffold\r\nkept\r\n', 'utf16le'));
    repo.write('far.txt', 'a\nb\nc\nd\ne\nf\ng\n');
    repo.git(['add', '.']);
    repo.commitQuietly('chore: files');
    const first = head(repo);
    for (const name of ['secret.txt', 'b.txt', 'c.txt', 'd.txt']) repo.write(name, 'old\nkept\nadded\n');
    repo.write('w.ps1', Buffer.from('\ufeffold\r\nkept\r\nadded\r\n', 'utf16le'));
    repo.write('far.txt', 'a\nB\nc\nd\ne\nF\ng\n');
    repo.git(['add', '.']);
    repo.commitQuietly('chore: change them');
    const sha = head(repo);
    const expected = {
      'b.txt': ['M', '100644', [3]],
      'c.txt': ['M', '100644', [3]],
      'd.txt': ['M', '100644', [3]],
      'far.txt': ['M', '100644', [2, 6]],
      'secret.txt': ['M', '100644', [3]],
      // git's lines of UTF-16LE end at LF bytes: "00 a 00 d 00 d 00 e 00 d 00 CR 00 LF" is the 3rd.
      'w.ps1': ['M', '100644', [3]],
    };
    assert.deepEqual((await read(repo, [sha, `^${first}`])).get(sha), expected);
    // Config that changes what `git log -p` prints, set the way a user would.
    const configs = [
      ['diff.interHunkContext', '10'], ['diff.context', '5'], ['diff.noprefix', 'true'], ['diff.mnemonicPrefix', 'true'],
      ['color.diff', 'always'], ['color.ui', 'always'], ['diff.external', 'false'], ['diff.x.textconv', 'tr a-z A-Z'],
      ['diff.x.binary', 'true'], ['core.quotepath', 'true'], ['diff.renames', 'false'], ['diff.algorithm', 'patience'],
      ['diff.srcPrefix', 'SRC/'], ['diff.dstPrefix', 'DST/'], ['log.showSignature', 'true'], ['diff.relative', 'true'],
    ];
    for (const [key, value] of configs) repo.git(['config', key!, value!]);
    fs.writeFileSync(path.join(repo.home, 'diffopts'), '');
    assert.deepEqual((await read(repo, [sha, `^${first}`])).get(sha), expected, 'same answer under hostile config');
    const saved = process.env.GIT_DIFF_OPTS;
    process.env.GIT_DIFF_OPTS = '--unified=3';
    try {
      assert.deepEqual((await read(repo, [sha, `^${first}`])).get(sha), expected, 'same answer with GIT_DIFF_OPTS');
    } finally {
      if (saved === undefined) delete process.env.GIT_DIFF_OPTS;
      else process.env.GIT_DIFF_OPTS = saved;
    }
    assert.ok(base);
  });

  it('reads the index the same way, before and after the first commit', async (t) => {
    const repo = createRepo(t);
    repo.write('.gitattributes', '*.txt -diff\n');
    repo.write('a.txt', 'one\ntwo\n');
    repo.git(['add', '.']);
    repo.git(['config', 'diff.interHunkContext', '10']);
    const first = await withEnv(repo, () => readIndexContent({ root: repo.dir }, EMPTY_TREE));
    assert.deepEqual(first.entries.map((entry) => [entry.path, entry.status]), [['.gitattributes', 'A'], ['a.txt', 'A']]);
    repo.commitQuietly('chore: initial commit');
    repo.write('a.txt', 'one\nnew\ntwo\n');
    repo.git(['add', '.']);
    const next = await withEnv(repo, () => {
      const index = readIndexContent({ root: repo.dir }, 'HEAD');
      return index.entries.map((entry) => [entry.path, entry.status, [...index.readAddedLines().get(entry.path)!]]);
    });
    assert.deepEqual(next, [['a.txt', 'M', [2]]]);
  });

  it('streams a one-line file of megabytes without holding its line', async (t) => {
    const repo = setup(t);
    const base = head(repo);
    repo.write('one-line.txt', `${'x'.repeat(3 * 1024 * 1024)}\n`);
    repo.git(['add', '.']);
    repo.commitQuietly('chore: big line');
    const sha = head(repo);
    assert.deepEqual((await read(repo, [sha, `^${base}`])).get(sha), { 'one-line.txt': ['A', '100644', [1]] });
  });

  it('streams batches in order, added files whole and modified ones by their patch, whatever the batch size and mode', async (t) => {
    const repo = setup(t);
    const base = head(repo);
    const shas: string[] = [];
    const commit = (files: Record<string, string>, message: string) => {
      for (const [name, text] of Object.entries(files)) repo.write(name, text);
      repo.git(['add', '.']);
      repo.commitQuietly(message);
      shas.push(head(repo));
    };
    commit({ 'new.txt': 'a\nb\n' }, 'feat: only an addition');
    commit({ 'app.txt': 'one\nTWO\nthree\n', 'more.txt': 'x\n' }, 'feat: a change and an addition');
    commit({ 'third.txt': 'c\n' }, 'feat: another addition');
    commit({ 'app.txt': 'one\nTWO\nthree\nfour\n' }, 'feat: a change only');
    const expected = new Map([
      [shas[3]!, { 'app.txt': ['M', '100644', [4]] }],
      [shas[2]!, { 'third.txt': ['A', '100644', [1]] }],
      [shas[1]!, { 'app.txt': ['M', '100644', [2]], 'more.txt': ['A', '100644', [1]] }],
      [shas[0]!, { 'new.txt': ['A', '100644', [1, 2]] }],
    ]);
    for (const skipNewFilePatches of [true, false]) {
      for (const maxCommits of [1, 2, 3]) {
        const batches: CommitContent[][] = [];
        const options = { maxCommits, skipNewFilePatches };
        await withEnv(repo, () => streamCommitContent({ root: repo.dir }, { revisions: [shas[3]!, `^${base}`] }, (batch) => void batches.push(batch), options));
        assert.deepEqual([...(await summarise(repo, batches.flat()))], [...expected], `batches of ${maxCommits}, ${skipNewFilePatches ? 'new files whole' : 'one stream'}`);
        assert.equal(batches.length, Math.ceil(4 / maxCommits));
        const added = batches.flat().flatMap((commit) => commit.entries.filter((entry) => entry.status === 'A'));
        assert.ok(added.every((entry) => (entry.whole === true) === skipNewFilePatches), 'an added file is read whole when its patch is skipped');
      }
    }
  });

  it('a stream started early and read after its git exited still gets every commit (Node drops unread output at exit)', async (t) => {
    const repo = setup(t);
    const base = head(repo);
    repo.write('early.txt', 'a\n');
    repo.git(['add', '.']);
    repo.commitQuietly('feat: early');
    repo.write('early.txt', 'a\nb\n');
    repo.git(['add', '.']);
    repo.commitQuietly('feat: later');
    const selection = { revisions: [head(repo), `^${base}`] };
    const expected = await read(repo, selection.revisions);
    for (const readAfter of ['exit', 'close'] as const) {
      const started = await withEnv(repo, () => startCommitContent({ root: repo.dir }, selection));
      // Read only once git is gone: its output sat unread in the pipe when Node saw it exit.
      await new Promise((resolve) => started.child.once(readAfter, resolve));
      await new Promise((resolve) => setImmediate(resolve));
      const batches: CommitContent[][] = [];
      await withEnv(repo, () => streamCommitContent({ root: repo.dir }, selection, (batch) => void batches.push(batch), {}, started));
      assert.deepEqual([...(await summarise(repo, batches.flat()))], [...expected], `read after git's ${readAfter}`);
    }
  });

  it('ends a stream started early that nobody reads', async (t) => {
    const repo = setup(t);
    const started = await withEnv(repo, () => startCommitContent({ root: repo.dir }, { revisions: [head(repo)] }));
    started.kill();
    await new Promise((resolve) => started.child.once('close', resolve));
    assert.ok(started.child.exitCode !== null || started.child.signalCode !== null);
  });

  it('marks a merge\'s file that git will only call binary as read whole', async (t) => {
    const repo = setup(t);
    repo.write('.gitattributes', '*.dat binary\n');
    repo.write('data.dat', 'a\0b\nline\n');
    repo.git(['add', '.']);
    repo.commitQuietly('chore: data');
    repo.git(['checkout', '-q', '-b', 'side']);
    repo.write('data.dat', 'a\0b\nline\nside\n');
    repo.git(['commit', '-qam', 'feat: side']);
    repo.git(['checkout', '-q', 'main']);
    repo.write('data.dat', 'main\na\0b\nline\n');
    repo.git(['commit', '-qam', 'feat: main']);
    repo.git(['merge', '-q', '--no-commit', 'side'], { allowFailure: true });
    repo.write('data.dat', 'main\na\0b\nline\nEVIL\nside\n');
    repo.git(['add', '.']);
    repo.commitQuietly('merge side');
    const merge = head(repo);
    const commits = await withEnv(repo, () => readCommitContent({ root: repo.dir }, { revisions: [merge, '^main~1', '^side'] }));
    const [entry] = commits.find((commit) => commit.sha === merge)!.entries;
    assert.equal(entry!.path, 'data.dat');
    assert.equal(entry!.whole, true, 'combined diffs print "Binary files differ" whatever --text says: read it whole');
  });

  it('keeps answering after its idle process ended, and says which object is missing', async (t) => {
    const repo = setup(t);
    const blob = repo.git(['rev-parse', 'HEAD:app.txt']).stdout.trim();
    const store = new ObjectStore({ root: repo.dir });
    assert.equal((await store.read(blob)).toString(), 'one\ntwo\nthree\n');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const [size, content] = await Promise.all([store.size(blob), store.read(blob)]);
    assert.deepEqual([size, content.toString()], [14, 'one\ntwo\nthree\n']);
    assert.equal(await store.size('0'.repeat(40).replace(/^0/, '1')), undefined);
    await assert.rejects(store.read('1'.repeat(40)), /missing/);
    store.close();
  });
});
