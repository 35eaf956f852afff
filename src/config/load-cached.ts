/**
 * The mcflow config for a hook, through the resolved-config cache (cache.ts): a repository as
 * `init` leaves it has a `.mcflowrc.json`, and resolving it (cosmiconfig, the `extends` chain,
 * the schema validator and its globs) cost more than the rest of a commit-msg hook together.
 * A warm hook stats the search places, hashes the files that went into the entry, and reads it.
 */
import { contentStamp, digest, readCache, toPlain, writeCache, type Inputs } from './cache.js';
import { loadConfig, locateConfigFile, type ResolvedConfig } from './load.js';

/** Why the last resolution could not be cached, for `doctor`. */
export interface ConfigCacheState {
  resolved: ResolvedConfig;
  cache: 'none' | 'hit' | 'stored' | 'unserialisable';
  reason?: string;
}

export async function loadConfigCached(cwd: string, root: string): Promise<ResolvedConfig> {
  return (await resolveConfigCached(cwd, root)).resolved;
}

export async function resolveConfigCached(cwd: string, root: string): Promise<ConfigCacheState> {
  // The search itself is a handful of stat calls and always runs: a config file added closer to
  // the working directory, or one earlier in the search order, selects a different entry.
  const candidate = locateConfigFile(cwd, root);
  // No file: the default preset is one JSON read, nothing a cache would save.
  if (!candidate) return { resolved: await loadConfig(cwd, root), cache: 'none' };
  const name = `config-${digest(candidate).slice(0, 24)}`;
  const hit = readCache<ResolvedConfig>(root, name);
  if (hit && hit.filepath === candidate) return { resolved: hit, cache: 'hit' };
  // Hashed before loading: a file edited while we load must not be stored as the old version.
  const inputs: Inputs = { [candidate]: contentStamp(candidate) };
  const resolved = await loadConfig(cwd, root);
  const plain = toPlain(resolved);
  if (!plain.ok) return { resolved, cache: 'unserialisable', reason: plain.reason };
  // Every file of the `extends` chain (the built-in presets among them).
  for (const source of resolved.sources) inputs[source] ??= contentStamp(source);
  writeCache(root, name, inputs, plain.value);
  return { resolved, cache: 'stored' };
}
