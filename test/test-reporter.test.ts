// `npm test` off a terminal: the compact reporter prints each failure in full and one closing
// line CI harnesses read, and a failing run still exits non-zero.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { makeTempDir, PACKAGE_ROOT } from './helpers/repo.js';

const REPORTER = path.join(PACKAGE_ROOT, 'scripts/test-reporter.mjs');

function runTests(dir: string, files: Record<string, string>) {
  for (const [name, body] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), body);
  const result = spawnSync(process.execPath, ['--test', `--test-reporter=${REPORTER}`, ...Object.keys(files)], {
    cwd: dir,
    // A child of a test would otherwise think it is one of our test files and run nothing.
    env: { ...process.env, NODE_TEST_CONTEXT: undefined },
    encoding: 'utf8',
  });
  return { code: result.status, output: result.stdout + result.stderr };
}

const HEADER = "import { describe, it } from 'node:test';\nimport assert from 'node:assert/strict';\n";

describe('compact test reporter', () => {
  it('prints nothing but the closing line when all pass', (t) => {
    const result = runTests(makeTempDir(t), { 'a.test.mjs': `${HEADER}it('one', () => {});\nit('two', () => {});\nit('later', { skip: true }, () => {});\n` });
    assert.equal(result.code, 0);
    assert.equal(result.output, 'tests: 2 passed, 0 failed, 1 skipped\n');
  });

  it('prints each failure with its path and diff, then the closing line, and exits non-zero', (t) => {
    const result = runTests(makeTempDir(t), {
      'a.test.mjs': `${HEADER}describe('suite', () => {\n  it('ok', () => {});\n  it('bad', () => assert.deepEqual({ a: 1 }, { a: 2 }));\n});\n`,
    });
    assert.notEqual(result.code, 0);
    assert.match(result.output, /^✖ a\.test\.mjs › suite › bad$/m);
    assert.match(result.output, /\+ {3}a: 1\n\s+- {3}a: 2/);
    assert.match(result.output, /\ntests: 1 passed, 1 failed\n$/);
    assert.doesNotMatch(result.output, /TAP version|^ok /m);
  });

  it('shows why a file failed as a whole: what it wrote to stderr, not "test failed"', (t) => {
    // As in a shard of `npm test`, where one file that throws on import fails the rest with it.
    const result = runTests(makeTempDir(t), {
      'broken.test.mjs': "throw new Error('the fixture is missing');\n",
      'shard.test.mjs': "await import('./broken.test.mjs');\n",
    });
    assert.notEqual(result.code, 0);
    assert.match(result.output, /✖ .*shard\.test\.mjs[^\n]*\n(\s+.*\n)*\s+Error: the fixture is missing/);
    assert.doesNotMatch(result.output, /'test failed'/);
  });
});
