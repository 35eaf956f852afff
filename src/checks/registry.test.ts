// Keeps the list of checks, their modules, the registry and the README in step: a check that
// exists in one place only fails here.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { packageRoot } from '../package-root.js';
import { CHECK_IDS } from './ids.js';
import { registry } from './registry.js';

const checksDir = path.join(packageRoot(), 'src/checks');
const readme = fs.readFileSync(path.join(packageRoot(), 'README.md'), 'utf8');

describe('check registry', () => {
  it('registers exactly the ids in ids.ts', () => {
    assert.deepEqual(Object.keys(registry).sort(), [...CHECK_IDS].sort());
  });

  it('has a module file for every check, and a check for every module file', () => {
    const modules = fs
      .readdirSync(checksDir)
      .filter((file) => /^[a-z-]+\.ts$/.test(file) && !['check.ts', 'ids.ts', 'registry.ts'].includes(file))
      .map((file) => file.slice(0, -3));
    assert.deepEqual(modules.sort(), [...CHECK_IDS].sort());
  });

  for (const id of CHECK_IDS) {
    it(`${id}: loads, has its id and a reason, a test beside it, and a README section`, async () => {
      const check = await registry[id].load();
      assert.equal(check.id, id);
      assert.ok(check.why.length > 20);
      assert.ok(registry[id].stages.length > 0);
      assert.ok(fs.existsSync(path.join(checksDir, `${id}.test.ts`)), `src/checks/${id}.test.ts is missing`);
      assert.match(readme, new RegExp(`^### ${id}$`, 'm'), `README.md has no "### ${id}" section`);
    });
  }
});
