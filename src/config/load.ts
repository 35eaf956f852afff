/**
 * Finds the user's config (cosmiconfig, module name `mcflow`, from the working directory up to
 * the git root), resolves its `extends` chain, validates the result, and says where every part
 * came from.
 */
import path from 'node:path';
import fs from 'node:fs';
import { ConfigError } from '../errors.js';
import { messages } from '../messages.js';
import { configParseError, importCosmiconfig, loaders, readConfigFile } from './read.js';
import { isPlainObject, mergeConfigs } from './merge.js';
import { isBuiltInPreset, resolvePreset } from './presets.js';
import type { McflowConfig } from './types.js';

export const SEARCH_PLACES = [
  'package.json',
  '.mcflowrc',
  '.mcflowrc.json',
  '.mcflowrc.yaml',
  '.mcflowrc.yml',
  '.mcflowrc.js',
  '.mcflowrc.cjs',
  '.mcflowrc.mjs',
  'mcflow.config.js',
  'mcflow.config.cjs',
  'mcflow.config.mjs',
  'mcflow.config.ts',
] as const;

/** The preset a repository gets with no config file, or with a config that has no `extends`. */
export const DEFAULT_PRESET = 'gitflow';

export interface ResolvedConfig {
  /** The merged config, `extends` resolved away. */
  config: Omit<McflowConfig, 'extends'>;
  /** The user's config file, or undefined when none was found. */
  filepath?: string;
  /** Every file that contributed, in the order applied (presets first, the user's file last). */
  sources: string[];
}

/**
 * Finds the config file for `cwd`, looking in each directory up to `root` (the git work tree).
 *
 * A stat of each search place comes first, and cosmiconfig is imported only when one exists:
 * importing it costs ~8 ms (measured with --cpu-prof on the bundled CLI), a quarter of a whole
 * commit-msg hook, and most repositories have no config file at all. cosmiconfig still reads,
 * parses and reports on every file it finds, with its own loaders and error messages.
 */
export async function findConfigFile(cwd: string, root: string): Promise<{ filepath: string; config: unknown } | undefined> {
  const candidate = locateConfigFile(cwd, root);
  if (!candidate) return undefined;
  const { cosmiconfig } = await importCosmiconfig();
  const explorer = cosmiconfig('mcflow', {
    searchPlaces: [...SEARCH_PLACES],
    searchStrategy: 'none',
    loaders: loaders as never,
    cache: false,
  });
  let found;
  try {
    found = await explorer.load(candidate);
  } catch (error) {
    throw configParseError(candidate, error);
  }
  return found ? { filepath: found.filepath, config: found.config } : undefined;
}

/** The first search place that exists, from `cwd` up to `root`; package.json only with an `mcflow` key. */
export function locateConfigFile(cwd: string, root: string): string | undefined {
  const stop = path.resolve(root);
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    for (const place of SEARCH_PLACES) {
      const file = path.join(dir, place);
      if (!fs.existsSync(file)) continue;
      if (place !== 'package.json' || hasPackageProperty(file)) return file;
    }
    if (dir === stop || path.dirname(dir) === dir || !dir.startsWith(stop)) return undefined;
  }
}

function hasPackageProperty(file: string): boolean {
  try {
    const text = fs.readFileSync(file, 'utf8');
    return text.includes('"mcflow"') && (JSON.parse(text) as Record<string, unknown>).mcflow !== undefined;
  } catch {
    return false;
  }
}

export async function loadConfig(cwd: string, root: string): Promise<ResolvedConfig> {
  const found = await findConfigFile(cwd, root);
  if (!found) return loadDefaultPreset(root);
  return { ...(await resolveLayer(found.config, found.filepath, [], true, WORK_TREE)), filepath: found.filepath };
}

/** The policy of a repository with no config file: the default preset. */
export async function loadDefaultPreset(root: string): Promise<ResolvedConfig> {
  return resolveExtends([DEFAULT_PRESET], root, [], WORK_TREE);
}

/** Loads a config from an explicit file (the `--config` flag). */
export async function loadConfigFile(filepath: string): Promise<ResolvedConfig> {
  const absolute = path.resolve(filepath);
  const raw = await readConfigFile(absolute);
  return { ...(await resolveLayer(raw, absolute, [], true, WORK_TREE)), filepath: absolute };
}

