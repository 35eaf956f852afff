import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CheckContext } from './check.js';
import { signedCommits } from './signed-commits.js';
import type { CommitSignature } from '../types.js';

const signature = (state: string, sha = state.toLowerCase().repeat(40)): CommitSignature => ({ sha, state, subject: `feat: ${state}`, branch: 'main' });
const run = (signatures: CommitSignature[], config: CheckContext['config']) =>
  Promise.resolve(signedCommits.run({ stage: 'audit', signatures }, { config, stage: 'audit' }));

describe('signed-commits', () => {
  it('reports nothing unless audit.requireSignedCommits is on', async () => {
    assert.deepEqual(await run([signature('N')], {}), []);
  });

  it('makes a missing or bad signature an error and reports the other states as warnings', async () => {
    const problems = await run([signature('G'), signature('N', '1'.repeat(40)), signature('B', '2'.repeat(40)), signature('E', '3'.repeat(40))], {
      audit: { requireSignedCommits: true },
    });
    assert.deepEqual(
      problems.map((p) => [p.commit?.[0], p.severity]),
      [
        ['1', 'error'],
        ['2', 'error'],
        ['3', 'warning'],
      ],
    );
    assert.match(problems[0]!.message, /Commit "feat: N" on main has no signature/);
    assert.match(problems[0]!.fix!, /git rebase --exec 'git commit --amend --no-edit -S' 111111111111~1/);
    assert.match(problems[2]!.fix!, /gpg --import/);
  });
});
