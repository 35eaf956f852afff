// The branch and tag policy end to end: real husky hooks (pre-commit, post-checkout, pre-push)
// in a real repository with a bare `origin`, driven by real `git commit`, `git switch` and
// `git push`. Each test asserts what git did (exit code, refs on origin) and what we printed.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { createRepo, PACKAGE_ROOT, repoFromTemplate, TestRepo } from './helpers/repo.js';

type Repo = TestRepo & { origin?: string };
const HOOKS = ['pre-commit', 'post-checkout', 'pre-push'];

/** A repository with our three hooks installed through husky, exactly as shipped in hooks/. */
function hookedRepo(t: TestContext, branch = 'main'): Repo {
  // built once per file and copied for each test, as are sharedRepo and taggedRepo
  return repoFromTemplate(t, `hooked ${branch}`, (fileScope) => {
    const repo = createRepo(fileScope, { origin: true, branch });
    repo.installHooks(Object.fromEntries(HOOKS.map((hook) => [hook, fs.readFileSync(path.join(PACKAGE_ROOT, 'hooks', hook), 'utf8')])));
    return repo;
  });
}

/** main, main-production and develop with one commit, all on origin (set up with --no-verify). */
function sharedRepo(t: TestContext): Repo {
  return repoFromTemplate(t, 'shared', (fileScope) => {
    const repo = hookedRepo(fileScope);
    repo.write('README.md', 'hello\n');
    repo.git(['add', 'README.md']);
    repo.commitQuietly('chore: initial');
    repo.git(['branch', 'develop']);
    repo.git(['branch', 'main-production']);
    repo.git(['push', '-q', '--no-verify', 'origin', 'main', 'develop', 'main-production']);
    return repo;
  });
}

/**
 * A switch made without the post-checkout hook: setup, not what is tested (the post-checkout
 * tests switch through it). The hook's Node process per switch was a fifth of this file's.
 */
function switchQuietly(repo: TestRepo, ...args: string[]): void {
  repo.switchQuietly(...args);
}

/** A commit made without hooks: setup, not what is tested. */
function commitFile(repo: Repo, file: string, content: string, message = `chore: edit ${file}`): string {
  repo.write(file, content);
  repo.git(['add', file]);
  return repo.commitQuietly(message);
}

const remoteSha = (repo: Repo, ref: string) =>
  repo.git(['rev-parse', '-q', '--verify', ref], { cwd: repo.origin!, allowFailure: true }).stdout.trim() || undefined;
const headSha = (repo: Repo) => repo.git(['rev-parse', 'HEAD']).stdout.trim();

