/**
 * Which commitlint rules apply: the repository's own commitlint config when it has one (loaded
 * with @commitlint/load, exactly as `commitlint --edit` would), otherwise
 * @commitlint/config-conventional with the conventionalcommits parser (so `feat!:` parses).
 * Either way the `commits.rules` of the mcflow config override single rules on top.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LintOptions, QualifiedRules } from '@commitlint/types';
import type { McflowConfig } from '../config/types.js';
import { configParseError } from '../config/read.js';
import { DEFAULTS } from '../config/defaults.js';

export interface LintSetup {
  rules: QualifiedRules;
  options: LintOptions;
  /** The commitlint config file used, when the repository has one. */
  source?: string;
}

/** commitlint's own search places (@commitlint/load), minus package.json which is read separately. */
const COMMITLINT_FILES = [
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

/** Bots write their own message formats; commitlint users ignore them the same way. */
const BOT_SIGNOFF = /^Signed-off-by: (dependabot|renovate|github-actions)\[bot\]/m;

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

async function loadLintSetup(config: Pick<McflowConfig, 'commits'>, root: string | undefined): Promise<LintSetup> {
  const overrides = (config.commits?.rules ?? {}) as QualifiedRules;
  const ignores = [
    (message: string) => BOT_SIGNOFF.test(message),
    ...(config.commits?.ignore ?? []).map((pattern) => {
      const re = new RegExp(pattern, 'm');
      return (message: string) => re.test(message);
    }),
  ];
  const own = root && (config.commits?.useCommitlintConfig ?? DEFAULTS.useCommitlintConfig) ? findCommitlintConfig(root) : undefined;
  if (own) {
    const { default: load } = await import('@commitlint/load');
    let loaded;
    try {
      loaded = await load({}, { cwd: root, file: own });
    } catch (error) {
      throw configParseError(own, error);
    }
    return {
      rules: { ...loaded.rules, ...overrides },
      options: {
        parserOpts: loaded.parserPreset?.parserOpts as LintOptions['parserOpts'],
        plugins: loaded.plugins,
        ignores: [...(loaded.ignores ?? []), ...ignores],
        defaultIgnores: loaded.defaultIgnores !== false,
        helpUrl: loaded.helpUrl,
      },
      source: own,
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
