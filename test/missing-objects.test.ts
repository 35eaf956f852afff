// A clone that lacks objects git needs (a partial clone away from its remote, a copied or damaged
// .git): every reading command stops with exit 2, names the object git could not read, and says
// how to find and fetch what is missing. Never a pass: content that cannot be read is not clean.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { createRepo, type TestRepo } from './helpers/repo.js';

/** main, then a commit adding b.txt whose blob is deleted from the object store. */
function repoMissingBlob(t: TestContext): { repo: TestRepo & { origin?: string }; blob: string } {
  const repo = createRepo(t, { origin: true });
  repo.write('a.txt', 'hello\n');
  repo.git(['add', 'a.txt']);
  repo.commitQuietly('chore: initial commit');
  repo.git(['push', '-q', '--no-verify', 'origin', 'main']);
  repo.git(['switch', '-q', '-c', 'feature/b']);
  repo.write('b.txt', 'more\n');
  repo.git(['add', 'b.txt']);
  repo.commitQuietly('feat: add b');
  const blob = repo.git(['rev-parse', 'HEAD:b.txt']).stdout.trim();
  fs.rmSync(path.join(repo.dir, '.git', 'objects', blob.slice(0, 2), blob.slice(2)));
  return { repo, blob };
}

function assertMissingObjectReport(result: { code: number; output: string }, blob: string): void {
  assert.equal(result.code, 2, result.output);
  assert.match(result.output, new RegExp(`✖ git .* failed: .*${blob}`), 'the object git could not read');
  assert.match(result.output, /→ this clone lacks objects .*git fsck --connectivity-only.*git fetch --refetch origin/);
  assert.doesNotMatch(result.output, /hint:|grafts is deprecated/, 'git advice is not the reason');
  assert.doesNotMatch(result.output, /✔/);
}

describe('a clone missing an object the range needs', () => {
  it('verify stops with exit 2 and the fix', async (t) => {
    const { repo, blob } = repoMissingBlob(t);
    assertMissingObjectReport(await repo.run(['verify', '--base', 'main', '--head', 'HEAD']), blob);
  });

  it('audit stops with exit 2 and the fix', async (t) => {
    const { repo, blob } = repoMissingBlob(t);
    assertMissingObjectReport(await repo.run(['audit']), blob);
  });

  it('pre-push stops with exit 2 and the fix', async (t) => {
    const { repo, blob } = repoMissingBlob(t);
    const head = repo.git(['rev-parse', 'HEAD']).stdout.trim();
    const input = `refs/heads/feature/b ${head} refs/heads/feature/b ${'0'.repeat(40)}\n`;
    assertMissingObjectReport(await repo.run(['run', 'pre-push', 'origin', repo.origin!], { input }), blob);
  });
});
