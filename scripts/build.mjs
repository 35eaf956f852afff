// Builds the package.
//  - dist/cli.cjs: the bin, a few lines (src/bin.ts): it turns on the compiled-code cache
//    (src/code-cache.ts) and loads dist/main.cjs, the program, one minified CommonJS bundle. Module loading is most of a hook's
//    cost: a bundle loads in a fraction of the time of node_modules, and Node's CommonJS loader
//    is ~5 ms faster than its ESM loader for the same code (measured on Node 20).
//  - dist/checks/*.cjs: one bundle per check, loaded by the hooks that run it; dist/shared/*.cjs:
//    the modules the bin, the checks and the commands share (messages, globs), loaded once.
//  - dist/commands/*.cjs: the commands no hook runs (init, verify, audit…), one bundle each.
//  - dist/vendor/*.cjs: large dependencies the hot path does not need (cosmiconfig and its YAML
//    and JSON parsers are loaded only when a config file exists), kept out of the bin so that
//    a commit-msg hook does not pay to parse them. secretlint (core + recommended preset, ~360 KB)
//    loads only when a staged text matches one of the preset's triggers (src/checks/secret-rules/index.ts);
//    jsonc-parser only when a JSON config has a syntax error to locate; re2js (~150 KB, the
//    linear-time engine for /regex/ config patterns) only when such a pattern is first tested.
//  - dist/index.js: the library API (ESM), its dependencies left to node_modules.
//  - .build/: a plain transpile of src/ and test/ for the test runner.
import { build } from 'esbuild';
import crypto from 'node:crypto';
import fs from 'node:fs';
import vm from 'node:vm';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const conventional = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/@commitlint/config-conventional/package.json'), 'utf8'));
// The bundled config-conventional's version: a project's config that only extends it uses the bundled copy when the installed one is the same.
const define = { __MCFLOW_VERSION__: JSON.stringify(version), __COMMITLINT_CONVENTIONAL_VERSION__: JSON.stringify(conventional.version), __MCFLOW_BUILD__: '"dev"' };
const minify = !process.env.MCFLOW_NO_MINIFY;

/** Dependencies bundled on their own and imported by the bin only when needed. */
const VENDORED = ['cosmiconfig', '@secretlint/core', '@secretlint/secretlint-rule-preset-recommend', 'jsonc-parser/lib/esm/main.js', '@commitlint/load', 're2js'];
/**
 * Vendored as ES modules instead: the bin reaches them through import(), and Node reads a
 * CommonJS file imported that way twice (once more to find its named exports). For the 330 KB
 * secretlint preset that second pass cost ~25 ms of a pre-commit hook (measured with --cpu-prof).
 */
const VENDORED_ESM = new Set(['@secretlint/core', '@secretlint/secretlint-rule-preset-recommend', '@commitlint/load']);
const vendorFile = (name) => `vendor/${name}.${VENDORED_ESM.has(name) ? 'mjs' : 'cjs'}`;
/**
 * The only runtime dependencies, loaded from node_modules when needed: jiti for .ts configs
 * (ours and a user's commitlint config), zx for the cold commands (init, uninstall), lint-staged
 * when a project has tasks. Everything else is bundled, and so a devDependency: nothing is
 * installed twice. @commitlint/load in particular is bundled (dist/vendor/@commitlint/load.mjs):
 * installed, it brings cosmiconfig-typescript-loader, whose peer dependency on typescript makes
 * npm install a TypeScript compiler (27 MB) into every project; bundled, its .ts loader is jiti.
 */
const EXTERNAL = ['jiti', 'zx', 'lint-staged'];

function listTs(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name));
}

/** Vendored dependencies, as paths relative to the bundle that imports them. */
const vendorPlugin = (fromDir = '.') => ({
  name: 'vendor',
  setup(builder) {
    const filter = new RegExp(`^(${VENDORED.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`);
    builder.onResolve({ filter }, (args) => ({ path: `${fromDir}/${vendorFile(args.path)}`, external: true }));
  },
});

