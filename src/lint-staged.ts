/**
 * The pre-commit hook runs the project's own lint-staged tasks after our checks pass, so
 * formatters and linters keep working as users expect from husky + lint-staged. The project's
 * lint-staged config wins; otherwise the tasks the mcflow config (or its preset) lists under
 * `lintStaged`. lint-staged is imported only when there is something for it to do.
 */
import fs from 'node:fs';
import path from 'node:path';

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

/** True when the project has its own lint-staged config in `dir` or above it, up to `root`. */
export function hasOwnLintStagedConfig(dir: string, root: string): boolean {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    if (CONFIG_FILES.some((file) => fs.existsSync(path.join(current, file)))) return true;
    const manifest = path.join(current, 'package.json');
    if (fs.existsSync(manifest)) {
      const text = fs.readFileSync(manifest, 'utf8');
      if (text.includes('"lint-staged"')) {
        try {
          if ((JSON.parse(text) as Record<string, unknown>)['lint-staged'] !== undefined) return true;
        } catch {
          // A broken package.json is npm's error to report, not ours.
        }
      }
    }
    if (current === root || path.dirname(current) === current || !current.startsWith(root)) return false;
  }
}

/**
 * Runs lint-staged through its API; true when every task passed (or there were none).
 * lint-staged stashes, runs the tasks, re-stages what they fixed, and prints its own progress.
 */
export async function runLintStaged(cwd: string, root: string, tasks: Record<string, string | string[]> | undefined): Promise<boolean> {
  const own = hasOwnLintStagedConfig(cwd, root);
  if (!own && (!tasks || Object.keys(tasks).length === 0)) return true;
  const { default: lintStaged } = (await import('lint-staged')) as { default: (options: Record<string, unknown>) => Promise<boolean> };
  return lintStaged({ cwd, ...(own ? {} : { config: tasks }) });
}
