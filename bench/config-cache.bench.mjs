// What users have: a repository as `init` leaves it (.mcflowrc.json extending gitflow, our three
// commit hooks through husky), and an adopter's repository that keeps its commitlint config in
// each common form. Each hook process is timed warm (resolved-config cache present) and cold
// (the cache deleted before each run: the first commit after a config change; once more with the
// compiled-code cache deleted too: the first commit after an install), beside a bare
// Node start and `commitlint --edit` in the same rounds; then a whole `git commit` of one staged
// file against husky + lint-staged(secretlint) + commitlint.
import fs from 'node:fs';
import path from 'node:path';
import { CLI, INIT_CONFIG, benchEnv, hookedRepo, initHooks, report, sh, sideBySide, tempDir } from './lib.mjs';

// init's own lines: prepare-commit-msg starts no Node for a message given with -m.
const HOOKS = initHooks('pre-commit', 'prepare-commit-msg', 'commit-msg');
const CONVENTIONAL = { extends: ['@commitlint/config-conventional'] };
/** The adopter's commitlint config, in the forms commitlint's docs and `init` of other tools write. */
const ADOPTER_CONFIGS = {
  'commitlint.config.mjs': "export default { extends: ['@commitlint/config-conventional'] };\n",
  '.commitlintrc.json': `${JSON.stringify(CONVENTIONAL)}\n`,
  'commitlint.config.ts': "import type { UserConfig } from '@commitlint/types';\n\nconst config: UserConfig = { extends: ['@commitlint/config-conventional'] };\nexport default config;\n",
  'package.json': `${JSON.stringify({ name: 'adopter', private: true, commitlint: CONVENTIONAL }, null, 2)}\n`,
};

/** A repository as init leaves it, plus `files`; its node_modules/.cache is its own (hookedRepo links ours). */
function initRepo(home, files = {}, hooks = HOOKS) {
  const repo = hookedRepo(home, hooks);
  fs.rmSync(path.join(repo.dir, 'node_modules/.cache'), { force: true });
  fs.writeFileSync(path.join(repo.dir, '.mcflowrc.json'), INIT_CONFIG);
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(repo.dir, name), content);
  sh('git', ['add', '-A'], { cwd: repo.dir, env: repo.env });
  sh('git', ['commit', '-q', '--no-verify', '-m', 'chore: set up'], { cwd: repo.dir, env: repo.env });
  return repo;
}

/** Where the bin keeps compiled code for the bundles it loads (beside our own node_modules, where CLI lives). */
const CODE_CACHE = path.join(path.dirname(path.dirname(CLI)), 'node_modules/.cache/mcflow-hooks-code');

const dropCache = (repo) => () => fs.rmSync(path.join(repo.dir, 'node_modules/.cache/mcflow-hooks'), { recursive: true, force: true });

