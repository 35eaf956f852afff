// Config discovery, presets and `extends`, and every kind of bad config, through the real CLI
// (`mcflow-hooks config --json` prints what was resolved and from where).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { createRepo, type RunResult } from './helpers/repo.js';

const NO_STACK = /\n\s+at .+:\d+:\d+/;

function resolved(result: RunResult): { file: string | null; sources: string[]; config: Record<string, any> } {
  assert.equal(result.code, 0, result.output);
  return JSON.parse(result.stdout);
}

function expectConfigError(result: RunResult, ...patterns: RegExp[]): void {
  assert.equal(result.code, 2, result.output);
  for (const pattern of patterns) assert.match(result.stderr, pattern);
  assert.doesNotMatch(result.stderr, NO_STACK, 'no stack trace');
  assert.match(result.stderr, /→ /, 'a fix is offered');
}

const CUSTOM = { branches: { protected: ['trunk'] } };

describe('config discovery', () => {
  const files: [string, string][] = [
    ['.mcflowrc', 'branches:\n  protected: [trunk]\n'],
    ['.mcflowrc.json', JSON.stringify(CUSTOM)],
    ['.mcflowrc.yaml', 'branches:\n  protected:\n    - trunk\n'],
    ['.mcflowrc.yml', 'branches: { protected: [trunk] }\n'],
    ['.mcflowrc.js', `export default ${JSON.stringify(CUSTOM)};\n`],
    ['.mcflowrc.cjs', `module.exports = ${JSON.stringify(CUSTOM)};\n`],
    ['.mcflowrc.mjs', `export default ${JSON.stringify(CUSTOM)};\n`],
    ['mcflow.config.js', `export default ${JSON.stringify(CUSTOM)};\n`],
    ['mcflow.config.cjs', `module.exports = ${JSON.stringify(CUSTOM)};\n`],
    ['mcflow.config.mjs', `export default ${JSON.stringify(CUSTOM)};\n`],
    [
      'mcflow.config.ts',
      [
        "import type { McflowConfig } from 'mcflow-hooks';",
        "const protectedBranches: string[] = ['trunk'];",
        'const config: McflowConfig = { branches: { protected: protectedBranches } };',
        'export default config;',
      ].join('\n'),
    ],
  ];
  for (const [name, content] of files) {
    it(`finds ${name} and builds on the gitflow preset`, async (t) => {
      const repo = createRepo(t);
      repo.write(name, content);
      if (name.endsWith('.js')) repo.write('package.json', '{ "type": "module" }\n');
      const config = resolved(await repo.run(['config', '--json']));
      assert.equal(config.file, path.join(repo.dir, name));
      assert.deepEqual(config.config.branches.protected, ['trunk']);
      assert.ok(config.config.branches.allowed.includes('feature/*'), 'the rest comes from gitflow');
      assert.match(config.sources[0]!, /presets\/gitflow\.json$/);
    });
  }

  it('finds the "mcflow" key of package.json, and ignores a package.json without one', async (t) => {
    const repo = createRepo(t);
    repo.write('package.json', JSON.stringify({ name: 'app', mcflow: CUSTOM }));
    assert.deepEqual(resolved(await repo.run(['config', '--json'])).config.branches.protected, ['trunk']);
    repo.write('package.json', JSON.stringify({ name: 'app' }));
    assert.equal(resolved(await repo.run(['config', '--json'])).file, null);
  });

  it('searches from the working directory up to the git root, and no further', async (t) => {
    const repo = createRepo(t);
    fs.writeFileSync(path.join(path.dirname(repo.dir), '.mcflowrc.json'), JSON.stringify({ branches: { protected: ['outside'] } }));
    fs.mkdirSync(path.join(repo.dir, 'packages/app/src'), { recursive: true });
    assert.equal(resolved(await repo.run(['config', '--json'], { cwd: path.join(repo.dir, 'packages/app/src') })).file, null);
    repo.write('.mcflowrc.json', JSON.stringify(CUSTOM));
    repo.write('packages/app/.mcflowrc.json', JSON.stringify({ branches: { protected: ['app-main'] } }));
    assert.deepEqual(resolved(await repo.run(['config', '--json'], { cwd: path.join(repo.dir, 'packages/app/src') })).config.branches.protected, ['app-main']);
    assert.deepEqual(resolved(await repo.run(['config', '--json'], { cwd: path.join(repo.dir, 'packages') })).config.branches.protected, ['trunk']);
  });

  it('uses the gitflow preset when there is no config file', async (t) => {
    const repo = createRepo(t);
    const config = resolved(await repo.run(['config', '--json']));
    assert.deepEqual(config.config.branches.protected, ['main', 'main-production', 'develop', 'legacy-v1-production']);
    const text = await repo.run(['config']);
    assert.match(text.stdout, /config file: \(none: using the default preset "gitflow"\)/);
  });

  it('loads an explicit file with --config', async (t) => {
    const repo = createRepo(t);
    repo.write('ci/policy.json', JSON.stringify(CUSTOM));
    assert.deepEqual(resolved(await repo.run(['config', '--json', '--config', 'ci/policy.json'])).config.branches.protected, ['trunk']);
  });
});

