import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { packageRoot } from '../package-root.js';
import type { Problem, RefUpdate } from '../types.js';
import { nextVersion, tagName } from './tag-name.js';

const config = JSON.parse(fs.readFileSync(path.join(packageRoot(), 'presets/gitflow.json'), 'utf8'));
const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const Z = '0'.repeat(40);

function tag(name: string, kind: RefUpdate['kind'], reachableFromProduction?: RefUpdate['reachableFromProduction']): RefUpdate {
  return {
    localRef: kind === 'delete' ? '(delete)' : `refs/tags/${name}`,
    localSha: kind === 'delete' ? Z : A,
    remoteRef: `refs/tags/${name}`,
    remoteSha: kind === 'create' ? Z : B,
    kind,
    ...(reachableFromProduction !== undefined ? { reachableFromProduction } : {}),
  };
}
const run = async (updates: RefUpdate[], cfg = config) =>
  (await tagName.run({ stage: 'pre-push', refUpdates: updates, remote: { name: 'origin', url: '/o.git' } }, { config: cfg, stage: 'pre-push' })) as Problem[];

describe('tag-name', () => {
  // [update, message (undefined: fine), fix, severity]
  const cases: [RefUpdate, string | undefined, string | undefined, 'warning' | undefined][] = [
    [tag('v2.1.0', 'create', true), undefined, undefined, undefined],
    [tag('v2.1.0+20250127.1', 'create', true), undefined, undefined, undefined],
    [tag('v2.2.0-beta.1', 'create'), undefined, undefined, undefined], // pre-releases are tagged on develop or release/*
    [tag('archive/release-v1', 'create'), undefined, undefined, undefined],
    [tag('v2.2.0-beta.1', 'delete'), undefined, undefined, undefined],
    [tag('nightly', 'delete'), undefined, undefined, undefined],
    [
      tag('2.1.0', 'create'),
      'Tag "2.1.0" is not a version tag vMAJOR.MINOR.PATCH[-prerelease][+build] (e.g. v2.1.0, v2.2.0-beta.1) and matches none of archive/*',
      "retag it: git tag v2.1.0 '2.1.0^{commit}' && git tag -d 2.1.0 && git push origin v2.1.0",
      undefined,
    ],
    [
      tag('latest', 'create'),
      'Tag "latest" is not a version tag vMAJOR.MINOR.PATCH[-prerelease][+build] (e.g. v2.1.0, v2.2.0-beta.1) and matches none of archive/*',
      "retag it: git tag v<MAJOR.MINOR.PATCH> 'latest^{commit}' && git tag -d latest && git push origin v<MAJOR.MINOR.PATCH>",
      undefined,
    ],
    [
      tag('v2.1.0', 'delete'),
      'This push deletes the release tag "v2.1.0" from origin',
      'a published version never changes or disappears: release a new one (git tag v2.1.1 && git push origin v2.1.1); restore your local tag with: git fetch --force origin tag v2.1.0',
      undefined,
    ],
    [
      tag('v2.1.0', 'force', true),
      'This push moves the version tag "v2.1.0" on origin to another commit',
      'a published version never changes or disappears: release a new one (git tag v2.1.1 && git push origin v2.1.1); restore your local tag with: git fetch --force origin tag v2.1.0',
      undefined,
    ],
    [
      tag('v2.2.0-beta.1', 'force'),
      'This push moves the version tag "v2.2.0-beta.1" on origin to another commit',
      'a published version never changes or disappears: release a new one (git tag v2.2.0-beta.2 && git push origin v2.2.0-beta.2); restore your local tag with: git fetch --force origin tag v2.2.0-beta.1',
      undefined,
    ],
    [
      tag('v2.0.0', 'create', false),
      'Release tag "v2.0.0" points at a commit that no production branch (main-production, main) contains',
      'merge the release into production through a pull request and tag the merge commit there, or make it a pre-release: git tag -d v2.0.0 && git tag v2.0.0-rc.1',
      undefined,
    ],
    [
      tag('v2.0.0', 'create', 'unknown'),
      'Could not check that release tag "v2.0.0" is on a production branch (main-production, main): this clone has none of them, or too little history',
      'fetch them, then push again: git fetch origin   (in a shallow clone: git fetch --unshallow origin)',
      'warning',
    ],
  ];
  for (const [update, message, fix, severity] of cases) {
    it(`${update.kind} ${update.remoteRef} (reachable: ${update.reachableFromProduction ?? '-'}) → ${message ? 'a finding' : 'fine'}`, async () => {
      const problems = await run([update]);
      if (!message) return assert.deepEqual(problems, []);
      assert.equal(problems.length, 1);
      assert.equal(problems[0]!.message, message);
      assert.equal(problems[0]!.fix, fix);
      assert.equal(problems[0]!.severity, severity);
      assert.equal(problems[0]!.ref, update.remoteRef);
      assert.equal(problems[0]!.commit, update.kind === 'delete' ? B : A);
    });
  }

  it('ignores branches, and skips the production check when no production branch is configured', async () => {
    assert.deepEqual(await run([{ localRef: 'refs/heads/x', localSha: A, remoteRef: 'refs/heads/x', remoteSha: Z, kind: 'create' }]), []);
    const noProduction = { ...config, branches: { ...config.branches, production: [] } };
    assert.deepEqual(await run([tag('v2.0.0', 'create', 'unknown')], noProduction), []);
  });
});

describe('nextVersion', () => {
  const cases: [string, string][] = [
    ['v2.1.0', 'v2.1.1'],
    ['v2.1.0+20250127.1', 'v2.1.1'],
    ['v2.2.0-beta.1', 'v2.2.0-beta.2'],
    ['v2.2.0-rc.9+build.5', 'v2.2.0-rc.10'],
    ['v2.2.0-7', 'v2.2.0-8'],
    ['v2.2.0-rc', 'v2.2.1'],
  ];
  for (const [tag, next] of cases) it(`${tag} → ${next}`, () => assert.equal(nextVersion(tag), next));
});
