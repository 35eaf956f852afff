/**
 * The pre-commit hook runs the project's own lint-staged tasks after our checks pass, so
 * formatters and linters keep working as users expect from husky + lint-staged. Run the way the
 * project itself would run them: the project's own lint-staged (its version, from its
 * node_modules) with the directory that holds its config as cwd — in a workspace that is often
 * the root, above the package we are installed in. Our nested copy runs only when the project has
 * none. Without a config of its own, the tasks the mcflow config lists under `lintStaged`.
 * lint-staged is imported only when there is something for it to do.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The config files lint-staged 16 looks for, and `package.json` with a "lint-staged" key. */
const CONFIG_FILES = [
  '.lintstagedrc',
  '.lintstagedrc.json',
  '.lintstagedrc.yaml',
  '.lintstagedrc.yml',
  '.lintstagedrc.mjs',
  '.lintstagedrc.js',
  '.lintstagedrc.cjs',
  '.lintstagedrc.mts',
  '.lintstagedrc.ts',
  '.lintstagedrc.cts',
  'lint-staged.config.mjs',
  'lint-staged.config.js',
  'lint-staged.config.cjs',
  'lint-staged.config.mts',
  'lint-staged.config.ts',
  'lint-staged.config.cts',
];

/** The project's own lint-staged config, nearest first from `dir` up to `root`: its file and the directory it is in. */
export function findOwnLintStagedConfig(dir: string, root: string): { dir: string; file: string } | undefined {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const file = CONFIG_FILES.find((name) => fs.existsSync(path.join(current, name)));
    if (file) return { dir: current, file: path.join(current, file) };
    const manifest = path.join(current, 'package.json');
    if (fs.existsSync(manifest)) {
      const text = fs.readFileSync(manifest, 'utf8');
      if (text.includes('"lint-staged"')) {
        try {
          if ((JSON.parse(text) as Record<string, unknown>)['lint-staged'] !== undefined) return { dir: current, file: manifest };
        } catch {
          // A broken package.json is npm's error to report, not ours.
        }
      }
    }
    if (current === root || path.dirname(current) === current || !current.startsWith(root)) return undefined;
  }
}

/** True when the project has its own lint-staged config in `dir` or above it, up to `root`. */
export function hasOwnLintStagedConfig(dir: string, root: string): boolean {
  return findOwnLintStagedConfig(dir, root) !== undefined;
}

/**
 * The lint-staged entry the project installed, looked up from each directory in turn (the
 * config's, then the package's: a workspace hoists to the root or keeps it per package).
 * undefined when the project has none of its own, and our dependency is used.
 */
export function resolveProjectLintStaged(from: string[], root: string): string | undefined {
  for (const dir of from) {
    let entry: string;
    try {
      entry = createRequire(path.join(dir, 'noop.js')).resolve('lint-staged');
    } catch {
      continue; // Not installed from here; try the next directory.
    }
    // Node's lookup goes on above the repository (a stray ~/node_modules, NODE_PATH): a copy
    // there is nobody's pinned version, so only one inside the repository counts as the project's.
    const relative = path.relative(fs.realpathSync(root), entry);
    if (relative && !relative.startsWith('..') && !path.isAbsolute(relative)) return entry;
  }
  return undefined;
}

export type LintStagedResult = 'passed' | 'failed' | 'none';

/**
 * Runs lint-staged through its API; 'none' when there was nothing to run.
 * lint-staged stashes, runs the tasks, re-stages what they fixed, and prints its own progress.
 */
export async function runLintStaged(cwd: string, root: string, tasks: Record<string, string | string[]> | undefined): Promise<LintStagedResult> {
  const own = findOwnLintStagedConfig(cwd, root);
  if (!own && (!tasks || Object.keys(tasks).length === 0)) return 'none';
  const entry = own ? resolveProjectLintStaged([own.dir, cwd], root) : undefined;
  type LintStaged = (options: Record<string, unknown>) => Promise<boolean>;
  const { default: lintStaged } = (entry ? await import(pathToFileURL(entry).href) : await import('lint-staged')) as { default: LintStaged };
  const passed = await lintStaged(own ? { cwd: own.dir } : { cwd, config: tasks });
  return passed ? 'passed' : 'failed';
}
