/**
 * Which commitlint rules apply: the repository's own commitlint config when it has one (loaded
 * with @commitlint/load, exactly as `commitlint --edit` would), otherwise
 * @commitlint/config-conventional with the conventionalcommits parser (so `feat!:` parses).
 * Either way the `commits.rules` of the mcflow config override single rules on top.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LintOptions, QualifiedConfig, QualifiedRules } from '@commitlint/types';
import type { McflowConfig } from '../config/types.js';
import { configParseError } from '../config/read.js';
import { DEFAULTS } from '../config/defaults.js';
import { compileLinearRegex } from '../config/regex.js';
import { ConfigError } from '../errors.js';
import { messages } from '../messages.js';
import { loadCommitlintCached } from './cache.js';

export interface LintSetup {
  rules: QualifiedRules;
  options: LintOptions;
  /** The commitlint config file used, when the repository has one. */
  source?: string;
}

/** commitlint's own search places (@commitlint/load), minus package.json which is read separately. */
export const COMMITLINT_FILES = [
  '.commitlintrc',
  '.commitlintrc.json',
  '.commitlintrc.yaml',
  '.commitlintrc.yml',
  '.commitlintrc.js',
  '.commitlintrc.cjs',
  '.commitlintrc.mjs',
  '.commitlintrc.ts',
  '.commitlintrc.cts',
  '.commitlintrc.mts',
  'commitlint.config.js',
  'commitlint.config.cjs',
  'commitlint.config.mjs',
  'commitlint.config.ts',
  'commitlint.config.cts',
  'commitlint.config.mts',
];

/** The repository's commitlint config file, looking in `dir` only (cheap: a few stat calls). */
export function findCommitlintConfig(dir: string): string | undefined {
  for (const name of COMMITLINT_FILES) {
    const file = path.join(dir, name);
    if (fs.existsSync(file)) return file;
  }
  const manifest = path.join(dir, 'package.json');
  if (fs.existsSync(manifest)) {
    const text = fs.readFileSync(manifest, 'utf8');
    if (text.includes('"commitlint"')) {
      try {
        if ((JSON.parse(text) as Record<string, unknown>).commitlint) return manifest;
      } catch {
        // An unparsable package.json is not ours to report here.
      }
    }
  }
  return undefined;
}

/** Setups already resolved, by config object and root: `audit` lints history in chunks and must not reload a commitlint config per chunk. */
const resolved = new WeakMap<object, Map<string, Promise<LintSetup>>>();

export function resolveLintSetup(config: Pick<McflowConfig, 'commits'>, root: string | undefined): Promise<LintSetup> {
  const byRoot = resolved.get(config) ?? new Map<string, Promise<LintSetup>>();
  resolved.set(config, byRoot);
  const key = root ?? '';
  let setup = byRoot.get(key);
  if (!setup) {
    setup = loadLintSetup(config, root);
    byRoot.set(key, setup);
    // A failed load (a broken commitlint config) is not remembered: the next caller sees the error again.
    setup.catch(() => byRoot.delete(key));
  }
  return setup;
}

/**
 * @commitlint/load, with its failures turned into one ConfigError. A config that extends two
 * missing packages makes @commitlint/resolve-extends reject two promises of which it awaits one
 * (its async `reduce`): the other would surface as an unhandled rejection, a stack trace and
 * exit 1 after our own message. Those strays are collected while the load runs, so the message
 * can name every missing package.
 */
export async function loadCommitlintConfig(own: string, root: string) {
  const { default: load } = await import('@commitlint/load');
  const strays: unknown[] = [];
  const collect = (reason: unknown) => {
    if (missingModule(reason) === undefined) throw reason;
    strays.push(reason);
  };
  process.on('unhandledRejection', collect);
  try {
    return await load({}, { cwd: root, file: own });
  } catch (error) {
    // Node reports unhandled rejections once the microtask queue drains: wait for that turn.
    await new Promise((resolve) => setImmediate(resolve));
    const missing = [...new Set([...strays, error].map(missingModule).filter((name): name is string => name !== undefined))];
    if (missing.length === 0) throw configParseError(own, error);
    const { detectPackageManager } = await import('../install/package-manager.js');
    const manager = detectPackageManager(path.dirname(own), root, undefined, process.env).name;
    throw new ConfigError(messages.commitlintPackagesMissing(own, missing), messages.commitlintPackagesMissingFix(manager, missing));
  } finally {
    process.off('unhandledRejection', collect);
  }
}

