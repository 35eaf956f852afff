import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { resolveCommit, resolveCommits } from './log.js';
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

  it('resolves several revisions in one process exactly as rev-parse resolves each', (t) => {
    const { root, git, commit } = tempRepo(t);
    const first = commit({ 'a.txt': '1\n' }, 'chore: one');
    commit({ 'b.txt': '2\n' }, 'chore: two');
    git('tag', '-a', 'v1.0.0', '-m', 'release', first);
    const revisions = ['main', 'HEAD~1', first, first.slice(0, 12), 'v1.0.0', 'HEAD^{tree}', 'origin/missing', 'main..HEAD', '-q', ' main', 'main\nHEAD', '', 'main'];
    const one = revisions.map((revision) => resolveCommit({ root }, revision));
    assert.deepEqual(resolveCommits({ root }, revisions), one);
    assert.equal(one[4], first);
    assert.equal(one[5], undefined);
    assert.equal(one[6], undefined);
  });
});