/**
 * Where the files of a config come from: the work tree (hooks), or a commit (`verify` reads the
 * target branch's policy with `git cat-file`, see `at-commit.ts`).
 */
export interface ConfigIo {
  /** The file an `extends` entry names. */
  resolve(specifier: string, fromDir: string, referrer: string | undefined): string;
  read(file: string): Promise<unknown>;
  /**
   * Called with a config that weakens a key a preset below it locked. Unset, that is a
   * ConfigError (exit 2); `verify` collects them instead, to report as policy-change findings.
   */
  onLockViolation?(violation: LockViolation): void;
}

export interface LockViolation {
  /** The config that weakens the keys. */
  file: string;
  weakenings: import('./policy-diff.js').Weakening[];
}

const WORK_TREE: ConfigIo = { resolve: resolvePreset, read: readConfigFile };

/** Resolves one config object (already read) and its `extends`, its relative files read through `io`. */
export async function resolveConfig(raw: unknown, filepath: string, io: ConfigIo): Promise<ResolvedConfig> {
  return { ...(await resolveLayer(raw, filepath, [], true, io)), filepath };
}

type Layer = Pick<ResolvedConfig, 'config' | 'sources'>;

/** Validates one file's config and merges it over the presets it extends. */
async function resolveLayer(raw: unknown, filepath: string, stack: string[], isUserConfig: boolean, io: ConfigIo): Promise<Layer> {
  const value = raw ?? {};
  if (!isPlainObject(value)) throw new ConfigError(messages.configNotObject(filepath), messages.configFix);
  // Built-in presets are validated by the test suite, not on every hook run.
  const problems = isBuiltInPreset(filepath) ? [] : (await import('./validate.js')).validateConfig(value);
  if (problems.length > 0) throw new ConfigError(messages.configInvalid(filepath, problems), messages.configCheckFix);
  const { extends: extendsValue, $schema: _schema, description: _description, ...own } = value as McflowConfig;
  // Only the user's own config builds on the default preset implicitly (a built-in preset named
  // with --config is taken as it is); a preset without
  // `extends` stands alone.
  const parents = extendsValue === undefined ? (isUserConfig && !isBuiltInPreset(filepath) ? [DEFAULT_PRESET] : []) : [extendsValue].flat();
  const base = await resolveExtends(parents, path.dirname(filepath), [...stack, filepath], io);
  const config = await mergeLocked(base.config, own, filepath, io);
  return { config, sources: [...base.sources, filepath] };
}

async function resolveExtends(specifiers: string[], fromDir: string, stack: string[], io: ConfigIo): Promise<Layer> {
  let config: Layer['config'] = {};
  const sources: string[] = [];
  for (const specifier of specifiers) {
    const file = io.resolve(specifier, fromDir, stack[stack.length - 1]);
    if (stack.includes(file)) throw new ConfigError(messages.extendsCycle([...stack, file]), messages.extendsCycleFix);
    const layer = await resolveLayer(await io.read(file), file, stack, false, io);
    config = await mergeLocked(config, layer.config, file, io);
    for (const source of layer.sources) if (!sources.includes(source)) sources.push(source);
  }
  return { config, sources };
}

/**
 * `mergeConfigs`, holding the keys `base` locks: `over` may strengthen them, never weaken them.
 * Locks only add up: a config above cannot unlock what one below locked.
 */
async function mergeLocked(base: Layer['config'], over: Layer['config'], file: string, io: ConfigIo): Promise<Layer['config']> {
  const config = mergeConfigs(base, over);
  const locked = base.policy?.locked ?? [];
  if (locked.length === 0) return config;
  config.policy = { ...config.policy, locked: [...new Set([...locked, ...(over.policy?.locked ?? [])])] };
  // Loaded only where a preset locks keys: most configs never pay for the comparison.
  const { checkLocks } = await import('./locks.js');
  const weakenings = checkLocks(base, config, locked);
  if (weakenings.length > 0) {
    if (io.onLockViolation) io.onLockViolation({ file, weakenings });
    else throw new ConfigError(messages.policy.lockedWeakened(file, weakenings), messages.policy.lockedFix(file));
  }
  return config;
}