/**
 * The package a "cannot find module" error names: `@scope/name` or `name`, without a subpath.
 * Both forms occur: `Cannot find module "x" from "dir"` (commitlint's resolver, require) and
 * `Cannot find package 'x' imported from …` (a config file's own ESM import).
 */
export function missingModule(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code !== 'MODULE_NOT_FOUND' && code !== 'ERR_MODULE_NOT_FOUND') return undefined;
  const specifier = /Cannot find (?:module|package) ["']([^"']+)["']/.exec((error as Error).message)?.[1];
  if (!specifier || specifier.startsWith('.') || path.isAbsolute(specifier)) return undefined;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  // commitlint retries a missing `commitlint-config-x` under its legacy name and reports that one.
  const legacy = /^conventional-changelog-lint-config-(.+)$/.exec(name)?.[1];
  return legacy === undefined ? name : legacy.startsWith('commitlint-config-') ? legacy : `commitlint-config-${legacy}`;
}

async function loadLintSetup(config: Pick<McflowConfig, 'commits'>, root: string | undefined): Promise<LintSetup> {
  const own = root && (config.commits?.useCommitlintConfig ?? DEFAULTS.useCommitlintConfig) ? findCommitlintConfig(root) : undefined;
  // Through the resolved-config cache (./cache.ts): a warm hook reads one JSON file.
  const loaded = own ? (await loadCommitlintCached(own, root!, loadCommitlintConfig)).loaded : undefined;
  return assembleLintSetup(config, loaded, own);
}

/** The parts of a loaded commitlint config that decide a verdict. */
export type LoadedCommitlintConfig = Pick<QualifiedConfig, 'rules' | 'parserPreset' | 'plugins' | 'ignores' | 'defaultIgnores' | 'helpUrl'>;

/**
 * The rules and options to lint with: a loaded commitlint config (`source`, the file it came
 * from), or config-conventional when there is none, with `commits.rules` and `commits.ignore`
 * on top. `verify` loads the target branch's commitlint config itself (src/ci/commitlint-base.ts)
 * and comes here for the rest.
 */
export async function assembleLintSetup(config: Pick<McflowConfig, 'commits'>, loaded: LoadedCommitlintConfig | undefined, source?: string): Promise<LintSetup> {
  const overrides = (config.commits?.rules ?? {}) as QualifiedRules;
  // Bot messages are skipped before linting, by who wrote them (src/commitlint/bots.ts).
  // Linear-time: the messages are the pull request author's (config/regex.ts).
  const ignores = (config.commits?.ignore ?? []).map((pattern) => compileLinearRegex(pattern, 'm', JSON.stringify(pattern)));
  if (loaded) {
    return {
      rules: { ...loaded.rules, ...overrides },
      options: {
        parserOpts: loaded.parserPreset?.parserOpts as LintOptions['parserOpts'],
        plugins: loaded.plugins,
        ignores: [...(loaded.ignores ?? []), ...ignores],
        defaultIgnores: loaded.defaultIgnores !== false,
        helpUrl: loaded.helpUrl,
      },
      ...(source ? { source } : {}),
    };
  }
  const [{ default: conventional }, { default: createPreset }] = await Promise.all([
    import('@commitlint/config-conventional'),
    import('conventional-changelog-conventionalcommits'),
  ]);
  return {
    rules: { ...(conventional.rules as QualifiedRules), ...overrides },
    options: { parserOpts: createPreset().parser as LintOptions['parserOpts'], ignores, defaultIgnores: true },
  };
}
