/**
 * Resolves an `extends` entry to a file: a built-in preset by short name (`gitflow`), a path
 * relative to the config that names it (`./team.json`), or an npm package installed where that
 * config lives (`@acme/mcflow-preset`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ConfigError } from '../errors.js';
import { messages } from '../messages.js';
import { packageRoot } from '../package-root.js';

export function builtInPresetNames(): string[] {
  return fs
    .readdirSync(path.join(packageRoot(), 'presets'))
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length))
    .sort();
}

export function isBuiltInPreset(file: string): boolean {
  return path.dirname(file) === path.join(packageRoot(), 'presets');
}

/** `referrer` is the config file whose `extends` names the preset, for the error message. */
export function resolvePreset(specifier: string, fromDir: string, referrer?: string): string {
  if (specifier.startsWith('.') || path.isAbsolute(specifier)) {
    const file = path.resolve(fromDir, specifier);
    if (fs.existsSync(file) && fs.statSync(file).isFile()) return file;
    throw notFound(specifier, fromDir, [`the file ${file}`], referrer);
  }
  if (/^[a-z0-9][a-z0-9-]*$/.test(specifier)) {
    const file = path.join(packageRoot(), 'presets', `${specifier}.json`);
    if (fs.existsSync(file)) return file;
  }
  const fromPackage = resolvePackage(specifier, fromDir);
  if (fromPackage) return fromPackage;
  return notFoundPreset(specifier, fromDir, referrer);
}

function notFoundPreset(specifier: string, fromDir: string, referrer: string | undefined): never {
  const places = [`the built-in presets (${builtInPresetNames().join(', ')})`, `an npm package "${specifier}" in node_modules above ${fromDir}`];
  throw notFound(specifier, fromDir, places, referrer);
}

function notFound(specifier: string, fromDir: string, places: string[], referrer: string | undefined): ConfigError {
  const isPath = specifier.startsWith('.') || path.isAbsolute(specifier);
  return new ConfigError(
    messages.presetNotFound(specifier, places, referrer),
    isPath ? messages.presetPathFix(fromDir) : messages.presetInstallFix(specifier),
  );
}

/**
 * Finds a package's entry point from `fromDir`. `require.resolve` covers CommonJS and packages
 * with a "require"/"default" export; ESM-only packages (exports with "import" only) are found
 * by walking node_modules ourselves, because `import.meta.resolve` cannot start from another
 * directory on Node 20.
 */
function resolvePackage(specifier: string, fromDir: string): string | undefined {
  const require = createRequire(path.join(fromDir, 'noop.js'));
  try {
    return require.resolve(specifier);
  } catch {
    // fall through to the manual walk
  }
  const [scopeOrName, maybeName, ...subpath] = specifier.split('/');
  const name = scopeOrName?.startsWith('@') ? `${scopeOrName}/${maybeName}` : scopeOrName!;
  const rest = (scopeOrName?.startsWith('@') ? subpath : [maybeName, ...subpath]).filter(Boolean).join('/');
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const pkgDir = path.join(dir, 'node_modules', name);
    const manifestPath = path.join(pkgDir, 'package.json');
    if (fs.existsSync(manifestPath)) {
      if (rest) return path.join(pkgDir, rest);
      const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as {
        exports?: unknown;
        main?: string;
      };
      const entry = pickExport(manifest.exports) ?? manifest.main ?? 'index.js';
      return path.join(pkgDir, entry);
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

function pickExport(exports: unknown): string | undefined {
  if (typeof exports === 'string') return exports;
  if (typeof exports !== 'object' || exports === null) return undefined;
  const record = exports as Record<string, unknown>;
  const root = '.' in record ? record['.'] : record;
  if (typeof root === 'string') return root;
  if (typeof root === 'object' && root !== null) {
    const conditions = root as Record<string, unknown>;
    for (const key of ['import', 'default', 'node', 'require']) {
      const value = pickExport(conditions[key]);
      if (value) return value;
    }
  }
  return undefined;
}
