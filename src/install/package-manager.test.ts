import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { detectPackageManager } from './package-manager.js';

function dirWith(t: TestContext, files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mcflow-pm-')));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

describe('package manager detection', () => {
  const lockfiles: [Record<string, string>, string][] = [
    [{ 'package-lock.json': '{}' }, 'npm'],
    [{ 'pnpm-lock.yaml': '' }, 'pnpm'],
    [{ 'yarn.lock': '# yarn lockfile v1\n' }, 'yarn'],
    [{ 'yarn.lock': '__metadata:\n  version: 8\n' }, 'yarn-berry'],
    [{ 'yarn.lock': '', '.yarnrc.yml': '' }, 'yarn-berry'],
    [{ 'bun.lock': '' }, 'bun'],
    [{ 'bun.lockb': '' }, 'bun'],
  ];
  for (const [files, expected] of lockfiles) {
    it(`${Object.keys(files).join(' + ')} → ${expected}`, (t) => {
      const dir = dirWith(t, files);
      assert.equal(detectPackageManager(dir, dir, undefined, {}).name, expected);
    });
  }

  it('finds a workspace lockfile above the package, up to the git root', (t) => {
    const root = dirWith(t, { 'pnpm-lock.yaml': '', 'packages/app/package.json': '{}' });
    assert.equal(detectPackageManager(path.join(root, 'packages/app'), root, undefined, {}).name, 'pnpm');
  });

  it('then the packageManager field, then the running package manager, else npm', (t) => {
    const dir = dirWith(t, {});
    assert.equal(detectPackageManager(dir, dir, 'yarn@4.1.0', {}).name, 'yarn-berry');
    assert.equal(detectPackageManager(dir, dir, 'pnpm@9.0.0', {}).reason, 'packageManager');
    assert.equal(detectPackageManager(dir, dir, undefined, { npm_config_user_agent: 'pnpm/9.1.0 npm/? node/v20' }).name, 'pnpm');
    assert.deepEqual(detectPackageManager(dir, dir, undefined, {}).install, ['npm', 'install']);
  });
});
