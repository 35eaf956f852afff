/**
 * husky's side of the set-up: where the hooks directory goes, the `prepare` script that
 * re-installs husky on every `npm install`, and whether `core.hooksPath` is free for it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { git } from '../git/exec.js';
import { messages } from '../messages.js';
import { packageRoot } from '../package-root.js';

export interface HuskyLayout {
  /** The package directory relative to the git root, '' when they are the same. */
  packageDir: string;
  /** The hooks directory relative to the git root: `.husky` or `packages/app/.husky`. */
  hooksDir: string;
  /** The command for the `prepare` script (husky's documented subdirectory form below the root). */
  prepare: string;
}

/**
 * `|| true`, as husky's docs suggest, because an install must never fail on our account: with
 * `npm ci --omit=dev` husky is not installed at all. (Outside a git checkout, with HUSKY=0 or in
 * CI, husky itself prints one line and exits 0.)
 */
export function huskyLayout(root: string, packageDirAbs: string): HuskyLayout {
  const packageDir = path.relative(root, packageDirAbs).split(path.sep).join('/');
  if (packageDir === '') return { packageDir, hooksDir: '.husky', prepare: 'husky || true' };
  const up = packageDir.split('/').map(() => '..').join('/');
  const hooksDir = `${packageDir}/.husky`;
  return { packageDir, hooksDir, prepare: `cd ${up} && husky ${hooksDir} || true` };
}

/**
 * `prepare` with husky added after the user's own command, or unchanged when it runs husky
 * already. Husky goes in parentheses so its `|| true` cannot hide a failure of the user's command.
 */
export function mergePrepare(existing: string | undefined, huskyCommand: string): string | undefined {
  if (!existing || existing.trim() === '') return huskyCommand;
  if (/(^|[\s;&|(])husky(\s|$|[;&|)])/.test(existing)) return undefined;
  return `${existing} && (${huskyCommand})`;
}

/** `prepare` without what init added; undefined when nothing of the user's is left. */
export function unmergePrepare(existing: string, huskyCommand: string): string | undefined {
  if (existing === huskyCommand) return undefined;
  const suffix = ` && (${huskyCommand})`;
  return existing.endsWith(suffix) ? existing.slice(0, -suffix.length) : existing;
}

/**
 * Throws unless `core.hooksPath` is unset or already husky's. A hooks directory set globally
 * (a corporate hooks dir, another tool) would silently win over husky's: git runs hooks from
 * one directory only.
 * `git config --show-origin --get core.hooksPath` prints `file:/home/ann/.gitconfig\t/opt/hooks`.
 */
export function assertHooksPathFree(root: string, layout: HuskyLayout): void {
  const result = git(['config', '--show-origin', '--get', 'core.hooksPath'], { cwd: root, okCodes: [1] });
  if (result.status !== 0) return;
  const [origin = '', value = ''] = result.stdout.replace(/\n$/, '').split('\t');
  if (isHuskyHooksPath(value, layout)) return;
  const file = origin.replace(/^file:/, '');
  const scope = file.endsWith('.git/config') || file === '.git/config' || file.includes('/.git/') ? '' : file.startsWith('/etc') ? '--system ' : '--global ';
  throw new UsageError(messages.install.hooksPathForeign(value, origin), messages.install.hooksPathForeignFix(scope));
}

export function isHuskyHooksPath(value: string, layout: HuskyLayout): boolean {
  const normal = value.replace(/\\/g, '/').replace(/\/+$/, '');
  return normal === `${layout.hooksDir}/_` || normal === layout.hooksDir || /(^|\/)\.husky(\/_)?$/.test(normal);
}

/** husky's bin: the project's own copy when installed, else the one mcflow-hooks depends on. */
export function huskyBin(packageDirAbs: string): string {
  for (const start of [packageDirAbs, packageRoot()]) {
    for (let dir = start; ; dir = path.dirname(dir)) {
      const bin = path.join(dir, 'node_modules', 'husky', 'bin.js');
      if (fs.existsSync(bin)) return bin;
      if (path.dirname(dir) === dir) break;
    }
  }
  return 'husky';
}

/**
 * Whether `file` (a hook in `.husky/_`) is husky's, which sources the runner `h` and so runs
 * `.husky/<hook>`. Tools that follow core.hooksPath (simple-git-hooks, run again by its
 * `postinstall`) overwrite such files or delete the hooks they do not configure.
 */
export function isHuskyHookFile(file: string): boolean {
  try {
    return fs.readFileSync(file, 'utf8').includes('/h"');
  } catch {
    return false;
  }
}