/**
 * Commands no hook runs, each bundled on its own as dist/commands/<name>.cjs: together they
 * doubled the bin (130 → 260 KB), and every hook paid ~4 ms to parse code it never ran.
 */
const COLD_COMMANDS = ['config', 'init', 'doctor', 'uninstall', 'pr', 'verify', 'audit'];
const coldCommandsPlugin = {
  name: 'cold-commands',
  setup(builder) {
    const filter = new RegExp(`^\\./commands/(${COLD_COMMANDS.join('|')})\\.js$`);
    // As for checks (below): a stub that require()s the bundle. Through import(), Node's ESM
    // loader would lex the whole CommonJS bundle for its exports before compiling it (measured:
    // ~35 ms of verify's ~160 ms CPU start-up for the 550 KB dist/commands/verify.cjs).
    builder.onResolve({ filter }, (args) =>
      args.importer.endsWith(`${path.sep}cli.ts`) ? { path: args.path.slice(2, -3), namespace: 'command-stub' } : undefined,
    );
    builder.onLoad({ filter: /.*/, namespace: 'command-stub' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(`./${args.path}.cjs`)});`,
      loader: 'js',
    }));
    builder.onResolve({ filter: /^\.\/commands\/[a-z-]+\.cjs$/ }, (args) => ({ path: args.path, external: true }));
  },
};

/**
 * Each check is its own bundle, dist/checks/<id>.cjs, loaded when a hook runs it: a commit-msg
 * hook then parses commitlint and nothing of the secret rules, a pre-commit hook the reverse
 * (measured: ~3 ms of a ~35 ms commit-msg hook went to parsing checks it never ran).
 */
const checkIds = fs
  .readdirSync(path.join(root, 'src/checks'))
  .filter((file) => /^[a-z-]+\.ts$/.test(file) && !['check.ts', 'ids.ts', 'registry.ts'].includes(file))
  .map((file) => file.slice(0, -3));
const checksPlugin = {
  name: 'checks',
  setup(builder) {
    // The registry's import('./x.js') becomes a stub that require()s dist/checks/x.cjs: through
    // import(), Node would hand a CommonJS file to its ESM loader, which parses it a second time
    // to find its exports (measured: +20 ms on a commit-msg hook).
    builder.onResolve({ filter: /^\.\/[a-z-]+\.js$/ }, (args) =>
      args.importer.endsWith(path.join('src', 'checks', 'registry.ts')) ? { path: args.path.slice(2, -3), namespace: 'check-stub' } : undefined,
    );
    builder.onLoad({ filter: /.*/, namespace: 'check-stub' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(`./checks/${args.path}.cjs`)});`,
      loader: 'js',
    }));
    // What the engine resolves for the checks from the config (when a planned check needs it) is a bundle beside them, kept out of the bin the same way.
    builder.onResolve({ filter: /^\.\/commitlint\/setup\.js$/ }, (args) =>
      args.importer.endsWith(path.join('src', 'engine.ts')) ? { path: 'commitlint-setup', namespace: 'check-stub' } : undefined,
    );
    builder.onResolve({ filter: /^\.\/checks\/[a-z-]+\.cjs$/ }, (args) => ({ path: args.path, external: true }));
  },
};

/**
 * Modules the hook bundle and the check bundles share, bundled once (dist/shared/*.cjs) so that
 * a hook parses them once and sees one copy: every sentence, and picomatch behind the globs.
 */
const SHARED = { 'src/messages.ts': 'messages', 'src/config/glob.ts': 'glob' };
const sharedPlugin = (fromDir) => ({
  name: 'shared',
  setup(builder) {
    builder.onResolve({ filter: /(messages|glob)\.js$/ }, (args) => {
      const target = path.relative(root, path.resolve(path.dirname(args.importer), args.path.replace(/\.js$/, '.ts')));
      const name = SHARED[target.split(path.sep).join('/')];
      return name ? { path: `${fromDir}/shared/${name}.cjs`, external: true } : undefined;
    });
  },
});

