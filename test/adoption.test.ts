// Adopting mcflow-hooks in repositories as they are, without the packed tarball (the e2e matrix
// in e2e-pack.test.ts does that): the project's own PR template as the policy, the preset chosen
// from the branches, an atomic init, package.json layout kept, the daily-workflow edges (amend,
// rebase -i, .env, node_modules/, a local merge into a protected branch) and GitLab's wording.
// Commands run in-process through main(); the commits go through real husky hooks.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { githubPullRequestEnv, gitlabMergeRequestEnv } from './helpers/ci.js';
import { linkInstalledPackages, packageRepo } from './helpers/init.js';
import { createRepo, repoFromTemplate } from './helpers/repo.js';

const OWN_TEMPLATE = '## Summary\n\n<!-- what and why -->\n\n## How to test\n\n- [ ] No sensitive data exposed\n- [ ] Tried it locally\n';

describe('init fits the repository', () => {
  it("keeps the project's PR template and makes its sections the policy: pr and verify agree", async (t) => {
    const repo = packageRepo(t);
    repo.write('.github/pull_request_template.md', OWN_TEMPLATE);
    const init = await repo.run(['init', '--preset', 'gitflow', '--no-install']);
    assert.equal(init.code, 0, init.output);
    assert.match(init.output, /\.mcflowrc\.json: pull-request body: the sections your template has \(Summary, How to test\)/);
    linkInstalledPackages(repo);
    const config = JSON.parse(repo.read('.mcflowrc.json'));
    assert.deepEqual(config.pullRequests.body, { sections: ['Summary', 'How to test'], checkboxes: ['No sensitive data exposed'] });
    repo.git(['add', '-A']);
    repo.commitQuietly('chore: adopt mcflow-hooks');
    repo.switchQuietly('-c', 'develop');
    repo.switchQuietly('-c', 'feature/login');
    repo.commitQuietly('feat: add login');
    const filled = OWN_TEMPLATE.replace('<!-- what and why -->', 'Adds login.').replace('## How to test\n', '## How to test\nRun it.\n').replace('- [ ] No', '- [x] No');
    const ok = await repo.run(['verify', '--format', 'json'], { env: githubPullRequestEnv(repo, { base: 'develop', head: 'feature/login', body: filled }) });
    const findings = (JSON.parse(ok.stdout) as { findings: { check: string; message: string }[] }).findings;
    assert.deepEqual(findings.filter((f) => f.check === 'pr-body'), [], 'a description written from the template passes');
    const empty = await repo.run(['verify'], { env: githubPullRequestEnv(repo, { base: 'develop', head: 'feature/login', body: 'Adds login.' }) });
    assert.match(empty.output, /has no "Summary" section/);
    assert.doesNotMatch(empty.output, /"Type of change"/, "the preset's sections are not demanded");
  });

  it('picks github-flow with only main, protects the default branch origin names, and says why', async (t) => {
    const repo = packageRepo(t, { origin: true });
    repo.git(['branch', '-m', 'v2']);
    repo.git(['push', '-q', 'origin', 'v2']);
    repo.git(['remote', 'set-head', 'origin', 'v2']);
    const init = await repo.run(['init', '--yes', '--no-install']);
    assert.equal(init.code, 0, init.output);
    assert.match(init.output, /Preset "github-flow": no develop branch \(branches: v2; origin's default: v2\)/);
    assert.match(init.output, /init --preset <name>/);
    const config = JSON.parse(repo.read('.mcflowrc.json'));
    assert.equal(config.extends, 'github-flow');
    assert.deepEqual(config.branches, { protected: ['v2'], production: ['v2'] });
    const direct = await repo.run(['run', 'pre-commit']);
    assert.match(direct.output, /protected branch "v2"/);
  });

  it('picks gitflow when develop exists', async (t) => {
    const repo = packageRepo(t);
    repo.git(['branch', 'develop']);
    const init = await repo.run(['init', '--yes', '--no-install', '--dry-run']);
    assert.match(init.output, /Preset "gitflow": a develop branch exists/);
  });

  it('a missing package manager stops init before anything is touched, with the corepack hint', async (t) => {
    const repo = packageRepo(t);
    const manifest = '{\n  "name": "app",\n  "packageManager": "pnpm@9.1.0"\n}\n';
    repo.write('package.json', manifest);
    // A PATH with git and node but no pnpm.
    const bin = path.join(repo.home, 'bin');
    fs.mkdirSync(bin);
    for (const tool of ['git', 'node']) fs.symlinkSync(require_which(tool), path.join(bin, tool));
    const result = await repo.run(['init', '--yes', '--preset', 'gitflow'], { env: { PATH: bin } });
    assert.equal(result.code, 2, result.output);
    assert.match(result.output, /pnpm is not on PATH .*Nothing was changed/);
    assert.match(result.output, /corepack enable/);
    assert.equal(repo.read('package.json'), manifest);
    assert.equal(fs.existsSync(path.join(repo.dir, '.husky')), false);
    assert.equal(fs.existsSync(path.join(repo.dir, '.mcflowrc.json')), false);
  });

  it("keeps package.json's sort order and tabs, and writes the config with tabs too; uninstall restores prepare", async (t) => {
    const repo = packageRepo(t);
    const manifest = '{\n\t"name": "app",\n\t"scripts": {\n\t\t"build": "tsc"\n\t},\n\t"devDependencies": {\n\t\t"eslint": "^9.0.0",\n\t\t"typescript": "^5.0.0"\n\t}\n}\n';
    repo.write('package.json', manifest);
    repo.write('.husky/pre-commit', 'npm test\n');
    assert.equal((await repo.run(['init', '--preset', 'gitflow', '--no-install'])).code, 0);
    const edited = repo.read('package.json');
    assert.deepEqual(Object.keys(JSON.parse(edited).devDependencies), ['eslint', 'husky', 'mcflow-hooks', 'typescript']);
    assert.match(edited, /^\{\n\t"name"/);
    assert.match(repo.read('.mcflowrc.json'), /^\{\n\t"\$schema"/);
    // The user's own hook stays after uninstall; what init added to package.json goes all the same.
    const removed = await repo.run(['uninstall']);
    assert.equal(removed.code, 0, removed.output);
    const back = JSON.parse(repo.read('package.json'));
    assert.equal(back.scripts.prepare, undefined, 'the prepare init added is gone');
    assert.equal(back.devDependencies['mcflow-hooks'], undefined);
    assert.equal(repo.read('.husky/pre-commit'), 'npm test\n');
  });

  it('--dry-run lists every existing hook and what happens to it; doctor reports one that never runs', async (t) => {
    const repo = packageRepo(t);
    const legacy = path.join(repo.dir, '.git/hooks/post-merge');
    fs.writeFileSync(legacy, '#!/bin/sh\necho merged\n', { mode: 0o755 });
    fs.writeFileSync(path.join(repo.dir, '.git/hooks/pre-push'), '#!/bin/sh\ncommand -v git-lfs >/dev/null 2>&1 || { echo >&2 "no lfs"; exit 2; }\ngit lfs pre-push "$@"\n', { mode: 0o755 });
    const dry = await repo.run(['init', '--preset', 'gitflow', '--dry-run']);
    assert.match(dry.output, /your own hook \.git\/hooks\/post-merge: chained from \.husky\/post-merge/);
    assert.match(dry.output, /git-lfs's pre-push hook: its line is added to \.husky\/pre-push/);
    assert.match(dry.output, /create \.husky\/post-merge/);
    // A hooks path set by hand, nothing chained: doctor says the .git/hooks scripts never run.
    repo.git(['config', 'core.hooksPath', '.husky/_']);
    const doctor = await repo.run(['doctor']);
    assert.match(doctor.output, /✗ \.git\/hooks\/post-merge \(your own\) never runs: git runs hooks from \.husky\/_ only/);
  });
});

/** `which`, without a dependency: the first PATH entry holding the tool. */
function require_which(tool: string): string {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, tool);
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error(`${tool} not on PATH`);
}

describe('the daily-workflow edges', () => {
  /** Built once per file and copied for each test. Commits that only set the stage skip the hooks (commitQuietly). */
  function hooked(t: Parameters<typeof createRepo>[0]) {
    return repoFromTemplate(t, 'hooked', (fileScope) => {
      const repo = createRepo(fileScope);
      repo.installHooks({
        'prepare-commit-msg': 'mcflow-hooks run prepare-commit-msg "$1" "$2" "$3"\n',
        'commit-msg': 'mcflow-hooks run commit-msg "$1"\n',
        'pre-commit': 'mcflow-hooks run pre-commit\n',
        'pre-merge-commit': 'mcflow-hooks run pre-merge-commit\n',
      });
      repo.commitQuietly('chore: initial commit');
      repo.switchQuietly('-c', 'feature/edges');
      return repo;
    });
  }

  it('a refused --amend gets the --amend fix, and that fix works', async (t) => {
    const repo = hooked(t);
    repo.write('a.txt', 'a\n');
    repo.git(['add', 'a.txt']);
    repo.commitQuietly('feat: add a');
    const amend = repo.git(['commit', '--amend', '-m', 'Bad message'], { allowFailure: true });
    assert.notEqual(amend.code, 0);
    const fix = /git commit --amend --edit --file=(\S+)/.exec(amend.output);
    assert.ok(fix, amend.output);
    const plain = repo.git(['commit', '-m', 'feat: plain'], { allowFailure: true });
    assert.notEqual(plain.code, 0);
    assert.match(plain.output, /nothing (added )?to commit/, 'the plain fix would answer "nothing to commit"');
    const file = path.resolve(repo.dir, fix[1]!);
    fs.writeFileSync(file, 'feat: add a, reworded\n');
    const again = repo.git(['commit', '--amend', `--file=${file}`]);
    assert.equal(again.code, 0, again.output);
    assert.equal(repo.git(['log', '-1', '--format=%s']).stdout.trim(), 'feat: add a, reworded');
    assert.equal(repo.git(['rev-list', '--count', 'HEAD']).stdout.trim(), '2', 'amended, not a new commit');
    assert.doesNotMatch(repo.git(['commit', '--allow-empty', '-m', 'Bad'], { allowFailure: true }).output, /--amend/, 'a plain commit gets the plain fix');
  });

  it('a reword refused in rebase -i gets --amend and rebase --continue', async (t) => {
    const repo = hooked(t);
    repo.write('b.txt', 'b\n');
    repo.git(['add', 'b.txt']);
    repo.commitQuietly('feat: add b');
    repo.commitQuietly('feat: add c');
    const rebase = repo.git(['rebase', '-i', 'HEAD~2'], {
      allowFailure: true,
      env: { GIT_SEQUENCE_EDITOR: "sed -i '1s/^pick/reword/'", GIT_EDITOR: "sed -i '1s/.*/Bad reword/'" },
    });
    assert.notEqual(rebase.code, 0);
    assert.match(rebase.output, /git commit --amend --edit --file=\S+ {3}then go on with: git rebase --continue/);
    repo.git(['rebase', '--abort']);
  });

  it('a local merge into a protected branch is refused at merge time', async (t) => {
    const repo = hooked(t);
    repo.write('m.txt', 'm\n');
    repo.git(['add', 'm.txt']);
    repo.commitQuietly('feat: add m');
    repo.switchQuietly('main');
    repo.commitQuietly('chore: diverge main');
    const head = repo.git(['rev-parse', 'HEAD']).stdout;
    const merge = repo.git(['merge', '--no-edit', 'feature/edges'], { allowFailure: true });
    assert.notEqual(merge.code, 0);
    assert.match(merge.output, /merging into the protected branch "main" locally.*\[protected-branch\]/);
    assert.match(merge.output, /git merge --abort/);
    assert.equal(repo.git(['rev-parse', 'HEAD']).stdout, head, 'no merge commit was made');
    repo.git(['merge', '--abort']);
    repo.switchQuietly('-c', 'feature/other');
    assert.equal(repo.git(['merge', '-q', '--no-edit', 'feature/edges']).code, 0, 'merging into a feature branch is fine');
  });

  it('a staged node_modules/ gets a one-line summary first, with the fix', async (t) => {
    const repo = hooked(t);
    for (let i = 0; i < 40; i++) repo.write(`node_modules/pkg${i}/index.js`, `module.exports = ${i};\n`);
    repo.git(['add', '-f', 'node_modules']);
    const result = await repo.run(['run', 'pre-commit']);
    const first = result.stdout.split('\n')[0]!;
    assert.match(first, /^⚠ 4\d new files staged under node_modules\/ \(installed dependencies/);
    assert.match(result.stdout, /git rm -r --cached --quiet -- node_modules && echo \/node_modules\/ >> \.gitignore/);
  });

  it('GitLab merge requests get merge-request wording and glab fixes, from the real CI variables', async (t) => {
    const repo = createRepo(t);
    repo.commitQuietly('chore: initial commit');
    repo.switchQuietly('-c', 'develop');
    repo.switchQuietly('-c', 'feature/x');
    repo.commitQuietly('feat: add x');
    const result = await repo.run(['verify'], { env: gitlabMergeRequestEnv(repo, { base: 'main', head: 'feature/x', title: 'Add x', number: 17 }) });
    assert.match(result.output, /Merge request title: /);
    assert.match(result.output, /glab mr update 17 --title/);
    assert.match(result.output, /glab mr update 17 --target-branch develop/);
    assert.doesNotMatch(result.output, /gh pr edit/);
  });
});
