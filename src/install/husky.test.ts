import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { huskyLayout, isHuskyHooksPath, mergePrepare, unmergePrepare } from './husky.js';

describe('husky set-up', () => {
  it('uses .husky at the root, and husky\'s subdirectory layout below it', () => {
    assert.deepEqual(huskyLayout('/r', '/r'), { packageDir: '', hooksDir: '.husky', prepare: 'husky || true' });
    assert.deepEqual(huskyLayout('/r', '/r/packages/app'), {
      packageDir: 'packages/app',
      hooksDir: 'packages/app/.husky',
      prepare: 'cd ../.. && husky packages/app/.husky || true',
    });
  });

  const prepares: [string | undefined, string | undefined][] = [
    [undefined, 'husky || true'],
    ['', 'husky || true'],
    ['npm run build', 'npm run build && (husky || true)'],
    ['husky', undefined],
    ['npm run build && husky', undefined],
    ['husky || true', undefined],
  ];
  for (const [existing, expected] of prepares) {
    it(`prepare ${JSON.stringify(existing)} → ${JSON.stringify(expected)}`, () => assert.equal(mergePrepare(existing, 'husky || true'), expected));
  }

  it('uninstall takes back only what init added to prepare', () => {
    assert.equal(unmergePrepare('husky || true', 'husky || true'), undefined);
    assert.equal(unmergePrepare('npm run build && (husky || true)', 'husky || true'), 'npm run build');
    assert.equal(unmergePrepare('husky', 'husky || true'), 'husky', "a prepare the user wrote stays");
  });

  it("recognises husky's hooks paths and nobody else's", () => {
    const layout = huskyLayout('/r', '/r');
    assert.ok(isHuskyHooksPath('.husky/_', layout));
    assert.ok(isHuskyHooksPath('.husky', layout), 'husky 8 used .husky itself');
    assert.equal(isHuskyHooksPath('/opt/corp/hooks', layout), false);
  });
});