export default async function benchConfigCache() {
  const home = tempDir();
  const env = benchEnv(home);
  const message = path.join(home, 'COMMIT_EDITMSG');
  fs.writeFileSync(message, 'feat: add login form\n');
  const hookEnv = { ...env, GIT_PREFIX: '' };
  const commitMsg = (repo) => ({ command: process.execPath, args: [CLI, 'run', 'commit-msg', message], cwd: repo.dir, env: hookEnv });

  const init = initRepo(home);
  // For reference: the repository no user has (what bench/commit-msg.bench.mjs measures).
  const bare = hookedRepo(home, HOOKS);
  fs.rmSync(path.join(bare.dir, 'node_modules/.cache'), { force: true });
  const adopters = Object.fromEntries(Object.entries(ADOPTER_CONFIGS).map(([file, content]) => [file, initRepo(home, { [file]: content })]));
  const standard = hookedRepo(home, { 'commit-msg': 'commitlint --edit "$1"\n' });
  fs.writeFileSync(path.join(standard.dir, 'commitlint.config.mjs'), ADOPTER_CONFIGS['commitlint.config.mjs']);

  const cases = [
    { label: "node -e ''", command: process.execPath, args: ['-e', ''], cwd: init.dir, env },
    { label: 'commit-msg, no config file', ...commitMsg(bare) },
    { label: 'commit-msg, init config, warm', ...commitMsg(init) },
    { label: 'commit-msg, init config, cold', ...commitMsg(init), before: dropCache(init) },
    // The first hook after an install or a rebuild: no compiled-code cache either (src/code-cache.ts).
    { label: 'commit-msg, init config, first run after install', ...commitMsg(init), before: () => (dropCache(init)(), fs.rmSync(CODE_CACHE, { recursive: true, force: true })) },
  ];
  for (const [file, repo] of Object.entries(adopters)) {
    cases.push({ label: `commit-msg, ${file}, warm`, ...commitMsg(repo) });
    cases.push({ label: `commit-msg, ${file}, cold`, ...commitMsg(repo), before: dropCache(repo) });
  }
  cases.push({ label: 'commitlint --edit (.mjs)', command: path.join(standard.dir, 'node_modules/.bin/commitlint'), args: ['--edit', message], cwd: standard.dir, env });
  const medians = sideBySide(cases);
  const results = report('commit-msg in the repositories users have (warm: cache present; cold: first run after a change)', medians, [
    ['commit-msg, no config file', "node -e ''"],
    ['commit-msg, init config, warm', "node -e ''", 1.7],
    ['commit-msg, init config, warm', 'commit-msg, no config file'],
    ['commit-msg, init config, cold', "node -e ''"],
    ['commit-msg, init config, first run after install', "node -e ''"],
    ...Object.keys(adopters).flatMap((file) => [
      [`commit-msg, ${file}, warm`, "node -e ''", 2],
      [`commit-msg, ${file}, cold`, "node -e ''"],
    ]),
    ['commitlint --edit (.mjs)', "node -e ''"],
  ]);

  // A whole commit of one staged file through every hook, as init leaves the repository,
  // against husky + lint-staged running secretlint + commitlint --edit.
  const stack = hookedRepo(home, { 'pre-commit': 'lint-staged\n', 'commit-msg': 'commitlint --edit "$1"\n' });
  fs.writeFileSync(path.join(stack.dir, 'package.json'), JSON.stringify({ name: 'bench', private: true, 'lint-staged': { '*': 'secretlint' } }, null, 2));
  fs.writeFileSync(path.join(stack.dir, '.secretlintrc.json'), JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
  fs.writeFileSync(path.join(stack.dir, 'commitlint.config.mjs'), ADOPTER_CONFIGS['commitlint.config.mjs']);
  const mjsAdopter = adopters['commitlint.config.mjs'];
  const bases = new Map();
  for (const repo of [init, mjsAdopter, stack]) {
    sh('git', ['add', '-A'], { cwd: repo.dir, env: repo.env });
    sh('git', ['commit', '-q', '--allow-empty', '--no-verify', '-m', 'chore: base'], { cwd: repo.dir, env: repo.env });
    bases.set(repo, sh('git', ['rev-parse', 'HEAD'], { cwd: repo.dir, env: repo.env }).stdout.trim());
    fs.mkdirSync(path.join(repo.dir, 'src'), { recursive: true });
    fs.writeFileSync(path.join(repo.dir, 'src/login.ts'), "export const login = (user: string) => fetch('https://api.example.com/login', { method: 'POST', body: user });\n");
    sh('git', ['add', 'src/login.ts'], { cwd: repo.dir, env: repo.env });
  }
  // Each timed commit starts from the base with the same file staged: moving HEAD back keeps the index.
  const commit = (repo, extra = []) => ({
    command: 'git',
    args: ['commit', '-q', '-m', 'feat: add login', ...extra],
    cwd: repo.dir,
    env: repo.env,
    before: () => sh('git', ['update-ref', 'HEAD', bases.get(repo)], { cwd: repo.dir, env: repo.env }),
  });
  const commits = sideBySide([
    { label: 'git commit --no-verify', ...commit(init, ['--no-verify']) },
    { label: 'git commit (mcflow-hooks, init config)', ...commit(init) },
    { label: 'git commit (mcflow-hooks, commitlint.config.mjs)', ...commit(mjsAdopter) },
    { label: 'git commit (husky + lint-staged(secretlint) + commitlint)', ...commit(stack) },
  ]);
  results.push(
    ...report('git commit, 1 staged file, every hook', commits, [
      ['git commit (mcflow-hooks, init config)', 'git commit (husky + lint-staged(secretlint) + commitlint)', 0.2],
      ['git commit (mcflow-hooks, commitlint.config.mjs)', 'git commit (husky + lint-staged(secretlint) + commitlint)', 0.2],
      ['git commit (mcflow-hooks, init config)', 'git commit --no-verify'],
    ]),
  );
  return results;
}
