// The commit-msg hook: our process alone and a whole `git commit`, against a bare Node start,
// against `--no-verify`, and against the standard setup (husky + `commitlint --edit`).
import fs from 'node:fs';
import path from 'node:path';
import { CLI, benchEnv, hookedRepo, initHooks, report, sideBySide, tempDir } from './lib.mjs';

export default async function benchCommitMsg() {
  const home = tempDir();
  const env = benchEnv(home);
  const ours = hookedRepo(home, initHooks('commit-msg'), { asInitLeavesIt: true });
  const standard = hookedRepo(home, { 'commit-msg': 'commitlint --edit "$1"\n' });
  fs.writeFileSync(path.join(standard.dir, 'commitlint.config.mjs'), "export default { extends: ['@commitlint/config-conventional'] };\n");
  fs.appendFileSync(path.join(standard.dir, '.git/info/exclude'), 'commitlint.config.mjs\n');
  const message = path.join(home, 'COMMIT_EDITMSG');
  fs.writeFileSync(message, 'feat: add login form\n');
  const commit = (repo, extra = []) => ({ command: 'git', args: ['commit', '-q', '--allow-empty', '-m', 'feat: add login form', ...extra], cwd: repo.dir, env: repo.env });

  const medians = sideBySide([
    { label: "node -e ''", command: process.execPath, args: ['-e', ''], cwd: ours.dir, env },
    // As git runs it from a hook: in the work tree's top level, with GIT_PREFIX set.
    { label: 'mcflow-hooks run commit-msg', command: process.execPath, args: [CLI, 'run', 'commit-msg', message], cwd: ours.dir, env: { ...env, GIT_PREFIX: '' } },
    { label: 'commitlint --edit', command: path.join(standard.dir, 'node_modules/.bin/commitlint'), args: ['--edit', message], cwd: standard.dir, env },
    { label: 'git commit --no-verify', ...commit(ours, ['--no-verify']) },
    { label: 'git commit (mcflow-hooks)', ...commit(ours) },
    { label: 'git commit (husky + commitlint)', ...commit(standard) },
  ]);
  return report('commit-msg: a valid message', medians, [
    ['mcflow-hooks run commit-msg', "node -e ''", 2],
    ['commitlint --edit', "node -e ''"],
    ['git commit (mcflow-hooks)', 'git commit (husky + commitlint)', 0.2],
    ['git commit (mcflow-hooks)', 'git commit --no-verify'],
    ['git commit (husky + commitlint)', 'git commit --no-verify'],
  ]);
}
