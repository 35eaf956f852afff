// The hooks outlive the CLI: `git clean -fdx` or a reinstall removes node_modules while
// core.hooksPath still points at .husky/_. Through real husky, with the lines init writes: the
// guarding hooks stop with the install command (not the shell's "not found"), an emergency
// --no-verify commit still goes through (prepare-commit-msg is not skipped by it), and a
// checkout finishes.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { hookLine, shippedHooks } from '../src/install/hook-files.js';
import { createRepo } from './helpers/repo.js';

const INSTALL = /mcflow-hooks is not installed here, so the (pre-commit|pre-push) checks cannot run: install the dependencies \(npm install, pnpm install or yarn install\); in an emergency: git (commit|push) --no-verify/;

describe('hooks whose CLI is not installed', () => {
  it('refuse with the install command, let --no-verify and checkouts through, and run again once installed', (t) => {
    const repo = createRepo(t, { origin: true });
    const hooks = Object.fromEntries([...shippedHooks()].map(([name, line]) => [name, `${hookLine(line, '')}\n`]));
    repo.installHooks(hooks);
    repo.write('README.md', 'hello\n');
    repo.git(['add', 'README.md']);
    repo.commitQuietly('chore: initial commit');
    repo.git(['push', '-q', '--no-verify', 'origin', 'main']);
    repo.switchQuietly('-c', 'feature/login');
    const bin = path.join(repo.dir, 'node_modules/.bin/mcflow-hooks');
    const installed = fs.readFileSync(bin);
    fs.rmSync(path.join(repo.dir, 'node_modules'), { recursive: true });

    repo.write('login.ts', 'export const login = 1;\n');
    repo.git(['add', 'login.ts']);
    const refused = repo.git(['commit', '-q', '-m', 'feat: add login'], { allowFailure: true });
    assert.equal(refused.code, 1, refused.output);
    assert.match(refused.output, INSTALL);
    assert.doesNotMatch(refused.output, /not found/);
    assert.equal(repo.git(['rev-parse', 'HEAD']).stdout.trim(), repo.git(['rev-parse', 'main']).stdout.trim(), 'no commit was made');

    // The emergency route, with the message written in the editor (prepare-commit-msg runs for it).
    const emergency = repo.git(['commit', '-q', '--no-verify'], { allowFailure: true, env: { GIT_EDITOR: 'printf "feat: add login\\n" >' } });
    assert.equal(emergency.code, 0, emergency.output);
    assert.equal(repo.git(['log', '-1', '--format=%s']).stdout.trim(), 'feat: add login');

    const checkout = repo.git(['checkout', '-q', '-b', 'feature/next'], { allowFailure: true });
    assert.equal(checkout.code, 0, checkout.output);
    assert.match(checkout.output, /mcflow-hooks is not installed here, so commits will be refused: install the dependencies/);

    const push = repo.git(['push', '-q', 'origin', 'feature/next'], { allowFailure: true });
    assert.equal(push.code, 1, push.output);
    assert.match(push.output, INSTALL);
    assert.equal(repo.git(['ls-remote', 'origin', 'refs/heads/feature/next']).stdout, '', 'nothing was pushed');

    // Installed again: the same lines run the checks.
    fs.mkdirSync(path.dirname(bin), { recursive: true });
    fs.writeFileSync(bin, installed, { mode: 0o755 });
    const checked = repo.git(['commit', '-q', '--allow-empty', '-m', 'Added stuff'], { allowFailure: true });
    assert.equal(checked.code, 1, checked.output);
    assert.match(checked.output, /\[commit-message\]/);
    assert.doesNotMatch(checked.output, /not installed/);
  });
});
