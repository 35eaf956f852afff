// A project's commitlint config that extends packages nobody installed: one clear sentence that
// names every missing package and the install command, exit 2, no stack trace, for the hook and
// for verify alike (a second missing package used to escape as an unhandled rejection, exit 1).
// Two missing packages run as a process of their own (the hook and verify), where an unhandled
// rejection ends the process; the other cases run in-process through main().
import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import { createRepo } from './helpers/repo.js';

function repoExtending(t: TestContext, extendsValue: unknown, file = '.commitlintrc.json') {
  const repo = createRepo(t);
  repo.write(file, JSON.stringify({ extends: extendsValue }));
  repo.write('msg.txt', 'feat: add login form\n');
  return repo;
}

function assertMissing(output: string, code: number, packages: string[]) {
  assert.equal(code, 2, output);
  assert.match(output, new RegExp(`needs (a package that is|packages that are) not installed: ${packages.join(', ')}`));
  assert.match(output, new RegExp(`→ install (it|them): npm install --save-dev ${packages.join(' ')}`));
  assert.doesNotMatch(output, /could not be parsed/);
  assert.doesNotMatch(output, /\n\s+at |Node\.js v|file:\/\//, 'no stack trace');
}

describe('a commitlint config that extends missing packages', () => {
  it('names both packages when two are missing (hook)', (t) => {
    const repo = repoExtending(t, ['@acme/commitlint-one', '@acme/commitlint-two']);
    const result = repo.cli(['run', 'commit-msg', 'msg.txt']);
    assertMissing(result.output, result.code, ['@acme/commitlint-one', '@acme/commitlint-two']);
  });

  it('names the one missing package, not a parse error (hook)', async (t) => {
    const repo = repoExtending(t, ['@acme/commitlint-one']);
    const result = await repo.run(['run', 'commit-msg', 'msg.txt']);
    assertMissing(result.output, result.code, ['@acme/commitlint-one']);
  });

  it('reports commitlint\'s own name for a short extends, not its legacy fallback', async (t) => {
    const repo = repoExtending(t, 'acme');
    const result = await repo.run(['run', 'commit-msg', 'msg.txt']);
    assertMissing(result.output, result.code, ['commitlint-config-acme']);
  });

  it('names a package a JavaScript config imports itself', async (t) => {
    const repo = createRepo(t);
    repo.write('commitlint.config.mjs', "import base from '@acme/base/config.js';\nexport default { extends: [base] };\n");
    repo.write('msg.txt', 'feat: add login form\n');
    const result = await repo.run(['run', 'commit-msg', 'msg.txt']);
    assertMissing(result.output, result.code, ['@acme/base']);
  });

  it('gives verify the same message and exit 2, with nothing half-written on stdout', (t) => {
    const repo = repoExtending(t, ['@acme/commitlint-one', '@acme/commitlint-two']);
    repo.git(['add', '-A']);
    repo.commitQuietly('chore: start');
    repo.write('a.txt', 'a\n');
    repo.git(['add', 'a.txt']);
    repo.commitQuietly('feat: add a');
    const result = repo.cli(['verify', '--base', 'HEAD~1', '--head', 'HEAD', '--format', 'json']);
    assertMissing(result.output, result.code, ['@acme/commitlint-one', '@acme/commitlint-two']);
    assert.equal(result.stdout, '');
  });

  it('still reports a config that is broken for another reason as unparsable', async (t) => {
    const repo = createRepo(t);
    repo.write('.commitlintrc.json', '{"extends": [');
    repo.write('msg.txt', 'feat: add login form\n');
    const result = await repo.run(['run', 'commit-msg', 'msg.txt']);
    assert.equal(result.code, 2, result.output);
    assert.match(result.output, /could not be parsed/);
  });
});
