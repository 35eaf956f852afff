/**
 * The project's own commitlint config, resolved once and then read from the resolved-config
 * cache (config/cache.ts). @commitlint/load (cosmiconfig, the config validator, resolving and
 * loading each `extends`, the parser preset, jiti for a .ts file) cost ~350 ms of every commit;
 * a warm hook reads one JSON file instead.
 *
 * The common config needs no loading even the first time: one that only extends
 * @commitlint/config-conventional, with rule overrides given as plain data, is that preset plus
 * the overrides, and the preset is bundled. Used only when the installed preset is the very
 * version bundled, so the rules are the ones `commitlint --edit` would apply.
 *
 * A config that cannot be stored as data (a plugin, a function-valued rule or ignore, a custom
 * parser) is loaded the slow way on every run; the entry then records why, for `doctor`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { QualifiedConfig, QualifiedRules } from '@commitlint/types';
import { contentStamp, digest, fromPlain, installRecords, readCache, toPlain, writeCache, type Inputs } from '../config/cache.js';

const CONVENTIONAL = '@commitlint/config-conventional';
/** What @commitlint/load answers when a config sets no helpUrl. */
const DEFAULT_HELP_URL = 'https://github.com/conventional-changelog/commitlint/#what-is-commitlint';

/** The parts of a loaded commitlint config that decide a verdict. */
export type LoadedCommitlint = Pick<QualifiedConfig, 'extends' | 'rules' | 'parserPreset' | 'plugins' | 'ignores' | 'defaultIgnores' | 'helpUrl'>;

export interface CommitlintCacheResult {
  loaded: LoadedCommitlint;
  /** hit: read from the cache; preset: the bundled config-conventional; stored: loaded and cached; slow: loaded, cannot be cached. */
  cache: 'hit' | 'preset' | 'stored' | 'slow';
  reason?: string;
}

/** What an entry holds: the verdict-deciding data, or why there is none. */
type Stored = { rules: unknown; parserOpts?: unknown; defaultIgnores: boolean; helpUrl?: string } | { unserialisable: string };

export async function loadCommitlintCached(own: string, root: string, loadSlowly: (own: string, root: string) => Promise<LoadedCommitlint>): Promise<CommitlintCacheResult> {
  const name = `commitlint-${digest(own).slice(0, 24)}`;
  const hit = readCache<Stored>(root, name);
  if (hit && 'unserialisable' in hit) return { loaded: await loadSlowly(own, root), cache: 'slow', reason: hit.unserialisable };
  if (hit) return { loaded: revive(hit), cache: 'hit' };

  // Hashed before anything is read: an edit made while we load must not be stored as the old version.
  const inputs: Inputs = { [own]: contentStamp(own) };
  const raw = await readRawConfig(own);
  const functionRule = raw === undefined ? undefined : findFunctionRule(raw);
  const installed = findPackageJson(CONVENTIONAL, path.dirname(own));
  if (!functionRule && raw !== undefined && onlyExtendsConventional(raw) && installed && readVersion(installed) === __COMMITLINT_CONVENTIONAL_VERSION__) {
    const stored = await fromBundledPreset(raw);
    const plain = toPlain(stored);
    if (plain.ok) writeCache(root, name, { ...inputs, [installed]: contentStamp(installed) }, plain.value);
    return { loaded: revive(stored), cache: 'preset' };
  }

  const loaded = await loadSlowly(own, root);
  const reason = functionRule ?? unserialisableReason(loaded) ?? (await findComputedExtends(loaded.extends ?? [], own));
  const extended = reason ? undefined : extendedInputs(loaded.extends ?? [], own);
  const plain = toPlain({ rules: loaded.rules, parserOpts: loaded.parserPreset?.parserOpts, defaultIgnores: loaded.defaultIgnores !== false, helpUrl: loaded.helpUrl });
  const why = reason ?? (plain.ok ? undefined : plain.reason);
  Object.assign(inputs, extended, installRecords(root));
  if (why) {
    writeCache(root, name, inputs, { unserialisable: why });
    return { loaded, cache: 'slow', reason: why };
  }
  // An `extends` we could not find on disk cannot be watched for upgrades: not cached.
  if (extended) writeCache(root, name, inputs, plain.ok ? plain.value : undefined);
  return { loaded, cache: extended ? 'stored' : 'slow', reason: extended ? undefined : 'an extended config could not be located' };
}

