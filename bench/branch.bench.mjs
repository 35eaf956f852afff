// The branch hooks: a whole `git commit` through our pre-commit hook (protected-branch and
// branch-name) and a whole `git push` through our pre-push hook (protected-branch, branch-name,
// tag-name with its production-reachability question), each against the same command with
// --no-verify, and our process alone against a bare Node start.
import fs from 'node:fs';
import path from 'node:path';
import { CLI, benchEnv, hookedRepo, initHooks, report, sh, sideBySide, tempDir } from './lib.mjs';

export default async function benchBranch() {
  const home = tempDir();
  const env = benchEnv(home);
  const repo = hookedRepo(home, initHooks('pre-commit', 'pre-push'), { asInitLeavesIt: true });
  const git = (args, extra = {}) => sh('git', args, { cwd: repo.dir, env: repo.env, ...extra });
  const origin = path.join(tempDir(), 'origin.git');
  sh('git', ['init', '-q', '--bare', origin], { env: repo.env });
  git(['remote', 'add', 'origin', origin]);
  // Some history, a production branch and a staged file, as in a real repository.
  for (let i = 0; i < 50; i++) {
    fs.writeFileSync(path.join(repo.dir, `file-${i % 10}.txt`), `line ${i}\n`);
    git(['add', `file-${i % 10}.txt`]);
    git(['commit', '-q', '--no-verify', '-m', `chore: commit ${i}`]);
  }
  git(['branch', 'main']);
  git(['push', '-q', '--no-verify', 'origin', 'main', 'feature/bench']);
  git(['tag', 'v1.0.0', 'main']);
  fs.writeFileSync(path.join(repo.dir, 'staged.txt'), 'staged\n');
  git(['add', 'staged.txt']);

  const commit = (extra = []) => ({ command: 'git', args: ['commit', '-q', '--allow-empty', '-m', 'feat: add login form', ...extra], cwd: repo.dir, env: repo.env });
  // Each timed push creates the branch and the release tag again; deleting them is untimed setup.
  const resetRemote = () =>
    git(['push', '-q', '--no-verify', 'origin', '--delete', 'feature/bench-push', 'v1.0.0'], { allowFailure: true });
  const push = (extra = []) => ({
    command: 'git',
    args: ['push', '-q', ...extra, 'origin', 'HEAD:refs/heads/feature/bench-push', 'v1.0.0'],
    cwd: repo.dir,
    env: repo.env,
    before: resetRemote,
  });
  const pushInput = () => {
    const head = git(['rev-parse', 'HEAD']).stdout.trim();
    const tag = git(['rev-parse', 'v1.0.0']).stdout.trim();
    const zero = '0'.repeat(40);
    return `refs/heads/feature/bench ${head} refs/heads/feature/bench-push ${zero}\nrefs/tags/v1.0.0 ${tag} refs/tags/v1.0.0 ${zero}\n`;
  };

  const medians = sideBySide([
    { label: "node -e ''", command: process.execPath, args: ['-e', ''], cwd: repo.dir, env },
    { label: 'mcflow-hooks run pre-commit', command: process.execPath, args: [CLI, 'run', 'pre-commit'], cwd: repo.dir, env: { ...repo.env, GIT_PREFIX: '' } },
    { label: 'mcflow-hooks run pre-push', command: process.execPath, args: [CLI, 'run', 'pre-push', 'origin', origin], cwd: repo.dir, env: { ...repo.env, GIT_PREFIX: '' }, input: pushInput() },
    { label: 'git commit --no-verify', ...commit(['--no-verify']) },
    { label: 'git commit (pre-commit hook)', ...commit() },
    { label: 'git push --no-verify', ...push(['--no-verify']) },
    { label: 'git push (pre-push hook)', ...push() },
  ]);
  return report('branch hooks: a commit on a feature branch, a push of a branch and a release tag', medians, [
    ['mcflow-hooks run pre-commit', "node -e ''"],
    ['mcflow-hooks run pre-push', "node -e ''"],
    ['git commit (pre-commit hook)', 'git commit --no-verify'],
    ['git push (pre-push hook)', 'git push --no-verify'],
  ]);
}