/**
 * @commitlint/load (an ES module bundle) uses cosmiconfig: it imports our vendored copy rather
 * than bundling a second one. Node cannot see the named exports of that CommonJS bundle, so a
 * two-line module re-exports them from its default export.
 */
const cosmiconfigFromEsmPlugin = {
  name: 'cosmiconfig-from-esm',
  setup(builder) {
    builder.onResolve({ filter: /^cosmiconfig$/ }, () => ({ path: 'cosmiconfig', namespace: 'cosmiconfig-esm' }));
    builder.onResolve({ filter: /^\.\.\/cosmiconfig\.cjs$/ }, (args) => ({ path: args.path, external: true }));
    builder.onLoad({ filter: /.*/, namespace: 'cosmiconfig-esm' }, () => ({
      contents: "import c from '../cosmiconfig.cjs';\nexport const { cosmiconfig, cosmiconfigSync, defaultLoaders, defaultLoadersSync } = c;\nexport default c;\n",
      loader: 'js',
    }));
  },
};

/**
 * The hooks' secrets prefilter's keyword lists (src/checks/secrets.keyword-list.ts), computed here from the
 * rules and put into the bundles as plain arrays: a hook tests a commit message against them
 * without loading the rules (src/checks/secrets.prefilter.ts).
 */
