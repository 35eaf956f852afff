import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { resolveCommit } from './log.js';
import { prefetchCommitFiles } from './prefetch.js';
import { runCache } from './run-cache.js';
import { listTreeEntries, readBlob } from './tree.js';

function tempRepo(t: { after(fn: () => void): void }) {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mcflow-run-cache-')));
  t.after(() => fs.rmSync(root, { recursive: true, force: true }));
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: root, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' };
  const git = (...args: string[]) => spawnSync('git', args, { cwd: root, encoding: 'utf8', env }).stdout.trim();
  git('init', '-q', '--initial-branch=main');
  const commit = (files: Record<string, string>, message: string) => {
    for (const [file, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), content);
    }
    git('add', '-A');
    git('-c', 'commit.gpgsign=false', 'commit', '-q', '-m', message);
    return git('rev-parse', 'HEAD');
  };
  return { root, git, commit };
}

describe('answers kept for one run', () => {
  it('keys tree entries and blobs by commit id: a config edited between two commits reads as each commit has it', (t) => {
    const { root, commit } = tempRepo(t);
    const base = commit({ '.mcflowrc.json': '{"secrets":{}}\n', 'dir/a.txt': 'a\n' }, 'chore: base');
    const head = commit({ '.mcflowrc.json': '{"secrets":{"ignore":["**"]}}\n' }, 'chore: loosen');
    const repo = { root };
    const read = (at: string) => readBlob(repo, listTreeEntries(repo, at, ['.mcflowrc.json', 'package.json']).get('.mcflowrc.json')!.object).toString();
    for (let round = 0; round < 2; round++) {
      assert.equal(read(base), '{"secrets":{}}\n');
      assert.equal(read(head), '{"secrets":{"ignore":["**"]}}\n');
      // A subset of what was listed before, and a path the first listing did not ask for.
      assert.deepEqual([...listTreeEntries(repo, head, ['package.json']).keys()], []);
      assert.deepEqual([...listTreeEntries(repo, head, ['dir/a.txt', '.mcflowrc.json']).keys()].sort(), ['.mcflowrc.json', 'dir/a.txt']);
      // `dir/` lists the directory's children: never answered from what `dir` was.
      assert.deepEqual([...listTreeEntries(repo, base, ['dir']).keys()], ['dir']);
      assert.deepEqual([...listTreeEntries(repo, base, ['dir/']).keys()], ['dir/a.txt']);
    }
    // A caller that changes the bytes it was given does not change the next caller's.
    const entry = listTreeEntries(repo, base, ['.mcflowrc.json']).get('.mcflowrc.json')!;
    readBlob(repo, entry.object).fill(0);
    assert.equal(readBlob(repo, entry.object).toString(), '{"secrets":{}}\n');
  });

  it('resolves a revision once per repository object: one run sees one commit, the next run the ref as it is then', (t) => {
    const { root, commit } = tempRepo(t);
    const first = commit({ 'a.txt': '1\n' }, 'chore: one');
    const run = { root };
    assert.equal(resolveCommit(run, 'main'), first);
    const second = commit({ 'a.txt': '2\n' }, 'chore: two');
    assert.equal(resolveCommit(run, 'main'), first);
    assert.equal(resolveCommit({ root }, 'main'), second);
  });

  it('answers from one prefetching process exactly as rev-parse, ls-tree and cat-file answer each question', async (t) => {
    const { root, git, commit } = tempRepo(t);
    const first = commit({ '.mcflowrc.json': '{"a":1}\n', 'package.json': '{"mcflow":{}}\n', 'dir/x.txt': 'x\n', 'run.sh': '#!/bin/sh\n' }, 'chore: one');
    fs.chmodSync(path.join(root, 'run.sh'), 0o755);
    fs.symlinkSync('package.json', path.join(root, '.commitlintrc.json'));
    fs.writeFileSync(path.join(root, 'caf\u00e9 name.json'), '{}\n');
    commit({ '.mcflowrc.json': '{"a":2}\n' }, 'chore: two');
    // A submodule's gitlink, as `git submodule add` records it.
    git('update-index', '--add', '--cacheinfo', `160000,${first},sub`);
    git('-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'chore: sub');
    git('tag', '-a', 'v1.0.0', '-m', 'release', first);
    const revisions = ['main', 'HEAD~1', first, first.slice(0, 12), 'v1.0.0', 'HEAD^{tree}', 'origin/missing', 'main..HEAD', '-q', 'main\nHEAD', ':/chore: one'];
    const names = ['.mcflowrc.json', 'package.json', 'dir', 'run.sh', '.commitlintrc.json', 'caf\u00e9 name.json', 'sub', 'missing.json'];
    const fresh = () => ({ root });
    const prefetched = fresh();
    await prefetchCommitFiles(prefetched, revisions, () => [resolveCommit(prefetched, 'main'), resolveCommit(prefetched, 'HEAD~1')], names);
    // Answered by the prefetch itself (a failed one would leave the readers to ask, and still agree).
    const cache = runCache(prefetched);
    assert.equal(cache.commits.get('main'), git('rev-parse', 'main'));
    assert.equal(cache.trees.get(git('rev-parse', 'main'))?.get('.commitlintrc.json')?.mode, '120000');
    assert.equal(cache.trees.get(git('rev-parse', 'HEAD~1'))?.get('missing.json'), null);
    assert.ok(cache.blobs.size >= 3);
    for (const revision of revisions) assert.equal(resolveCommit(prefetched, revision), resolveCommit(fresh(), revision), revision);
    assert.equal(resolveCommit(prefetched, 'v1.0.0'), first);
    for (const at of ['main', 'HEAD~1']) {
      const sha = resolveCommit(fresh(), at)!;
      const cached = listTreeEntries(prefetched, sha, names);
      assert.deepEqual(cached, listTreeEntries(fresh(), sha, names), at);
      for (const entry of cached.values()) if (entry.type === 'blob') assert.deepEqual(readBlob(prefetched, entry.object), readBlob(fresh(), entry.object));
    }
    // The case is what it claims: each kind of entry is there.
    const head = listTreeEntries(fresh(), resolveCommit(fresh(), 'main')!, names);
    assert.deepEqual([...head.values()].map((entry) => entry.mode).sort(), ['040000', '100644', '100644', '100644', '100755', '120000', '160000']);
  });
});
