import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isReleaseTag, parseVersionTag, suggestTagName } from './tag-name.rules.js';

describe('tag name rules', () => {
  const versions: [string, boolean][] = [
    ['v2.1.0', true],
    ['v0.0.0', true],
    ['v2.1.0+20250127.1', true],
    ['v2.2.0-beta.1', false],
    ['v2.1.0-rc.1', false],
    ['v1.0.0-alpha-a.b-c-somethinglong+build.1-aef.1-its-okay', false],
  ];
  for (const [tag, release] of versions) {
    it(`reads ${tag} as a version tag, ${release ? '' : 'not '}a release`, () => {
      assert.ok(parseVersionTag(tag));
      assert.equal(isReleaseTag(tag), release);
    });
  }

  // [tag, suggestion]
  const bad: [string, string | undefined][] = [
    ['2.1.0', 'v2.1.0'],
    ['V2.1.0', 'v2.1.0'],
    ['v2.1', 'v2.1.0'],
    ['v02.1.0', 'v2.1.0'],
    ['release-2.1.0', 'v2.1.0'],
    ['2.2.0-beta.1', 'v2.2.0-beta.1'],
    ['v2.2.0-beta.01', 'v2.2.0'],
    ['v2.1.0+', 'v2.1.0'],
    ['v2.1.0 ', 'v2.1.0'],
    ['vé2.1.0', 'v2.1.0'],
    ['latest', undefined],
    ['v1', undefined],
    ['', undefined],
  ];
  for (const [tag, suggestion] of bad) {
    it(`rejects ${JSON.stringify(tag)} and suggests ${suggestion ?? 'nothing'}`, () => {
      assert.equal(parseVersionTag(tag), undefined);
      assert.equal(isReleaseTag(tag), false);
      assert.equal(suggestTagName(tag), suggestion);
    });
  }
});
