// The set-up helpers other tests stand on (test/helpers/repo.ts): a copied repository must be as
// good as one built in the test (its own origin, HOME and TMPDIR, a clean index, same history),
// and the quiet git config must really stop git's housekeeping, or the speed-ups cost coverage.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { copyRepo, createRepo, fileContext, repoFromTemplate } from './helpers/repo.js';

describe('test repository helpers', () => {
  it('copyRepo gives a repository of its own: origin, HOME, TMPDIR and config paths point at the copy', (t) => {
    const template = createRepo(fileContext(), { origin: true });
    template.write('a.txt', 'a\n');
    template.git(['add', 'a.txt']);
    const head = template.commitQuietly('chore: start');
    template.git(['push', '-q', '--no-verify', 'origin', 'main']);
    const copy = copyRepo(t, template);

    assert.notEqual(copy.dir, template.dir);
    assert.equal(copy.home, path.join(path.dirname(copy.dir), 'home'));
    assert.equal(copy.env.TMPDIR, path.join(path.dirname(copy.dir), 'tmp'));
    assert.equal(copy.origin, path.join(path.dirname(copy.dir), 'origin.git'));
    assert.equal(copy.git(['config', 'remote.origin.url']).stdout.trim(), copy.origin);
    assert.equal(copy.head(), head, 'the same history');
    assert.equal(copy.git(['diff-files', '--name-only']).stdout, '', 'the index matches the copied files');
    assert.equal(copy.git(['status', '--porcelain']).stdout, '');

    // A push from the copy lands in the copy's origin only.
    copy.write('b.txt', 'b\n');
    copy.git(['add', 'b.txt']);
    const next = copy.commitQuietly('chore: next');
    copy.git(['push', '-q', '--no-verify', 'origin', 'main']);
    assert.equal(copy.git(['rev-parse', 'main'], { cwd: copy.origin! }).stdout.trim(), next);
    assert.equal(template.git(['rev-parse', 'main'], { cwd: template.origin! }).stdout.trim(), head);
    assert.equal(fs.existsSync(path.join(template.dir, 'b.txt')), false);
  });

  it('repoFromTemplate builds once per key and hands each test a fresh copy', (t) => {
    let builds = 0;
    const build = (fileScope: Parameters<typeof createRepo>[0]) => {
      builds++;
      const repo = createRepo(fileScope);
      repo.commitQuietly('chore: start');
      return repo;
    };
    const first = repoFromTemplate(t, 'repo-helpers once', build);
    first.commitQuietly('chore: only in the first copy');
    const second = repoFromTemplate(t, 'repo-helpers once', build);
    assert.equal(builds, 1);
    assert.notEqual(first.dir, second.dir);
    assert.equal(second.git(['rev-list', '--count', 'HEAD']).stdout.trim(), '1', 'a change to one copy is not in the next');
  });

  it('head() reads HEAD as rev-parse does: on a branch, detached, and in a subdirectory', (t) => {
    const repo = createRepo(t);
    const first = repo.commitQuietly('chore: one');
    const second = repo.commitQuietly('chore: two');
    assert.equal(second, repo.git(['rev-parse', 'HEAD']).stdout.trim());
    repo.git(['switch', '-q', '--detach', first]);
    assert.equal(repo.head(), first);
    repo.git(['pack-refs', '--all']);
    repo.git(['switch', '-q', 'main']);
    assert.equal(repo.head(), second, 'a branch only in packed-refs');
  });

  it('the test HOME stops git maintenance and gc after commits and pushes', (t) => {
    const repo = createRepo(t, { origin: true });
    const trace = path.join(repo.home, 'trace.txt');
    repo.commitQuietly('chore: start');
    repo.git(['commit', '-q', '--allow-empty', '--no-verify', '-m', 'chore: traced'], { env: { GIT_TRACE: trace } });
    repo.git(['push', '-q', '--no-verify', 'origin', 'main'], { env: { GIT_TRACE: trace } });
    const traced = fs.readFileSync(trace, 'utf8');
    assert.match(traced, /built-in: git commit/, 'the trace is written');
    assert.doesNotMatch(traced, /maintenance|built-in: git gc/);
  });
});