const secretKeywords = await (async () => {
  const result = await build({ ...{ bundle: true, platform: 'node', target: 'node20', logLevel: 'warning', absWorkingDir: root }, entryPoints: ['src/checks/secrets.keyword-list.ts'], format: 'esm', write: false });
  const { PLAIN_KEYWORDS, TRIGGER_SOURCE } = await import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`);
  return `export const PLAIN_KEYWORDS = ${JSON.stringify(PLAIN_KEYWORDS)};\nexport const TRIGGER_SOURCE = ${JSON.stringify(TRIGGER_SOURCE)};\n`;
})();
const secretKeywordsPlugin = {
  name: 'secret-keywords',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]src[\\/]checks[\\/]secrets\.keyword-list\.ts$/ }, () => ({ contents: secretKeywords, loader: 'js' }));
  },
};

/** Options every CommonJS bundle of ours shares. */
const commonJs = {
  format: 'cjs',
  minify,
  // import.meta.url has no meaning in CommonJS: give each bundle its own file URL.
  define: { ...define, 'import.meta.url': '__mcflowMetaUrl' },
  banner: { js: "const __mcflowMetaUrl=require('node:url').pathToFileURL(__filename).href;" },
  external: EXTERNAL,
};

/** Build-time stand-ins for dependencies of dependencies; each shim says why. */
const shimPlugin = {
  name: 'shims',
  setup(builder) {
    builder.onResolve({ filter: /^semver$/ }, () => ({ path: path.join(root, 'scripts/shims/semver.cjs') }));
    builder.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /@commitlint[\\/]rules[\\/]lib[\\/]trailer-exists\.js$/.test(args.importer) ? { path: path.join(root, 'scripts/shims/child-process-lazy.cjs') } : undefined,
    );
    builder.onResolve({ filter: /^node:util$/ }, (args) =>
      /@commitlint[\\/]lint[\\/]lib[\\/]lint\.js$/.test(args.importer) ? { path: path.join(root, 'scripts/shims/util-inspect.cjs') } : undefined,
    );
    builder.onResolve({ filter: /^@secretlint\/profiler$/ }, () => ({ path: path.join(root, 'scripts/shims/secretlint-profiler.cjs') }));
    // @commitlint/config-validator reads its schema with a createRequire()d require, which a
    // bundle cannot follow: import the JSON instead, so it is bundled with the validator.
    builder.onLoad({ filter: /@commitlint[\\/]config-validator[\\/]lib[\\/]validate\.js$/ }, async (args) => ({
      contents: `import __commitlintSchema from './commitlint.schema.json';\n${(await fs.promises.readFile(args.path, 'utf8')).replace('require("./commitlint.schema.json")', '__commitlintSchema')}`,
      loader: 'js',
      resolveDir: path.dirname(args.path),
    }));
  },
};

const node = { bundle: true, platform: 'node', target: 'node20', legalComments: 'none', logLevel: 'warning', absWorkingDir: root };

// dist/types (declarations, written by prepack) is left alone; only the bundles are rebuilt.
for (const dir of ['dist/vendor', 'dist/commands', 'dist/checks', 'dist/shared']) fs.rmSync(path.join(root, dir), { recursive: true, force: true });
await Promise.all([
  build({
    ...node,
    ...commonJs,
    entryPoints: ['src/main.ts'],
    outfile: 'dist/main.cjs',
    plugins: [coldCommandsPlugin, checksPlugin, sharedPlugin('.'), vendorPlugin('.'), secretKeywordsPlugin, shimPlugin],
  }),
  build({
    ...node,
    ...commonJs,
    entryPoints: { ...Object.fromEntries(checkIds.map((id) => [id, `src/checks/${id}.ts`])), 'commitlint-setup': 'src/commitlint/setup.ts' },
    outdir: 'dist/checks',
    outExtension: { '.js': '.cjs' },
    plugins: [sharedPlugin('..'), vendorPlugin('..'), shimPlugin],
  }),
  build({
    ...node,
    ...commonJs,
    entryPoints: { ...Object.fromEntries(Object.entries(SHARED).map(([file, name]) => [name, file])), import: 'src/import-module.ts' },
    outdir: 'dist/shared',
    outExtension: { '.js': '.cjs' },
    plugins: [vendorPlugin('..'), shimPlugin],
  }),
  build({
    ...node,
    ...commonJs,
    entryPoints: COLD_COMMANDS.map((name) => `src/commands/${name}.ts`),
    outdir: 'dist/commands',
    outExtension: { '.js': '.cjs' },
    // The sentences and the globs from dist/shared too: the bin has loaded messages already, and
    // a second copy in each command cost verify ~1.5 ms to compile and run again (and 38 KB).
    plugins: [sharedPlugin('..'), vendorPlugin('..'), shimPlugin],
  }),
  ...VENDORED.map((name) =>
    build({
      ...node,
      entryPoints: [name],
      outfile: `dist/${vendorFile(name)}`,
      format: VENDORED_ESM.has(name) ? 'esm' : 'cjs',
      // CommonJS code inside an ES module bundle still calls require() for Node's built-ins.
      ...(VENDORED_ESM.has(name) ? { banner: { js: "import{createRequire as __mcflowRequire}from'node:module';const require=__mcflowRequire(import.meta.url);" } } : {}),
      minify,
      external: EXTERNAL,
      plugins: [...(name === '@commitlint/load' ? [cosmiconfigFromEsmPlugin] : []), shimPlugin],
    }),
  ),
  // The library API: bundled like the bin (its dependencies are devDependencies), as one ES module.
  build({
    ...node,
    entryPoints: ['src/index.ts'],
    outfile: 'dist/index.js',
    format: 'esm',
    define,
    external: EXTERNAL,
    banner: { js: "import{createRequire as __mcflowRequire}from'node:module';const require=__mcflowRequire(import.meta.url);" },
    plugins: [vendorPlugin('.'), shimPlugin],
    // config/regex.ts calls require() where it exists (here through the banner); esbuild need not convert it.
    logOverride: { 'unsupported-require-call': 'silent' },
  }),
]);

/**
 * Every dynamic import() in our CommonJS bundles becomes a call of dist/shared/import.cjs
 * (src/import-module.ts) with the bundle's file name: the bundles run from V8's code cache
 * (src/code-cache.ts), where Node 20 cannot serve an import(). A method named `import`
 * (`jiti.import(…)`) is left alone; the code cache still compiles any bundle that holds an
 * `import(` in the usual way, so a missed one costs time, never a failure.
 */
const DYNAMIC_IMPORT = /(?<![\w$.])import\(/g;
/**
 * esbuild's `__toESM` helper as it defines it, minified or not (`C=(e,t,r)=>(r=e!=null?…`):
 * `import fs from 'node:fs'` becomes `__toESM(require("node:fs"), 1)` in every module that
 * writes it, each call a fresh object with one getter per property of the builtin (node:fs has
 * ~100). verify made 35 of them (~1.5 ms CPU). The wrapper of a builtin is the same whoever
 * imports it, so each bundle now makes it once per builtin (__mcflowBuiltin, below). Where
 * the helper is not found (another esbuild), the bundle is left as it is.
 */
const TO_ESM = /([A-Za-z_$][\w$]*)\s*=\s*\(\s*([\w$]+)\s*,\s*([\w$]+)\s*,\s*([\w$]+)\s*\)\s*=>\s*\(\s*\4\s*=\s*\2\s*!=\s*null\s*\?/;
const BUILTIN_ESM = 'function __mcflowBuiltin(name,toESM){const made=__mcflowBuiltin.made??={};return made[name]??=toESM(require(name),1)}';
function shareBuiltinWrappers(code) {
  const helper = TO_ESM.exec(code)?.[1];
  if (!helper) return code;
  const call = new RegExp(`(?<![\\w$.])${helper.replace(/\$/g, '\\$')}\\(require\\("(node:[a-z_/]+)"\\),\\s*1\\)`, 'g');
  const shared = code.replace(call, (_, name) => `__mcflowBuiltin(${JSON.stringify(name)},${helper})`);
  return shared === code ? code : `${shared}\n${BUILTIN_ESM}\n`;
}
for (const dir of ['', 'checks', 'shared', 'commands']) {
  for (const file of fs.readdirSync(path.join(root, 'dist', dir))) {
    if (!file.endsWith('.cjs') || (dir === 'shared' && file === 'import.cjs')) continue;
    const target = path.join(root, 'dist', dir, file);
    const code = fs.readFileSync(target, 'utf8');
    const helper = JSON.stringify(`${dir ? '../' : './'}shared/import.cjs`);
    const rewritten = shareBuiltinWrappers(code.replace(DYNAMIC_IMPORT, `require(${helper}).importModule(__filename,`));
    if (rewritten === code) continue;
    // The rewrite is textual: an `import(` inside a string or comment of some dependency would be
    // rewritten too. Compile (not run) the result, so that such a bundle fails the build, not a hook.
    try {
      new vm.Script(`(function (exports, require, module, __filename, __dirname) {\n${rewritten.replace(/^#!.*/, '')}\n})`, { filename: target });
    } catch (error) {
      throw new Error(`dist/${dir ? `${dir}/` : ''}${file}: rewriting import() or the builtin imports broke the bundle (${error.message}); make DYNAMIC_IMPORT skip that occurrence, or TO_ESM miss it`);
    }
    fs.writeFileSync(target, rewritten);
  }
}

/**
 * The bin, last: it names the build by a hash of every bundle above, and the compiled-code cache
 * (src/code-cache.ts) keeps one set of entries per build, so a rebuilt bundle is never run from
 * the code of the one before.
 */
const buildHash = crypto.createHash('sha256');
for (const file of fs.readdirSync(path.join(root, 'dist'), { recursive: true }).map(String).sort()) {
  if (!/\.(c|m)?js$/.test(file) || file === 'cli.cjs') continue;
  buildHash.update(`${file}\0`).update(fs.readFileSync(path.join(root, 'dist', file)));
}
await build({
  ...node,
  entryPoints: ['src/bin.ts'],
  outfile: 'dist/cli.cjs',
  format: 'cjs',
  minify,
  define: { __MCFLOW_BUILD__: JSON.stringify(buildHash.digest('hex').slice(0, 16)) },
  external: ['./main.cjs'],
});

fs.rmSync(path.join(root, '.build'), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: [...listTs(path.join(root, 'src')), ...listTs(path.join(root, 'test'))],
  outdir: '.build',
  outbase: root,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'inline',
  define,
  logLevel: 'warning',
  logOverride: { 'unsupported-require-call': 'silent' },
});

