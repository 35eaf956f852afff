/**
 * Which package manager a project uses: its lockfile (in the package directory or above it, up
 * to the git root, where a workspace keeps it), then `packageManager` in package.json, then the
 * one that is running us (`npm_config_user_agent`), else npm.
 */
import fs from 'node:fs';
import path from 'node:path';

export type PackageManagerName = 'npm' | 'pnpm' | 'yarn' | 'yarn-berry' | 'bun';

export interface PackageManager {
  name: PackageManagerName;
  /** Why we think so, for the summary: "pnpm-lock.yaml", "packageManager", … */
  reason: string;
  /** The executable. */
  bin: string;
  install: string[];
}

const LOCKFILES: readonly [string, PackageManagerName][] = [
  ['pnpm-lock.yaml', 'pnpm'],
  ['yarn.lock', 'yarn'],
  ['bun.lock', 'bun'],
  ['bun.lockb', 'bun'],
  ['package-lock.json', 'npm'],
  ['npm-shrinkwrap.json', 'npm'],
];

export function detectPackageManager(packageDir: string, root: string, packageManagerField: unknown, env: NodeJS.ProcessEnv): PackageManager {
  for (let dir = packageDir; ; dir = path.dirname(dir)) {
    for (const [file, name] of LOCKFILES) {
      if (fs.existsSync(path.join(dir, file))) return describe(name === 'yarn' ? yarnFlavour(dir, packageManagerField) : name, file);
    }
    if (dir === root || path.dirname(dir) === dir || !dir.startsWith(root)) break;
  }
  const field = typeof packageManagerField === 'string' ? /^(npm|pnpm|yarn|bun)@(\d+)/.exec(packageManagerField) : null;
  if (field) return describe(field[1] === 'yarn' ? (Number(field[2]) >= 2 ? 'yarn-berry' : 'yarn') : (field[1] as PackageManagerName), 'packageManager');
  const agent = /^(npm|pnpm|yarn|bun)\/(\d+)/.exec(env.npm_config_user_agent ?? '');
  if (agent) return describe(agent[1] === 'yarn' ? (Number(agent[2]) >= 2 ? 'yarn-berry' : 'yarn') : (agent[1] as PackageManagerName), 'npm_config_user_agent');
  return describe('npm', 'default');
}

/** Yarn 2+ ("berry") keeps `.yarnrc.yml` and a different lockfile header than yarn 1. */
function yarnFlavour(dir: string, packageManagerField: unknown): PackageManagerName {
  if (typeof packageManagerField === 'string' && /^yarn@[2-9]/.test(packageManagerField)) return 'yarn-berry';
  if (fs.existsSync(path.join(dir, '.yarnrc.yml'))) return 'yarn-berry';
  const head = fs.readFileSync(path.join(dir, 'yarn.lock'), 'utf8').slice(0, 300);
  return head.includes('__metadata') ? 'yarn-berry' : 'yarn';
}

/**
 * init changes package.json, so the install must be allowed to update the lockfile: pnpm and
 * yarn berry refuse to by default in CI (frozen / immutable installs).
 */
const INSTALL: Record<PackageManagerName, string[]> = {
  npm: ['npm', 'install'],
  pnpm: ['pnpm', 'install', '--no-frozen-lockfile'],
  yarn: ['yarn', 'install'],
  'yarn-berry': ['yarn', 'install', '--no-immutable'],
  bun: ['bun', 'install'],
};

function describe(name: PackageManagerName, reason: string): PackageManager {
  return { name, reason, bin: INSTALL[name][0]!, install: INSTALL[name] };
}

/** Whether `bin` is an executable on PATH (package managers are looked up the way a shell would). */
export function isOnPath(bin: string, env: NodeJS.ProcessEnv): boolean {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    for (const name of process.platform === 'win32' ? [`${bin}.cmd`, `${bin}.exe`, bin] : [bin]) {
      try {
        fs.accessSync(path.join(dir, name), fs.constants.X_OK);
        return true;
      } catch {
        // Not in this directory.
      }
    }
  }
  return false;
}
