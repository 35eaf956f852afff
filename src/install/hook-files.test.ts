import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { chainLine, hookLine, isOurLine, isReplaceableLine, lfsLine, mergeHook, removeOurLines, shippedHooks } from './hook-files.js';

const OURS = hookLine('mcflow-hooks run commit-msg "$1"', '');

describe('hook files', () => {
  it('ships one line per hook, each calling the CLI', () => {
    const hooks = shippedHooks();
    assert.ok(hooks.has('commit-msg') && hooks.has('prepare-commit-msg') && hooks.has('pre-merge-commit'));
    for (const [name, line] of hooks) assert.match(line, new RegExp(`(^|\\) )mcflow-hooks run ${name}\\b`));
  });

  it("prepare-commit-msg's shell line removes a stale amend note for -m commits, in a repository and a linked worktree", (t) => {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mcflow-hookline-')));
    t.after(() => fs.rmSync(root, { recursive: true, force: true }));
    const env: NodeJS.ProcessEnv = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: root };
    delete env.GIT_DIR;
    const git = (cwd: string, ...args: string[]) => spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@e', ...args], { cwd, env, encoding: 'utf8' });
    const main = path.join(root, 'main');
    fs.mkdirSync(main);
    git(main, 'init', '-q');
    git(main, 'commit', '-q', '--allow-empty', '-m', 'init');
    git(main, 'worktree', 'add', '-q', path.join(root, 'linked'));
    const line = shippedHooks().get('prepare-commit-msg')!;
    for (const dir of [main, path.join(root, 'linked')]) {
      const note = path.resolve(dir, git(dir, 'rev-parse', '--git-path', 'mcflow-hooks-amending').stdout.trim());
      fs.writeFileSync(note, '');
      const run = spawnSync('sh', ['-ec', line, 'hook', '.git/COMMIT_EDITMSG', 'message'], { cwd: dir, env, encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
      assert.equal(fs.existsSync(note), false, `note removed in ${dir}`);
      const again = spawnSync('sh', ['-ec', line, 'hook', '.git/COMMIT_EDITMSG', 'template'], { cwd: dir, env, encoding: 'utf8' });
      assert.equal(again.status, 0, `no note: nothing to do, no error (${again.stderr})`);
    }
  });

  const cases: { name: string; hook?: string; existing: string | undefined; expected: string | undefined }[] = [
    { name: 'a new file holds only our line', existing: undefined, expected: `${OURS}\n` },
    { name: "a user's hook keeps its lines, ours goes first so the policy runs before their tasks", existing: 'npm test\n', expected: `${OURS}\nnpm test\n` },
    { name: 'a shebang and comments stay on top', existing: '#!/bin/sh\n# checks\nnpm test', expected: `#!/bin/sh\n# checks\n${OURS}\nnpm test\n` },
    { name: 'our line already there: nothing changes', existing: `${OURS}\nnpm test\n`, expected: undefined },
    { name: 'an older line of ours is replaced in place', existing: `mcflow-hooks run commit-msg # mcflow-hooks\nnpm test\n`, expected: `${OURS}\nnpm test\n` },
    { name: 'CRLF becomes LF (sh reads CR as part of a command)', existing: 'npm test\r\n', expected: `${OURS}\nnpm test\n` },
    {
      name: "commitlint, which our commit-msg check runs with the project's config, is replaced, not run twice",
      hook: 'commit-msg',
      existing: 'npx --no -- commitlint --edit "$1"\n',
      expected: `${OURS}\n# mcflow-hooks replaced: npx --no -- commitlint --edit "$1"\n`,
    },
  ];
  for (const { name, hook, existing, expected } of cases) {
    it(name, () => assert.equal(mergeHook(hook ?? 'commit-msg', existing, [OURS]), expected));
  }

  it('recognises the plain lint-staged and commitlint lines, and leaves lines with options of their own', () => {
    for (const line of ['npx lint-staged', 'npx --no-install lint-staged', 'pnpm exec lint-staged', 'yarn lint-staged', 'lint-staged', 'bunx lint-staged']) {
      assert.ok(isReplaceableLine('pre-commit', line), line);
    }
    for (const line of ['npx lint-staged --concurrent false', 'npm test', 'echo lint-staged']) assert.equal(isReplaceableLine('pre-commit', line), false, line);
    for (const line of ['npx --no -- commitlint --edit "$1"', 'npx commitlint --edit $1', 'pnpm commitlint --edit ${1}', 'commitlint --edit']) {
      assert.ok(isReplaceableLine('commit-msg', line), line);
    }
    assert.equal(isReplaceableLine('commit-msg', 'npx commitlint --edit "$1" --config other.js'), false);
  });

  it('running the merge twice changes nothing the second time', () => {
    const once = mergeHook('pre-commit', 'echo hi\nnpx lint-staged\n', [OURS])!;
    assert.equal(mergeHook('pre-commit', once, [OURS]), undefined);
  });

  it('uninstall removes exactly our lines, gives back the replaced ones, and removes a file with nothing else left', () => {
    assert.equal(removeOurLines(`${OURS}\nnpm test\n`), 'npm test\n');
    assert.equal(removeOurLines(`${OURS}\n`), undefined);
    const original = 'npx --no -- commitlint --edit "$1"\n';
    assert.equal(removeOurLines(mergeHook('commit-msg', original, [OURS])!), original);
    assert.equal(removeOurLines('mcflow-hooks run commit-msg "$1"\n'), 'mcflow-hooks run commit-msg "$1"\n', "a user's own unmarked call stays");
  });

  it('in a monorepo the line changes into the package in a subshell, and finds the bin at the root or in the main worktree', () => {
    const line = hookLine('mcflow-hooks run commit-msg "$1"', 'packages/app');
    assert.match(line, /^\(cd packages\/app && \{ command -v mcflow-hooks >\/dev\/null \|\| PATH=.*packages\/app\/node_modules\/\.bin.*; \} && \{ command -v mcflow-hooks >\/dev\/null \|\| \{ echo '[^']*' >&2; exit 1; \}; \} && mcflow-hooks run commit-msg "\$1"\) # mcflow-hooks$/);
    assert.match(hookLine('x', 'my app'), /^\(cd 'my app' && /);
    assert.ok(isOurLine(hookLine('x', 'a')));
  });

  it('chained lines are ours (uninstall removes them) and hand pre-push its input', () => {
    assert.ok(isOurLine(chainLine('post-merge')) && isOurLine(lfsLine('pre-push')));
    assert.match(lfsLine('pre-push', { pushInput: true }), /printf '%s\\n' "\$mcflow_refs" \| git lfs pre-push "\$@"/);
    assert.match(chainLine('pre-push', { pushInput: true }), /\| "\$g" "\$@"/);
  });
});
