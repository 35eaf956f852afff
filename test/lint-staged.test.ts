// The pre-commit hook runs the project's lint-staged tasks (its own config, or the tasks the
// mcflow config lists) through lint-staged's API after our checks pass.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { CHECK_IDS } from '../src/checks/ids.js';
import { hookLine } from '../src/install/hook-files.js';
import { createRepo, repoFromTemplate } from './helpers/repo.js';

/** A "formatter": upper-cases the files lint-staged hands it. */
const FORMATTER = "const fs = require('fs'); for (const f of process.argv.slice(2)) fs.writeFileSync(f, fs.readFileSync(f, 'utf8').toUpperCase());\n";

function hookedRepo(t: TestContext) {
  // built once per file, copied for each test
  return repoFromTemplate(t, 'hooked', (fileScope) => {
    const repo = createRepo(fileScope);
    repo.installHooks({ 'pre-commit': 'mcflow-hooks run pre-commit\n' });
    repo.write('format.cjs', FORMATTER);
    repo.git(['add', 'format.cjs']);
    repo.commitQuietly('chore: initial commit');
    repo.switchQuietly('-c', 'feature/lint');
    return repo;
  });
}

describe('lint-staged in the pre-commit hook', () => {
  it("runs the project's own lint-staged config, and what the tasks fix is committed", (t) => {
    const repo = hookedRepo(t);
    repo.write('.lintstagedrc.json', JSON.stringify({ '*.txt': 'node format.cjs' }));
    repo.write('note.txt', 'hello\n');
    repo.git(['add', 'note.txt', '.lintstagedrc.json']);
    const result = repo.git(['commit', '-m', 'docs: add a note']);
    assert.equal(result.code, 0, result.output);
    assert.equal(repo.git(['show', 'HEAD:note.txt']).stdout, 'HELLO\n');
  });

  it('a failing task refuses the commit', (t) => {
    const repo = hookedRepo(t);
    repo.write('package.json', JSON.stringify({ name: 'x', 'lint-staged': { '*.txt': 'node -e "process.exit(3)"' } }));
    repo.write('note.txt', 'hello\n');
    repo.git(['add', '-A']);
    const result = repo.git(['commit', '-m', 'docs: add a note'], { allowFailure: true });
    assert.notEqual(result.code, 0);
    assert.match(result.output, /node -e "process.exit\(3\)"/);
    assert.equal(repo.git(['rev-list', '--count', 'HEAD']).stdout.trim(), '1', 'nothing was committed');
  });

  it('runs the lintStaged tasks of the mcflow config when the project has no lint-staged config', (t) => {
    const repo = hookedRepo(t);
    repo.write('.mcflowrc.json', JSON.stringify({ lintStaged: { '*.md': ['node format.cjs'] } }));
    repo.write('README.md', 'readme\n');
    repo.git(['add', '-A']);
    assert.equal(repo.git(['commit', '-m', 'docs: add readme']).code, 0);
    assert.equal(repo.git(['show', 'HEAD:README.md']).stdout, 'README\n');
  });

  it('without any tasks, lint-staged is not even loaded', (t) => {
    const repo = hookedRepo(t);
    repo.write('note.txt', 'hello\n');
    repo.git(['add', 'note.txt']);
    const result = repo.git(['commit', '-m', 'docs: add a note']);
    assert.equal(result.output.includes('lint-staged'), false, result.output);
    assert.equal(repo.git(['show', 'HEAD:note.txt']).stdout, 'hello\n');
  });

  it('does not run when our checks refuse the commit', (t) => {
    if (!(CHECK_IDS as readonly string[]).includes('protected-branch')) {
      t.skip('needs issue 3 checks (protected-branch not on main yet)');
      return;
    }
    const repo = hookedRepo(t);
    repo.switchQuietly('main');
    repo.write('.lintstagedrc.json', JSON.stringify({ '*.txt': `node -e "require('fs').writeFileSync('${path.join(repo.dir, 'ran')}', '')"` }));
    repo.write('note.txt', 'hello\n');
    repo.git(['add', '-A']);
    assert.notEqual(repo.git(['commit', '-m', 'docs: add a note'], { allowFailure: true }).code, 0);
    assert.throws(() => repo.read('ran'), 'lint-staged did not run');
  });

  it('a workspace: the config at the root, the hook in a package, lint-staged runs from the root', (t) => {
    const repo = createRepo(t);
    // The bin is hoisted to the root's node_modules, as npm and yarn workspaces do.
    repo.installHooks({ 'pre-commit': `${hookLine('mcflow-hooks run pre-commit', 'packages/app')}\n` });
    repo.write('package.json', JSON.stringify({ name: 'root', private: true, 'lint-staged': { '*.txt': 'node format.cjs' } }));
    repo.write('format.cjs', FORMATTER);
    repo.write('packages/app/package.json', JSON.stringify({ name: 'app' }));
    repo.git(['add', '-A']);
    repo.commitQuietly('chore: initial commit');
    repo.switchQuietly('-c', 'feature/lint');
    repo.write('packages/app/note.txt', 'hello\n');
    repo.git(['add', '-A']);
    const result = repo.git(['commit', '-m', 'docs: add a note']);
    assert.equal(result.code, 0, result.output);
    assert.doesNotMatch(result.output, /could not find any valid configuration/);
    assert.equal(repo.git(['show', 'HEAD:packages/app/note.txt']).stdout, 'HELLO\n');
  });

  it("the project's own lint-staged runs, not our copy", (t) => {
    const repo = hookedRepo(t);
    // A stand-in for the project's pinned lint-staged: records that it ran and where.
    repo.write('node_modules/lint-staged/package.json', JSON.stringify({ name: 'lint-staged', version: '15.0.0', type: 'module', exports: { '.': './index.js' } }));
    repo.write('node_modules/lint-staged/index.js', `import fs from 'node:fs';\nexport default async (options) => { fs.writeFileSync(${JSON.stringify(path.join(repo.dir, 'ran'))}, options.cwd); return true; };\n`);
    repo.write('.lintstagedrc.json', JSON.stringify({ '*.txt': 'node format.cjs' }));
    repo.write('note.txt', 'hello\n');
    repo.git(['add', 'note.txt', '.lintstagedrc.json']);
    const result = repo.git(['commit', '-m', 'docs: add a note']);
    assert.equal(result.code, 0, result.output);
    assert.equal(repo.read('ran'), repo.dir);
    assert.equal(repo.git(['show', 'HEAD:note.txt']).stdout, 'hello\n', 'our copy did not run the task as well');
  });

  it('a failing task says it is the project\'s own, and MCFLOW_SKIP=lint-staged skips only those tasks', (t) => {
    const repo = hookedRepo(t);
    repo.write('.lintstagedrc.json', JSON.stringify({ '*.txt': 'node -e "process.exit(3)"' }));
    repo.write('note.txt', 'hello\n');
    repo.git(['add', 'note.txt', '.lintstagedrc.json']);
    const refused = repo.git(['commit', '-m', 'docs: add a note'], { allowFailure: true });
    assert.notEqual(refused.code, 0);
    assert.match(refused.output, /Your own lint-staged tasks failed/);
    assert.match(refused.output, /MCFLOW_SKIP=lint-staged git commit/);
    const skipped = repo.git(['commit', '-m', 'docs: add a note'], { env: { MCFLOW_SKIP: 'lint-staged' } });
    assert.equal(skipped.code, 0, skipped.output);
    repo.switchQuietly('main');
    const onMain = repo.git(['commit', '--allow-empty', '-m', 'docs: on main'], { env: { MCFLOW_SKIP: 'lint-staged' }, allowFailure: true });
    assert.notEqual(onMain.code, 0, onMain.output);
  });
});
