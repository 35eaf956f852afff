/** What init, doctor and uninstall all need to know first: the repository, the package, its layout. */
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { findRepository, type Repository } from '../git/repo.js';
import { messages } from '../messages.js';
import { huskyLayout, type HuskyLayout } from './husky.js';

export interface Project {
  repo: Repository;
  /** Absolute path of the directory holding the package.json init edits. */
  packageDir: string;
  packageJsonFile: string;
  layout: HuskyLayout;
}

/**
 * The package is the nearest package.json from `cwd` up to the git root: run in `packages/app`
 * of a monorepo, init sets up that package with husky's subdirectory layout.
 */
export function locateProject(cwd: string, env: NodeJS.ProcessEnv): Project {
  // Hook variables would point us at another repository when init runs from inside a hook.
  const repo = findRepository(cwd, { ...env, GIT_PREFIX: undefined });
  const root = repo.root;
  let dir = fs.realpathSync(cwd);
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) break;
    if (dir === root || path.dirname(dir) === dir || !dir.startsWith(root)) {
      throw new UsageError(messages.install.packageJsonMissing(path.join(cwd, 'package.json'), 'no such file'), messages.install.packageJsonMissingFix);
    }
    dir = path.dirname(dir);
  }
  if (dir !== root && !dir.startsWith(root + path.sep)) {
    throw new UsageError(messages.install.outsideRepository(dir, root), messages.notARepositoryFix);
  }
  return { repo, packageDir: dir, packageJsonFile: path.join(dir, 'package.json'), layout: huskyLayout(root, dir) };
}

/** Our own husky range, so a project gets the husky major we are tested with. */
export function huskyRange(ownManifest: { dependencies?: Record<string, string> }): string {
  return ownManifest.dependencies?.husky ?? '^9.1.7';
}

/** The directory of package `name` installed at or above `from` (workspaces hoist to the root), as Node would find it. */
export function findInstalled(name: string, from: string): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}