function revive(stored: Exclude<Stored, { unserialisable: string }>): LoadedCommitlint {
  return {
    extends: [],
    rules: fromPlain<QualifiedRules>(stored.rules),
    parserPreset: stored.parserOpts === undefined ? undefined : { parserOpts: fromPlain(stored.parserOpts) },
    plugins: {},
    ignores: [],
    defaultIgnores: stored.defaultIgnores,
    helpUrl: stored.helpUrl ?? DEFAULT_HELP_URL,
  };
}

/** The config as written (before commitlint resolves it), or undefined when we cannot read it: the slow path then reports why. */
async function readRawConfig(own: string): Promise<unknown> {
  try {
    if (path.basename(own) === 'package.json') return (JSON.parse(fs.readFileSync(own, 'utf8')) as { commitlint?: unknown }).commitlint;
    const { readConfigFile } = await import('../config/read.js');
    return await readConfigFile(own);
  } catch {
    return undefined;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A rule given as a function is computed on each run (a scope list read from the workspace): never stored. */
function findFunctionRule(raw: unknown): string | undefined {
  if (!isObject(raw) || !isObject(raw.rules)) return undefined;
  const name = Object.entries(raw.rules).find(([, value]) => typeof value === 'function')?.[0];
  return name === undefined ? undefined : `rule ${name} is a function, computed on every run`;
}

const CONVENTIONAL_KEYS = new Set(['extends', 'rules', 'helpUrl', 'defaultIgnores', 'formatter', 'prompt', '$schema']);

/** `{ extends: ['@commitlint/config-conventional'], rules?: plain rule settings, helpUrl?, defaultIgnores? }` and nothing else. */
export function onlyExtendsConventional(raw: unknown): raw is { rules?: Record<string, unknown>; helpUrl?: string; defaultIgnores?: boolean } {
  if (!isObject(raw) || Object.keys(raw).some((key) => !CONVENTIONAL_KEYS.has(key))) return false;
  const extendsList = [raw.extends].flat();
  if (extendsList.length !== 1 || extendsList[0] !== CONVENTIONAL) return false;
  if (raw.helpUrl !== undefined && typeof raw.helpUrl !== 'string') return false;
  if (raw.defaultIgnores !== undefined && typeof raw.defaultIgnores !== 'boolean') return false;
  if (raw.rules === undefined) return true;
  // Anything commitlint's validator would reject goes the slow way, so its message is the one shown.
  return isObject(raw.rules) && Object.values(raw.rules).every(isPlainRule);
}

function isPlainRule(value: unknown): boolean {
  if (!Array.isArray(value) || value.length < 1 || value.length > 3 || ![0, 1, 2].includes(value[0] as number)) return false;
  if (value.length >= 2 && value[1] !== 'always' && value[1] !== 'never') return false;
  return toPlain(value).ok;
}

async function fromBundledPreset(raw: { rules?: Record<string, unknown>; helpUrl?: string; defaultIgnores?: boolean }): Promise<Exclude<Stored, { unserialisable: string }>> {
  const [{ default: conventional }, { default: createPreset }] = await Promise.all([
    import('@commitlint/config-conventional'),
    import('conventional-changelog-conventionalcommits'),
  ]);
  return {
    rules: { ...(conventional.rules as QualifiedRules), ...(raw.rules ?? {}) },
    parserOpts: createPreset().parser,
    defaultIgnores: raw.defaultIgnores !== false,
    helpUrl: raw.helpUrl ?? DEFAULT_HELP_URL,
  };
}

function unserialisableReason(loaded: LoadedCommitlint): string | undefined {
  const plugins = Object.keys(loaded.plugins ?? {});
  if (plugins.length > 0) return `plugin ${plugins.join(', ')} brings rules that are functions`;
  if ((loaded.ignores ?? []).length > 0) return 'ignores are functions';
  const parserOpts = loaded.parserPreset?.parserOpts;
  if (parserOpts !== undefined && !toPlain(parserOpts).ok) return `the parser preset ${loaded.parserPreset?.name ?? ''} has functions (a custom parser)`.replace('  ', ' ');
  return undefined;
}

/**
 * The files whose change must rebuild the entry: each extended package's package.json (its
 * version), or each extended local file. Undefined when one of them cannot be found.
 */
function extendedInputs(specifiers: string[], own: string): Inputs | undefined {
  const inputs: Inputs = {};
  const from = path.dirname(own);
  for (const specifier of specifiers) {
    if (typeof specifier !== 'string') return undefined;
    if (specifier.startsWith('.') || path.isAbsolute(specifier)) {
      const file = ['', '.js', '.cjs', '.mjs', '.json', '.ts'].map((ext) => path.resolve(from, specifier + ext)).find((candidate) => isFile(candidate));
      if (!file) return undefined;
      inputs[file] = contentStamp(file);
      continue;
    }
    const manifest = packageNames(specifier).map((name) => findPackageJson(name, from)).find(Boolean);
    if (!manifest) return undefined;
    inputs[manifest] = contentStamp(manifest);
  }
  return inputs;
}

/**
 * A shared config whose rules are functions computes them on every run, from the workspace
 * (@commitlint/config-pnpm-scopes, -lerna-scopes, -nx-scopes list the packages): its value at
 * the first run must not be kept. @commitlint/load has already loaded each one; the module
 * cache hands it back.
 */
async function findComputedExtends(specifiers: string[], own: string): Promise<string | undefined> {
  const { createRequire } = await import('node:module');
  const { pathToFileURL } = await import('node:url');
  const require = createRequire(own);
  for (const specifier of specifiers) {
    if (typeof specifier !== 'string') continue;
    for (const name of specifier.startsWith('.') || path.isAbsolute(specifier) ? [specifier] : packageNames(specifier)) {
      let entry: string;
      try {
        entry = require.resolve(name);
      } catch {
        continue;
      }
      try {
        const module = (await import(pathToFileURL(entry).href)) as { default?: { rules?: unknown }; rules?: unknown };
        const rules = (module.default ?? module).rules;
        const computed = isObject(rules) ? Object.entries(rules).find(([, value]) => typeof value === 'function')?.[0] : undefined;
        if (computed !== undefined) return `${specifier} computes rule ${computed} on every run`;
      } catch {
        return `${specifier} could not be inspected`;
      }
      break;
    }
  }
  return undefined;
}

/** The names commitlint tries for an `extends` entry (@commitlint/resolve-extends). */
function packageNames(specifier: string): string[] {
  const parts = specifier.split('/');
  if (specifier.startsWith('@')) {
    const scope = parts[0]!;
    if (parts.length === 1) return [`${scope}/commitlint-config`];
    return [`${scope}/${parts[1]}`, `${scope}/commitlint-config-${parts[1]}`];
  }
  return [parts[0]!, `commitlint-config-${parts[0]}`];
}

/** node_modules/<name>/package.json, looked up the way Node resolves a package from `from`. */
function findPackageJson(name: string, from: string): string | undefined {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'node_modules', name, 'package.json');
    if (isFile(manifest)) return manifest;
    if (path.dirname(dir) === dir) return undefined;
  }
}

function readVersion(manifest: string): string | undefined {
  try {
    return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