describe('pre-commit hook: protected-branch and branch-name', () => {
  it('refuses a commit on develop, names the fix, and leaves the index alone; the fix works', async (t) => {
    const repo = sharedRepo(t);
    switchQuietly(repo, 'develop');
    const before = headSha(repo);
    repo.write('login.ts', 'export {};\n');
    repo.git(['add', 'login.ts']);
    const result = repo.git(['commit', '-m', 'feat: add login'], { allowFailure: true });
    assert.equal(result.code, 1, result.output);
    assert.match(result.output, /✖ You are committing directly on the protected branch "develop" \[protected-branch\]/);
    assert.match(result.output, /ref refs\/heads\/develop/);
    assert.match(result.output, /→ move the work to a new branch \(your staged changes come along\), then commit again: git switch -c feature\/<name>/);
    assert.match(result.output, /why: protected branches change only through reviewed pull requests/);
    assert.match(result.output, /In an emergency: git commit --no-verify/);
    assert.equal(headSha(repo), before, 'no commit was made');
    assert.equal(repo.git(['diff', '--cached', '--name-only']).stdout, 'login.ts\n', 'the index is untouched');

    assert.equal(repo.git(['switch', '-c', 'feature/login']).code, 0);
    const fixed = repo.git(['commit', '-m', 'feat: add login']);
    assert.equal(fixed.code, 0);
    assert.equal(repo.git(['log', '-1', '--format=%s']).stdout.trim(), 'feat: add login');
  });

  it('allows the very first commit of a new repository on main', async (t) => {
    const repo = hookedRepo(t);
    repo.write('README.md', 'hello\n');
    repo.git(['add', 'README.md']);
    const result = repo.git(['commit', '-m', 'chore: initial']);
    assert.equal(result.code, 0, result.output);
    assert.doesNotMatch(result.output, /protected-branch/);
  });

  it('refuses a protected orphan branch in a repository that has history', async (t) => {
    const repo = sharedRepo(t);
    repo.git(['branch', '-q', '-D', 'main-production']);
    switchQuietly(repo, '--orphan', 'main-production');
    repo.write('x.txt', 'x\n');
    repo.git(['add', 'x.txt']);
    const result = repo.git(['commit', '-m', 'chore: restart'], { allowFailure: true });
    assert.equal(result.code, 1, result.output);
    assert.match(result.output, /protected branch "main-production"/);
  });

  it('allows the commit that concludes a merge in progress on develop', async (t) => {
    const repo = sharedRepo(t);
    switchQuietly(repo, '-c', 'feature/shared-file');
    commitFile(repo, 'shared.txt', 'feature side\n');
    switchQuietly(repo, 'develop');
    commitFile(repo, 'shared.txt', 'develop side\n');
    const merge = repo.git(['merge', 'feature/shared-file'], { allowFailure: true });
    assert.equal(merge.code, 1, 'the merge stops on a conflict');
    repo.write('shared.txt', 'both sides\n');
    repo.git(['add', 'shared.txt']);
    const result = repo.git(['commit', '--no-edit']);
    assert.equal(result.code, 0, result.output);
    assert.equal(repo.git(['rev-list', '--count', '--merges', 'HEAD']).stdout.trim(), '1');
  });

  it('allows a commit on a detached HEAD', async (t) => {
    const repo = sharedRepo(t);
    switchQuietly(repo, '--detach', 'develop');
    repo.write('x.txt', 'x\n');
    repo.git(['add', 'x.txt']);
    const result = repo.git(['commit', '-m', 'chore: experiment']);
    assert.equal(result.code, 0, result.output);
    assert.equal(result.output.includes('[protected-branch]'), false);
  });

  it('warns, but commits, on a badly named branch (the preset\'s pre-commit level)', async (t) => {
    const repo = sharedRepo(t);
    switchQuietly(repo, '-c', 'Login');
    repo.write('x.txt', 'x\n');
    repo.git(['add', 'x.txt']);
    const result = repo.git(['commit', '-m', 'feat: add x']);
    assert.equal(result.code, 0);
    assert.match(result.output, /⚠ Branch "Login" does not follow the naming rules \(kebab-case: "Login" is not lower-case kebab-case/);
    assert.match(result.output, /→ rename it: git branch -m feature\/login/);
  });
});

describe('post-checkout hook: branch-name', () => {
  it('warns about a bad new branch with the rename command, and never fails the switch', async (t) => {
    const repo = sharedRepo(t);
    const result = repo.git(['switch', '-c', 'Feature/Login-Form']);
    assert.equal(result.code, 0);
    assert.match(result.output, /⚠ Branch "Feature\/Login-Form" does not follow the naming rules \(kebab-case: "Feature" is not lower-case kebab-case/);
    assert.match(result.output, /→ rename it: git branch -m feature\/login-form/);
    assert.match(result.output, /0 errors, 1 warning/);
    assert.equal(repo.git(['branch', '--show-current']).stdout.trim(), 'Feature/Login-Form', 'the switch happened');
    // The suggested command works and the new name passes.
    repo.git(['branch', '-m', 'feature/login-form']);
    const again = repo.git(['switch', '-c', 'feature/login-form-2']);
    assert.equal(again.stdout + again.stderr, "Switched to a new branch 'feature/login-form-2'\n");
  });

  it('exits 0 even when the config makes branch-name an error', async (t) => {
    const repo = sharedRepo(t);
    repo.write('.mcflowrc.json', JSON.stringify({ checks: { 'branch-name': 'error' } }));
    const result = repo.git(['switch', '-c', 'wip'], { allowFailure: true });
    assert.equal(result.code, 0, result.output);
    assert.match(result.output, /⚠ Branch "wip" does not follow the naming rules \(allowed-pattern/);
    assert.match(result.output, /git branch -m feature\/wip/);
  });

  it('says nothing on a file checkout or a detached HEAD', async (t) => {
    const repo = sharedRepo(t);
    repo.git(['switch', '-q', '-c', 'Bad_Name']);
    repo.write('README.md', 'changed\n');
    const fileCheckout = repo.git(['checkout', '--', 'README.md']);
    assert.doesNotMatch(fileCheckout.output, /Bad_Name|branch-name/);
    assert.equal(repo.read('README.md'), 'hello\n');
    const detached = repo.git(['switch', '--detach', 'main']);
    assert.doesNotMatch(detached.output, /branch-name/);
    assert.match(detached.output, /HEAD is now at/);
  });

  it('starts no Node process for a file checkout', async (t) => {
    const repo = sharedRepo(t);
    // Any Node start fails loudly with this preload: the hook's process shows in the output.
    const env = { NODE_OPTIONS: `--require ${path.join(repo.dir, 'no-such-preload.cjs')}` };
    repo.write('README.md', 'changed\n');
    const fileCheckout = repo.git(['checkout', '--', 'README.md'], { env });
    assert.equal(fileCheckout.code, 0, fileCheckout.output);
    assert.doesNotMatch(fileCheckout.output, /no-such-preload/);
    assert.equal(repo.read('README.md'), 'hello\n');
    const branchCheckout = repo.git(['switch', '-c', 'feature/probe'], { env, allowFailure: true });
    assert.match(branchCheckout.output, /no-such-preload/, 'a branch checkout still runs the hook');
  });
});

describe('pre-push hook: protected-branch', () => {
  it('pushes a well-named feature branch', async (t) => {
    const repo = sharedRepo(t);
    switchQuietly(repo, '-c', 'feature/login');
    const sha = commitFile(repo, 'login.ts', 'export {};\n');
    const result = repo.git(['push', '-u', 'origin', 'feature/login']);
    assert.equal(result.code, 0, result.output);
    assert.equal(remoteSha(repo, 'refs/heads/feature/login'), sha);
  });

  it('refuses `git push origin develop` with a local commit on develop', async (t) => {
    const repo = sharedRepo(t);
    const before = remoteSha(repo, 'refs/heads/develop');
    switchQuietly(repo, 'develop');
    const sha = commitFile(repo, 'a.txt', 'a\n');
    const result = repo.git(['push', 'origin', 'develop'], { allowFailure: true });
    assert.equal(result.code, 1, result.output);
    assert.match(result.output, /✖ This push updates the protected branch "develop" on origin directly \[protected-branch\]/);
    assert.match(result.output, new RegExp(`ref refs/heads/develop, commit ${sha.slice(0, 12)}`));
    assert.match(result.output, /→ push a feature branch and open a pull request into develop: git switch -c feature\/<name> && git push -u origin feature\/<name>/);
    assert.match(result.output, /In an emergency: git push --no-verify/);
    assert.match(result.output, /error: failed to push some refs/);
    assert.equal(remoteSha(repo, 'refs/heads/develop'), before);
  });

  it('decides from the ref updates, not the current branch: `git push origin HEAD:main` and `feature/x:develop`', async (t) => {
    const repo = sharedRepo(t);
    switchQuietly(repo, '-c', 'feature/x');
    commitFile(repo, 'x.txt', 'x\n');
    const toMain = repo.git(['push', 'origin', 'HEAD:main'], { allowFailure: true });
    assert.equal(toMain.code, 1, toMain.output);
    assert.match(toMain.output, /This push updates the protected branch "main" on origin directly/);
    const toDevelop = repo.git(['push', 'origin', 'feature/x:develop'], { allowFailure: true });
    assert.equal(toDevelop.code, 1, toDevelop.output);
    assert.match(toDevelop.output, /This push updates the protected branch "develop" on origin directly/);
    assert.equal(remoteSha(repo, 'refs/heads/main'), remoteSha(repo, 'refs/heads/develop'), 'neither moved');
  });

  it('refuses `git push --force` to develop as a force update', async (t) => {
    const repo = sharedRepo(t);
    switchQuietly(repo, 'develop');
    commitFile(repo, 'a.txt', 'a\n');
    repo.git(['push', '-q', '--no-verify', 'origin', 'develop']);
    const published = headSha(repo);
    repo.git(['reset', '-q', '--hard', 'HEAD~1']);
    commitFile(repo, 'b.txt', 'b\n');
    const result = repo.git(['push', '--force', 'origin', 'develop'], { allowFailure: true });
    assert.equal(result.code, 1, result.output);
    assert.match(result.output, /✖ This push force-updates the protected branch "develop" on origin: its published history would be rewritten/);
    assert.match(result.output, /→ never rewrite develop: .*git rebase origin\/develop/);
    assert.equal(remoteSha(repo, 'refs/heads/develop'), published);
  });

  it('refuses `git push origin :develop` (a deletion), and `git push origin --delete main`', async (t) => {
    const repo = sharedRepo(t);
    for (const args of [['origin', ':develop'], ['origin', '--delete', 'main']]) {
      const branch = args.at(-1)!.replace(':', '');
      const result = repo.git(['push', ...args], { allowFailure: true });
      assert.equal(result.code, 1, result.output);
      assert.match(result.output, new RegExp(`✖ This push deletes the protected branch "${branch}" from origin`));
      assert.match(result.output, /→ protected branches are never deleted/);
      assert.ok(remoteSha(repo, `refs/heads/${branch}`), `${branch} is still on origin`);
    }
  });

  it('warns on a force push to a feature branch, and pushes it', async (t) => {
    const repo = sharedRepo(t);
    switchQuietly(repo, '-c', 'feature/rewrite');
    commitFile(repo, 'a.txt', 'a\n');
    repo.git(['push', '-q', '--no-verify', 'origin', 'feature/rewrite']);
    repo.git(['commit', '-q', '--amend', '--no-verify', '-m', 'chore: reworded']);
    const result = repo.git(['push', '--force', 'origin', 'feature/rewrite']);
    assert.equal(result.code, 0);
    assert.match(result.output, /⚠ This push force-updates "feature\/rewrite" on origin: commits others may have fetched are replaced \[protected-branch\]/);
    assert.equal(remoteSha(repo, 'refs/heads/feature/rewrite'), headSha(repo));
  });

  it('refuses a multi-ref push as a whole when one ref is protected, naming only that one', async (t) => {
    const repo = sharedRepo(t);
    switchQuietly(repo, '-c', 'feature/a');
    commitFile(repo, 'a.txt', 'a\n');
    switchQuietly(repo, '-c', 'feature/b');
    commitFile(repo, 'b.txt', 'b\n');
    switchQuietly(repo, 'develop');
    commitFile(repo, 'd.txt', 'd\n');
    const result = repo.git(['push', 'origin', 'feature/a', 'feature/b', 'develop'], { allowFailure: true });
    assert.equal(result.code, 1, result.output);
    assert.match(result.output, /protected branch "develop"/);
    assert.doesNotMatch(result.output, /feature\/a|feature\/b/);
    assert.match(result.output, /1 error, 0 warnings/);
    assert.equal(remoteSha(repo, 'refs/heads/feature/a'), undefined, 'git pushes nothing when the hook refuses');
  });

  it('refuses `git push --all` and `git push --mirror` that would update develop or push a bad name', async (t) => {
    const repo = sharedRepo(t);
    switchQuietly(repo, 'develop');
    commitFile(repo, 'd.txt', 'd\n');
    switchQuietly(repo, '-c', 'Bad_Name');
    for (const flag of ['--all', '--mirror']) {
      const result = repo.git(['push', flag, 'origin'], { allowFailure: true });
      assert.equal(result.code, 1, `${flag}: ${result.output}`);
      assert.match(result.output, /✖ This push updates the protected branch "develop" on origin directly \[protected-branch\]/);
      assert.match(result.output, /✖ Branch "Bad_Name" does not follow the naming rules \(kebab-case: "Bad_Name"/);
    }
    assert.equal(remoteSha(repo, 'refs/heads/Bad_Name'), undefined);
  });

  it('lets release automation update a protected branch through MCFLOW_ALLOW_PUSH, and says so', async (t) => {
    const repo = sharedRepo(t);
    switchQuietly(repo, 'main-production');
    const sha = commitFile(repo, 'CHANGELOG.md', 'v1.0.0\n', 'chore(release): 1.0.0');
    const result = repo.git(['push', 'origin', 'main-production'], { env: { MCFLOW_ALLOW_PUSH: 'main-production' } });
    assert.equal(result.code, 0);
    assert.match(result.output, /⚠ This push updates the protected branch "main-production" on origin, allowed by MCFLOW_ALLOW_PUSH=main-production \(release automation\)/);
    assert.equal(remoteSha(repo, 'refs/heads/main-production'), sha);
    const other = repo.git(['push', 'origin', 'main-production:main'], { env: { MCFLOW_ALLOW_PUSH: 'main-production' }, allowFailure: true });
    assert.equal(other.code, 1, 'only the branches it names');
  });
});

describe('pre-push hook: branch-name', () => {
  it('refuses a badly named branch with the rename and push commands', async (t) => {
    const repo = sharedRepo(t);
    switchQuietly(repo, '-c', 'Feature/Login');
    const result = repo.git(['push', 'origin', 'Feature/Login'], { allowFailure: true });
    assert.equal(result.code, 1, result.output);
    assert.match(result.output, /✖ Branch "Feature\/Login" does not follow the naming rules \(kebab-case: "Feature" is not lower-case kebab-case/);
    assert.match(result.output, /→ rename it and push the new name: git branch -m Feature\/Login feature\/login && git push -u origin feature\/login\n/);
    assert.equal(remoteSha(repo, 'refs/heads/Feature/Login'), undefined);
    // The printed fix, run as printed, goes through.
    repo.git(['branch', '-m', 'Feature/Login', 'feature/login']);
    assert.equal(repo.git(['push', '-u', 'origin', 'feature/login']).code, 0);
  });

  it('checks the remote name of `git push origin feature/ok:wip`, and lets a bad branch be deleted', async (t) => {
    const repo = sharedRepo(t);
    switchQuietly(repo, '-c', 'feature/ok');
    const result = repo.git(['push', 'origin', 'feature/ok:wip'], { allowFailure: true });
    assert.equal(result.code, 1);
    assert.match(result.output, /Branch "wip" does not follow the naming rules/);
    assert.match(result.output, /→ push it under a valid name: git push origin feature\/ok:refs\/heads\/feature\/wip/);
    repo.git(['push', '-q', '--no-verify', 'origin', 'feature/ok:wip']);
    assert.equal(repo.git(['push', 'origin', '--delete', 'wip']).code, 0);
  });
});

describe('pre-push hook: tag-name', () => {
  function taggedRepo(t: TestContext) {
    const repo = repoFromTemplate(t, 'tagged', (fileScope) => {
      const template = sharedRepo(fileScope);
      switchQuietly(template, '-c', 'feature/next');
      commitFile(template, 'next.txt', 'next\n');
      return template;
    });
    return { repo, featureSha: headSha(repo) };
  }

  it('pushes release tags on production, pre-releases anywhere, and archive/* tags', async (t) => {
    const { repo } = taggedRepo(t);
    repo.git(['tag', 'v1.0.0', 'main']);
    repo.git(['tag', '-a', '-m', 'release 1.0.1', 'v1.0.1+20250127.1', 'main']);
    repo.git(['tag', 'v1.1.0-beta.1', 'feature/next']);
    repo.git(['tag', 'archive/release-v0', 'feature/next']);
    const result = repo.git(['push', 'origin', 'v1.0.0', 'v1.0.1+20250127.1', 'v1.1.0-beta.1', 'archive/release-v0']);
    assert.equal(result.code, 0, result.output);
    assert.doesNotMatch(result.output, /tag-name/);
    assert.ok(remoteSha(repo, 'refs/tags/v1.0.1+20250127.1'));
  });

  it('refuses a tag that is not a version, suggesting one', async (t) => {
    const { repo } = taggedRepo(t);
    repo.git(['tag', '1.2.0', 'main']);
    const result = repo.git(['push', 'origin', '1.2.0'], { allowFailure: true });
    assert.equal(result.code, 1, result.output);
    assert.match(result.output, /✖ Tag "1\.2\.0" is not a version tag vMAJOR\.MINOR\.PATCH\[-prerelease\]\[\+build\] \(e\.g\. v2\.1\.0, v2\.2\.0-beta\.1\) and matches none of archive\/\* \[tag-name\]/);
    assert.match(result.output, /→ retag it: git tag v1\.2\.0 '1\.2\.0\^\{commit\}' && git tag -d 1\.2\.0 && git push origin v1\.2\.0/);
    assert.equal(remoteSha(repo, 'refs/tags/1.2.0'), undefined);
    // The printed fix works, through the hook.
    repo.git(['tag', 'v1.2.0', '1.2.0^{commit}']);
    repo.git(['tag', '-d', '1.2.0']);
    assert.equal(repo.git(['push', 'origin', 'v1.2.0']).code, 0);
  });

  it('refuses a release tag on a commit no production branch contains', async (t) => {
    const { repo, featureSha } = taggedRepo(t);
    repo.git(['tag', '-a', '-m', 'v2.0.0', 'v2.0.0', 'feature/next']);
    const result = repo.git(['push', 'origin', 'v2.0.0'], { allowFailure: true });
    assert.equal(result.code, 1, result.output);
    assert.match(result.output, /✖ Release tag "v2\.0\.0" points at a commit that no production branch \(main-production, main\) contains/);
    assert.match(result.output, /→ merge the release into production .* git tag -d v2\.0\.0 && git tag v2\.0\.0-rc\.1/);
    assert.ok(featureSha);
  });

  it('refuses `git push --tags` when one of several tags is bad', async (t) => {
    const { repo } = taggedRepo(t);
    repo.git(['tag', 'v1.0.0', 'main']);
    repo.git(['tag', 'latest', 'main']);
    const result = repo.git(['push', '--tags', 'origin'], { allowFailure: true });
    assert.equal(result.code, 1, result.output);
    assert.match(result.output, /Tag "latest" is not a version tag/);
    assert.match(result.output, /1 error, 0 warnings/);
    assert.equal(remoteSha(repo, 'refs/tags/v1.0.0'), undefined);
  });

  it('refuses deleting a release tag, and moving one', async (t) => {
    const { repo } = taggedRepo(t);
    repo.git(['tag', 'v1.0.0', 'main']);
    repo.git(['tag', 'v1.1.0-rc.1', 'main']);
    repo.git(['push', '-q', '--no-verify', 'origin', 'v1.0.0', 'v1.1.0-rc.1']);
    for (const args of [[':refs/tags/v1.0.0'], ['--delete', 'v1.0.0']]) {
      const result = repo.git(['push', 'origin', ...args], { allowFailure: true });
      assert.equal(result.code, 1, result.output);
      assert.match(result.output, /✖ This push deletes the release tag "v1\.0\.0" from origin \[tag-name\]/);
      assert.match(result.output, /→ a published version never changes or disappears: release a new one \(git tag v1\.0\.1 && git push origin v1\.0\.1\)/);
    }
    repo.git(['tag', '-f', 'v1.0.0', 'feature/next']);
    const moved = repo.git(['push', '--force', 'origin', 'v1.0.0'], { allowFailure: true });
    assert.equal(moved.code, 1, moved.output);
    assert.match(moved.output, /This push moves the version tag "v1\.0\.0" on origin to another commit/);
    assert.equal(remoteSha(repo, 'refs/tags/v1.0.0'), remoteSha(repo, 'refs/heads/main'));
    // A pre-release tag may be withdrawn.
    assert.equal(repo.git(['push', 'origin', '--delete', 'v1.1.0-rc.1']).code, 0);
  });

  it('warns "could not check" when the clone has no production branch', async (t) => {
    const repo = hookedRepo(t, 'develop');
    repo.write('README.md', 'hello\n');
    repo.git(['add', 'README.md']);
    assert.equal(repo.git(['commit', '-q', '-m', 'chore: initial']).code, 0, 'the first commit may be on develop');
    repo.git(['tag', 'v0.1.0']);
    const result = repo.git(['push', 'origin', 'develop', 'v0.1.0']);
    assert.equal(result.code, 0);
    assert.match(result.output, /⚠ Could not check that release tag "v0\.1\.0" is on a production branch \(main-production, main\): this clone has none of them, or too little history \[tag-name\]/);
    assert.match(result.output, /→ fetch them, then push again: git fetch origin/);
  });

  it('warns "could not check" rather than refusing in a shallow clone, where history may be cut off', async (t) => {
    const { repo } = taggedRepo(t);
    repo.git(['push', '-q', '--no-verify', 'origin', 'feature/next']);
    const clone = path.join(path.dirname(repo.dir), 'shallow');
    repo.git(['clone', '-q', '--depth', '1', '--no-single-branch', `file://${repo.origin}`, clone]);
    const shallow = new TestRepo(clone, repo.env);
    shallow.installHooks({ 'pre-push': fs.readFileSync(path.join(PACKAGE_ROOT, 'hooks/pre-push'), 'utf8') });
    assert.equal(shallow.git(['rev-parse', '--is-shallow-repository']).stdout.trim(), 'true');
    switchQuietly(shallow, 'feature/next');
    shallow.git(['tag', 'v3.0.0']);
    const result = shallow.git(['push', 'origin', 'v3.0.0']);
    assert.equal(result.code, 0, result.output);
    assert.match(result.output, /⚠ Could not check that release tag "v3\.0\.0" is on a production branch/);
    assert.match(result.output, /git fetch --unshallow origin/);
  });
});

describe('run pre-push by hand', () => {
  it('reports findings as JSON with ref and commit', async (t) => {
    const repo = sharedRepo(t);
    const sha = headSha(repo);
    const zero = '0'.repeat(40);
    const input = `(delete) ${zero} refs/heads/develop ${sha}\nrefs/tags/1.0 ${sha} refs/tags/1.0 ${zero}\n`;
    const result = await repo.run(['run', 'pre-push', '--format', 'json', 'origin', repo.origin!], { input });
    assert.equal(result.code, 1, result.output);
    const { findings } = JSON.parse(result.stdout);
    assert.deepEqual(
      findings.map((f: Record<string, string>) => [f.check, f.severity, f.ref, f.commit]),
      [
        ['protected-branch', 'error', 'refs/heads/develop', sha],
        ['tag-name', 'error', 'refs/tags/1.0', sha],
      ],
    );
  });

  it('treats an unknown remote sha (a force push over commits this clone never fetched) as a force update', async (t) => {
    const repo = sharedRepo(t);
    const sha = headSha(repo);
    const input = `refs/heads/develop ${sha} refs/heads/develop ${'e'.repeat(40)}\n`;
    const result = await repo.run(['run', 'pre-push', 'origin', repo.origin!], { input });
    assert.equal(result.code, 1);
    assert.match(result.stdout, /force-updates the protected branch "develop"/);
  });

  it('needs no git repository state beyond the input: no remote arguments, no stdin', async (t) => {
    const repo = sharedRepo(t);
    const result = await repo.run(['run', 'pre-push']);
    assert.equal(result.code, 0, result.output);
    assert.equal(result.output, '');
  });
});

describe('the branch hooks stay lazy', () => {
  /** Files of this package a real hook run loaded (see test/helpers/loaded-modules.cjs). */
  function loadedBy(repo: Repo, args: string[], input = ''): string[] {
    const record = path.join(repo.home, 'loaded.txt');
    const preload = path.join(PACKAGE_ROOT, 'test/helpers/loaded-modules.cjs');
    const result = repo.cli(args, { input, env: { NODE_OPTIONS: `--require ${preload}`, MCFLOW_TEST_LOADED: record, GIT_PREFIX: '' } });
    assert.ok(result.code === 0 || result.code === 1, result.output);
    return fs
      .readFileSync(record, 'utf8')
      .split('\n')
      .filter((file) => file.startsWith(PACKAGE_ROOT) && file !== preload)
      .map((file) => path.relative(PACKAGE_ROOT, file));
  }

  it('pre-commit, post-checkout and pre-push (with a release tag) load their own checks and nothing else', async (t) => {
    const repo = sharedRepo(t);
    repo.git(['tag', 'v1.0.0']);
    const sha = headSha(repo);
    const zero = '0'.repeat(40);
    const bundles = (...checks: string[]) => ['dist/cli.cjs', 'dist/main.cjs', 'dist/shared/messages.cjs', ...checks.map((id) => `dist/checks/${id}.cjs`), 'dist/shared/glob.cjs'].sort();
    // No commitlint, and no secretlint (nothing staged matches a preset trigger).
    assert.deepEqual(loadedBy(repo, ['run', 'pre-commit']).sort(), bundles('protected-branch', 'branch-name', 'secrets', 'sensitive-files', 'large-files'));
    assert.deepEqual(loadedBy(repo, ['run', 'post-checkout', zero, sha, '1']).sort(), bundles('branch-name'));
    const input = `refs/heads/main ${sha} refs/heads/main ${zero}\nrefs/tags/v1.0.0 ${sha} refs/tags/v1.0.0 ${zero}\n`;
    const prePush = loadedBy(repo, ['run', 'pre-push', 'origin', repo.origin!], input).sort();
    assert.deepEqual(prePush, bundles('protected-branch', 'branch-name', 'tag-name', 'secrets', 'sensitive-files', 'large-files'));
  });
});
