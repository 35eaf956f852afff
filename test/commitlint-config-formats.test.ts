// A project's own commitlint config, in every format commitlint reads, loaded through our
// bundled @commitlint/load (no TypeScript compiler installed: .ts goes through jiti).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { createRepo, PACKAGE_ROOT } from './helpers/repo.js';

const RULES = { 'type-enum': [2, 'always', ['story']], 'type-empty': [2, 'never'] };
const json = JSON.stringify({ rules: RULES });

const FORMATS: [string, string][] = [
  ['.commitlintrc.json', json],
  ['.commitlintrc', json],
  ['.commitlintrc.yaml', "rules:\n  type-enum: [2, always, [story]]\n  type-empty: [2, never]\n"],
  ['commitlint.config.js', `module.exports = ${json};\n`],
  ['commitlint.config.cjs', `module.exports = ${json};\n`],
  ['commitlint.config.mjs', `export default ${json};\n`],
  ['commitlint.config.ts', `import type { UserConfig } from '@commitlint/types';\nconst config: UserConfig = ${json};\nexport default config;\n`],
  ['package.json', JSON.stringify({ name: 'app', version: '1.0.0', commitlint: { rules: RULES } })],
];

describe('the project\'s own commitlint config, in every format', () => {
  for (const [file, content] of FORMATS) {
    it(file, async (t) => {
      const repo = createRepo(t);
      repo.write(file, content);
      assert.equal((await repo.run(['run', 'commit-msg', repo.write('ok.txt', 'story: add login\n')])).code, 0);
      const bad = await repo.run(['run', 'commit-msg', repo.write('bad.txt', 'feat: add login\n')]);
      assert.equal(bad.code, 1, bad.output);
      assert.match(bad.stdout, /type must be one of \[story\]/);
    });
  }

  it('extends @commitlint/config-conventional installed in the project', async (t) => {
    const repo = createRepo(t);
    const scope = path.join(repo.dir, 'node_modules/@commitlint');
    fs.mkdirSync(scope, { recursive: true });
    fs.symlinkSync(path.join(PACKAGE_ROOT, 'node_modules/@commitlint/config-conventional'), path.join(scope, 'config-conventional'));
    repo.write('commitlint.config.mjs', "export default { extends: ['@commitlint/config-conventional'], rules: { 'scope-empty': [2, 'never'] } };\n");
    assert.equal((await repo.run(['run', 'commit-msg', repo.write('ok.txt', 'feat(auth)!: add login\n')])).code, 0);
    const bad = await repo.run(['run', 'commit-msg', repo.write('bad.txt', 'feat: add login\n')]);
    assert.equal(bad.code, 1, bad.output);
    assert.match(bad.stdout, /scope may not be empty/);
  });
});
