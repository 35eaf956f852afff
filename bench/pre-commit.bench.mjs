// The pre-commit hook with 1, 50 and 500 staged files (about 6 KB of source each, 3 MB at 500):
// our whole `git commit` against `--no-verify` and against the standard setup (husky +
// lint-staged running the secretlint CLI with its recommended preset on the staged files);
// and our hook process alone with 1 staged file against a bare Node start.
import fs from 'node:fs';
import path from 'node:path';
import { CLI, benchEnv, hookedRepo, initHooks, report, sh, sideBySide, tempDir } from './lib.mjs';

/** Plausible source text: code with URLs, config keys and words the secret rules key on, and no secret. */
function sourceFile(index) {
  const lines = [`// module ${index}: handles the token refresh and api key rotation for the billing service`];
  lines.push(`import { request } from './http-${index % 7}.js';`, `const BASE_URL = 'https://api.example.com/v${index % 3}';`);
  for (let i = 0; lines.join('\n').length < 6000; i++) {
    lines.push(
      `export async function fetchItem${i}(id: string, options: { retries?: number } = {}) {`,
      `  const secretName = process.env.SECRET_NAME_${i} ?? 'billing';`,
      `  const response = await request(\`\${BASE_URL}/items/\${id}?page=${i}\`, { headers: { authorization: \`Bearer \${options.token}\` } });`,
      `  if (!response.ok) throw new Error(\`item ${i} failed: \${response.status} (key \${secretName})\`);`,
      '  return response.json();',
      '}',
    );
  }
  return `${lines.join('\n')}\n`;
}

function stage(repo, count) {
  for (let i = 0; i < count; i++) {
    const file = path.join(repo.dir, 'src', `module-${i}.ts`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, sourceFile(i));
  }
  sh('git', ['add', '-A'], { cwd: repo.dir, env: repo.env });
}

function setUp(home, count) {
  const ours = hookedRepo(home, initHooks('pre-commit'), { asInitLeavesIt: true });
  const standard = hookedRepo(home, { 'pre-commit': 'lint-staged\n' });
  fs.writeFileSync(path.join(standard.dir, 'package.json'), JSON.stringify({ name: 'bench', private: true, 'lint-staged': { '*': 'secretlint' } }, null, 2));
  fs.writeFileSync(path.join(standard.dir, '.secretlintrc.json'), JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
  const bases = {};
  for (const [name, repo] of Object.entries({ ours, standard })) {
    sh('git', ['add', '-A'], { cwd: repo.dir, env: repo.env });
    sh('git', ['commit', '-q', '--allow-empty', '--no-verify', '-m', 'chore: base'], { cwd: repo.dir, env: repo.env });
    bases[name] = sh('git', ['rev-parse', 'HEAD'], { cwd: repo.dir, env: repo.env }).stdout.trim();
    stage(repo, count);
  }
  // Each timed commit starts from the base with the same files staged: moving HEAD back keeps the index.
  const commit = (repo, base, extra = []) => ({
    command: 'git',
    args: ['commit', '-q', '-m', 'feat: add modules', ...extra],
    cwd: repo.dir,
    env: repo.env,
    before: () => sh('git', ['update-ref', 'HEAD', base], { cwd: repo.dir, env: repo.env }),
  });
  return { ours, standard, bases, commit };
}

export default async function benchPreCommit() {
  const home = tempDir();
  const env = benchEnv(home);
  const results = [];
  for (const count of [1, 50, 500]) {
    const { ours, standard, bases, commit } = setUp(home, count);
    const cases = [
      { label: 'git commit --no-verify', ...commit(ours, bases.ours, ['--no-verify']) },
      { label: 'git commit (mcflow-hooks)', ...commit(ours, bases.ours) },
      { label: 'git commit (lint-staged + secretlint)', ...commit(standard, bases.standard) },
    ];
    if (count === 1) {
      cases.unshift(
        { label: "node -e ''", command: process.execPath, args: ['-e', ''], cwd: ours.dir, env },
        // As git runs it from a hook: in the work tree's top level, with GIT_PREFIX set.
        { label: 'mcflow-hooks run pre-commit', command: process.execPath, args: [CLI, 'run', 'pre-commit'], cwd: ours.dir, env: { ...env, GIT_PREFIX: '' } },
      );
    }
    const medians = sideBySide(cases);
    const ratios = [
      ['git commit (lint-staged + secretlint)', 'git commit (mcflow-hooks)', count === 500 ? 6 : undefined, 'min'],
      ['git commit (mcflow-hooks)', 'git commit --no-verify'],
    ];
    if (count === 1) ratios.unshift(['mcflow-hooks run pre-commit', "node -e ''", 3]);
    results.push(...report(`pre-commit: ${count} staged ${count === 1 ? 'file' : 'files'} (${count * 6} KB)`, medians, ratios));
  }
  return results;
}
