/** What every repository-bound command needs first: the repository and its resolved config. */
import { loadConfig, loadConfigFile, type ResolvedConfig } from '../config/load.js';
import { findRepository, type Repository } from '../git/repo.js';

export interface CommandContext {
  repo: Repository;
  resolved: ResolvedConfig;
}

export async function openRepository(cwd: string, env: NodeJS.ProcessEnv, configFile?: string): Promise<CommandContext> {
  const repo = findRepository(cwd, env);
  const resolved = configFile ? await loadConfigFile(configFile) : await loadConfig(cwd, repo.root);
  return { repo, resolved };
}