describe('extends', () => {
  function withPackage(t: TestContext, name: string, files: Record<string, string>) {
    const repo = createRepo(t);
    for (const [file, content] of Object.entries(files)) repo.write(path.join('node_modules', name, file), content);
    return repo;
  }

  it('resolves a chain: npm package → relative file → built-in preset, later entries winning', async (t) => {
    const repo = withPackage(t, '@acme/mcflow-preset', {
      'package.json': JSON.stringify({ name: '@acme/mcflow-preset', main: 'index.json' }),
      'index.json': JSON.stringify({ extends: './base.json', branches: { protected: ['acme-main'] }, checks: { 'commit-message': 'warning' } }),
      'base.json': JSON.stringify({ extends: 'gitflow', commits: { rules: { 'header-max-length': [2, 'always', 72] } } }),
    });
    repo.write('.mcflowrc.json', JSON.stringify({ extends: ['@acme/mcflow-preset', './local.json'] }));
    repo.write('local.json', JSON.stringify({ checks: { 'commit-message': 'error' } }));
    const config = resolved(await repo.run(['config', '--json']));
    assert.deepEqual(config.config.branches.protected, ['acme-main']);
    assert.deepEqual(config.config.commits.rules['header-max-length'], [2, 'always', 72]);
    assert.equal(config.config.checks['commit-message'], 'error');
    assert.deepEqual(
      config.sources.map((s: string) => path.basename(s)),
      ['gitflow.json', 'base.json', 'index.json', 'local.json', '.mcflowrc.json'],
    );
  });

  it('resolves an ESM-only preset package (exports with "import" only)', async (t) => {
    const repo = withPackage(t, 'mcflow-preset-esm', {
      'package.json': JSON.stringify({ name: 'mcflow-preset-esm', type: 'module', exports: { '.': { import: './preset.js' } } }),
      'preset.js': 'export default { extends: [], branches: { protected: ["esm-main"] } };\n',
    });
    repo.write('.mcflowrc.json', JSON.stringify({ extends: 'mcflow-preset-esm' }));
    const config = resolved(await repo.run(['config', '--json']));
    assert.deepEqual(config.config.branches.protected, ['esm-main']);
    assert.equal(config.config.branches.allowed, undefined, 'extends: [] in the preset starts from nothing');
  });

  it('`extends: []` starts from nothing', async (t) => {
    const repo = createRepo(t);
    repo.write('.mcflowrc.json', JSON.stringify({ extends: [] }));
    assert.deepEqual(resolved(await repo.run(['config', '--json'])).config, {});
  });
});

