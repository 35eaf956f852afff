/** What every repository-bound command needs first: the repository and its resolved config. */
import path from 'node:path';
import { loadConfig, loadConfigFile, type ResolvedConfig } from '../config/load.js';
import { findRepository, type Repository } from '../git/repo.js';

export interface CommandContext {
  repo: Repository;
  resolved: ResolvedConfig;
}

export async function openRepository(cwd: string, env: NodeJS.ProcessEnv, configFile?: string): Promise<CommandContext> {
  const repo = findRepository(cwd, env);
  // `--config` is relative to the command's cwd (io.cwd), not the host process's.
  const resolved = configFile ? await loadConfigFile(path.resolve(cwd, configFile)) : await loadConfig(cwd, repo.root);
  return { repo, resolved };
}

/**
 * The same for a hook: the config comes through the resolved-config cache (config/cache.ts).
 * Only hooks use it; verify and audit resolve the policy themselves on every run.
 */
export async function openRepositoryForHook(cwd: string, env: NodeJS.ProcessEnv, configFile?: string): Promise<CommandContext> {
  if (configFile) return openRepository(cwd, env, configFile);
  const repo = findRepository(cwd, env);
  const { loadConfigCached } = await import('../config/load-cached.js');
  return { repo, resolved: await loadConfigCached(cwd, repo.root) };
}