describe('bad config: exit 2, the file, the problem and the fix, no stack trace', () => {
  const cases: [string, string, string, RegExp[]][] = [
    ['malformed JSON', '.mcflowrc.json', '{\n  "branches": {\n    "protected": ["main",]\n  }\n}\n', [/\.mcflowrc\.json could not be parsed/, /line 3, column 26: value expected/]],
    ['malformed YAML', '.mcflowrc.yaml', 'branches:\n  protected: [main\n  allowed: x\n', [/\.mcflowrc\.yaml could not be parsed/, /\(\d+:\d+\)|line \d+/]],
    ['a JavaScript syntax error', 'mcflow.config.mjs', 'export default { branches: { protected: [ };\n', [/mcflow\.config\.mjs could not be parsed/, /SyntaxError|Unexpected/]],
    ['a TypeScript syntax error', 'mcflow.config.ts', 'export default { branches: ;\n', [/mcflow\.config\.ts could not be parsed/]],
    ['an unknown top-level key', '.mcflowrc.json', JSON.stringify({ branchez: {} }), [/branchez: unknown key "branchez"; valid keys: \$schema, description, extends, checks, branches, commits, lintStaged/]],
    ['an unknown check id', '.mcflowrc.json', JSON.stringify({ checks: { 'commit-msg': 'error' } }), [/checks\.commit-msg: unknown check "commit-msg"; valid checks: commit-message/]],
    ['a wrong type', '.mcflowrc.json', JSON.stringify({ branches: { protected: 'main' } }), [/branches\.protected: expected an array of strings/]],
    ['a wrong item type', '.mcflowrc.json', JSON.stringify({ branches: { protected: ['main', 3] } }), [/branches\.protected: expected an array of strings/]],
    ['a bad level', '.mcflowrc.json', JSON.stringify({ checks: { 'commit-message': 'fatal' } }), [/checks\.commit-message: expected one of "error", "warning", "off"/]],
    ['an invalid glob', '.mcflowrc.json', JSON.stringify({ branches: { protected: ['release/[v1'] } }), [/branches\.protected\[0\]: invalid pattern "release\/\[v1": a "\[" is not closed by "\]"/]],
    ['an invalid regular expression', '.mcflowrc.json', JSON.stringify({ branches: { allowed: ['/(unclosed/'] } }), [/branches\.allowed\[0\]: invalid pattern/]],
    ['a config that is not an object', '.mcflowrc.json', '[1, 2]', [/must be an object/]],
    ['a preset that cannot be resolved', '.mcflowrc.json', JSON.stringify({ extends: '@acme/missing-preset' }), [/The preset "@acme\/missing-preset" in "extends" of \S+\.mcflowrc\.json could not be found/, /built-in presets \(gitflow/, /npm install --save-dev @acme\/missing-preset/]],
    ['a missing relative preset', '.mcflowrc.json', JSON.stringify({ extends: './nope.json' }), [/The preset "\.\/nope\.json"/, /relative paths start from/]],
  ];
  for (const [name, file, content, patterns] of cases) {
    it(name, async (t) => {
      const repo = createRepo(t);
      repo.write(file, content);
      // A JSON syntax error is located by the vendored jsonc-parser bundle, which only the built bin has.
      const cli = file.endsWith('.json') && name === 'malformed JSON' ? repo.cli(['config']) : await repo.run(['config']);
      expectConfigError(cli, new RegExp(file.replace(/\./g, '\\.')), ...patterns);
      // A hook reports the same problem the same way, and blocks nothing silently.
      const hook = await repo.run(['run', 'commit-msg', repo.write('msg', 'feat: ok\n')]);
      assert.equal(hook.code, 2);
    });
  }

  it('reports every problem at once', async (t) => {
    const repo = createRepo(t);
    repo.write('.mcflowrc.json', JSON.stringify({ nope: 1, branches: { protected: 'main', extra: true } }));
    const result = await repo.run(['config']);
    expectConfigError(result, /invalid \(3 problems\)/, /nope: unknown key/, /branches\.protected: expected an array/, /branches\.extra: unknown key "extra" in branches/);
  });

  it('an extends cycle names the chain', async (t) => {
    const repo = createRepo(t);
    repo.write('.mcflowrc.json', JSON.stringify({ extends: './a.json' }));
    repo.write('a.json', JSON.stringify({ extends: './b.json' }));
    repo.write('b.json', JSON.stringify({ extends: './a.json' }));
    expectConfigError(await repo.run(['config']), /"extends" forms a cycle/, /a\.json\n\s+→ .*b\.json\n\s+→ .*a\.json/);
  });

  it('an invalid preset package names the preset file', async (t) => {
    const repo = createRepo(t);
    repo.write('node_modules/bad-preset/package.json', JSON.stringify({ name: 'bad-preset', main: 'index.json' }));
    repo.write('node_modules/bad-preset/index.json', JSON.stringify({ branches: { protected: [1] } }));
    repo.write('.mcflowrc.json', JSON.stringify({ extends: 'bad-preset' }));
    expectConfigError(await repo.run(['config']), /node_modules\/bad-preset\/index\.json is invalid/);
  });
});
