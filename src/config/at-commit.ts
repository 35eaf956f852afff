/**
 * The config as a commit records it, read with `git ls-tree` / `git cat-file` instead of the
 * work tree: `verify` takes the policy from the target branch's commit, and compares it with
 * the pull request's. Local `extends` files are read from the same commit; built-in and npm
 * presets from the installed packages, as in the hooks.
 *
 * A JS/TS config is code. It runs only when `runCode` is set (the target branch's commit: code
 * the team already merged); otherwise it is reported as such and never imported.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError } from '../errors.js';
import { messages } from '../messages.js';
import { listTreeEntries, readBlob, type TreeEntry } from '../git/tree.js';
import type { Repository } from '../git/repo.js';
import { resolveConfig, SEARCH_PLACES, type ConfigIo, type LockViolation, type ResolvedConfig } from './load.js';
import { configParseError, loaderFor, readConfigFile } from './read.js';
import { resolvePreset } from './presets.js';
import { findLocalFile, isRegularFile, MAX_LOCAL_FILES, missingLocalFile, withoutJitiCache } from './commit-files.js';

/** Config files whose content is code: importing them runs it. */
export const CODE_CONFIG = /\.(?:[cm]?js|[cm]?ts)$/;

export interface CommitConfig {
  /** The commit read. */
  commit: string;
  /** The config file at that commit, relative to the top of the work tree (posix), when there is one. */
  file?: string;
  /** Its blob: two commits whose config blob is the same hold the same config file. */
  blob?: string;
  /** The resolved config; undefined when there is no config file, or when it is code that was not run. */
  resolved?: ResolvedConfig;
  /** Set when the config (or a file it extends) is code and `runCode` was off: it was not imported. */
  code?: string;
  /** Locked keys the config weakens (only collected with `collectLocks`; otherwise they throw). */
  lockViolations: LockViolation[];
  /** Installed presets (outside the repository) that are code and were imported. */
  importedPresets: string[];
}

export interface AtCommitOptions {
  /** Import JS/TS configs (the target branch's commit only). */
  runCode: boolean;
  /** Collect locked-key violations instead of throwing (the pull request's config, compared in CI). */
  collectLocks?: boolean;
  /**
   * Installed presets that are code and may be imported although `runCode` is off: those the
   * target branch's policy imported already (the same files, so the same code). Any other
   * installed JS preset is not run for a pull request: its node_modules may be its own.
   */
  trustedPresets?: readonly string[];
}

/** Thrown inside the resolver when a file is code and may not run: ends the resolution. */
class CodeNotRun extends Error {
  constructor(readonly file: string) {
    super(file);
  }
}

export async function loadConfigAtCommit(repo: Repository, commit: string, cwd: string, options: AtCommitOptions): Promise<CommitConfig> {
  const result: CommitConfig = { commit, lockViolations: [], importedPresets: [] };
  const found = locateAtCommit(repo, commit, cwd);
  if (!found) return result;
  result.file = found.file;
  result.blob = found.entry.object;
  const absolute = path.join(repo.root, found.file);
  const io: ConfigIo = {
    resolve: (specifier, fromDir, referrer) => resolveAtCommit(repo, commit, specifier, fromDir, referrer),
    read: (file) => readAtCommit(repo, commit, file, options, result.importedPresets),
    ...(options.collectLocks ? { onLockViolation: (violation: LockViolation) => result.lockViolations.push(violation) } : {}),
  };
  try {
    const raw = found.file.endsWith('package.json') ? found.packageConfig : await io.read(absolute);
    result.resolved = await resolveConfig(raw, absolute, io);
  } catch (error) {
    if (!(error instanceof CodeNotRun)) throw error;
    result.code = path.relative(repo.root, error.file).split(path.sep).join('/');
  }
  return result;
}

interface Located {
  file: string;
  entry: TreeEntry;
  packageConfig?: unknown;
}

/** The first search place that the commit has, from `cwd`'s directory up to the top (the hooks' order). */
function locateAtCommit(repo: Repository, commit: string, cwd: string): Located | undefined {
  const relative = path.relative(repo.root, path.resolve(cwd));
  const dirs: string[] = [];
  if (!relative.startsWith('..') && !path.isAbsolute(relative)) {
    for (let dir = relative.split(path.sep).join('/'); ; dir = path.posix.dirname(dir)) {
      dirs.push(dir === '.' ? '' : dir);
      if (dir === '' || dir === '.') break;
    }
  } else dirs.push('');
  const candidates = dirs.flatMap((dir) => SEARCH_PLACES.map((place) => (dir ? `${dir}/${place}` : place)));
  const entries = listTreeEntries(repo, commit, candidates);
  for (const file of candidates) {
    const entry = entries.get(file);
    if (!entry) continue;
    if (!isRegularFile(entry)) throw new ConfigError(messages.policy.symlinkAtCommit(file, commit), messages.policy.symlinkFix);
    if (!file.endsWith('package.json')) return { file, entry };
    const manifest = parsePackageJson(readBlob(repo, entry.object).toString('utf8'));
    if (manifest?.mcflow !== undefined) return { file, entry, packageConfig: manifest.mcflow };
  }
  return undefined;
}

export function parsePackageJson(text: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export { isRegularFile };

/** The repository-relative posix path of `file`, or undefined when it is outside the work tree or under node_modules. */
function inRepository(repo: Repository, file: string): string | undefined {
  const relative = path.relative(repo.root, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  const posix = relative.split(path.sep).join('/');
  return posix.split('/').includes('node_modules') ? undefined : posix;
}

function resolveAtCommit(repo: Repository, commit: string, specifier: string, fromDir: string, referrer: string | undefined): string {
  if (!specifier.startsWith('.') && !path.isAbsolute(specifier)) return resolvePreset(specifier, fromDir, referrer);
  const file = path.resolve(fromDir, specifier);
  const relative = inRepository(repo, file);
  if (relative === undefined) return resolvePreset(specifier, fromDir, referrer);
  const entry = listTreeEntries(repo, commit, [relative]).get(relative);
  if (entry && isRegularFile(entry)) return file;
  throw new ConfigError(messages.presetNotFound(specifier, [`${relative} at ${commit.slice(0, 12)}`], referrer), messages.presetPathFix(fromDir));
}

async function readAtCommit(repo: Repository, commit: string, file: string, options: AtCommitOptions, imported: string[]): Promise<unknown> {
  const runCode = options.runCode;
  const relative = inRepository(repo, file);
  if (relative === undefined) {
    if (CODE_CONFIG.test(file)) {
      if (!runCode && !(options.trustedPresets ?? []).includes(file)) throw new CodeNotRun(file);
      imported.push(file);
    }
    return readConfigFile(file);
  }
  const entry = listTreeEntries(repo, commit, [relative]).get(relative);
  if (!entry || !isRegularFile(entry)) throw new ConfigError(messages.policy.symlinkAtCommit(relative, commit), messages.policy.symlinkFix);
  const content = readBlob(repo, entry.object).toString('utf8');
  if (CODE_CONFIG.test(file)) {
    if (!runCode) throw new CodeNotRun(file);
    return importAtCommit(repo, commit, relative, content);
  }
  const loader = await loaderFor(file);
  if (!loader) throw new ConfigError(messages.configUnsupportedType(file), messages.configFix);
  try {
    return await loader(file, content);
  } catch (error) {
    throw configParseError(file, error);
  }
}

/**
 * Imports a JS/TS config as the commit has it, from a fresh directory that holds the commit's
 * files only (src/config/commit-files.ts): never beside the work tree's copy, whose neighbours
 * are the pull request's. A relative `require('./policy/helper.cjs')` gets the commit's helper,
 * not the change's edit of it. The directory sits in the checkout's node_modules when there is
 * one (so `import 'mcflow-hooks'` and other installed packages resolve as they would beside the
 * config), carries the commit's package.json files on the way up (an ES or CommonJS `.js` is
 * what the commit says), and is removed right after. A fresh name per load keeps Node's module
 * cache from handing back another version.
 */
async function importAtCommit(repo: Repository, commit: string, relative: string, content: string): Promise<unknown> {
  const modules = path.join(repo.root, 'node_modules');
  // A real directory only: a node_modules the change commits as a link could point anywhere.
  const parent = fs.lstatSync(modules, { throwIfNoEntry: false })?.isDirectory() ? modules : os.tmpdir();
  const where = `${relative} at ${commit.slice(0, 12)}`;
  const files = new Map<string, Buffer>([[relative, Buffer.from(content)]]);
  for (const manifest of manifestsAbove(repo, commit, relative)) files.set(manifest.file, manifest.content);
  if (!files.has('package.json')) files.set('package.json', Buffer.from('{}\n'));
  for (let attempt = 0; ; attempt++) {
    let dir: string;
    try {
      dir = fs.mkdtempSync(path.join(parent, '.mcflow-config-'));
    } catch (error) {
      throw new ConfigError(messages.configUnreadable(where, `cannot make a temporary directory in ${parent} to load it (${(error as Error).message})`), messages.configFix);
    }
    const file = path.join(dir, ...relative.split('/'));
    try {
      for (const [name, bytes] of files) {
        const target = path.join(dir, ...name.split('/'));
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, bytes);
      }
      const loader = await loaderFor(file);
      return await withoutJitiCache(async () => loader!(file, content));
    } catch (error) {
      const raw = error instanceof Error ? error.message : String(error);
      const wanted = missingLocalFile(raw, dir);
      const next = wanted !== undefined && attempt < MAX_LOCAL_FILES ? findLocalFile(repo, commit, wanted, files) : undefined;
      if (next) {
        files.set(next.file, next.content);
        continue;
      }
      // Name the files as the team knows them, not the temporary copies.
      const rename = (text: string) => text.split(`${dir}${path.sep}`).join('').split(dir).join('.');
      if (error instanceof Error) error.message = rename(error.message);
      const parsed = configParseError(where, error);
      if (wanted === undefined) throw parsed;
      throw new ConfigError(`${parsed.message}\n${messages.configAtCommit.localImport(wanted, commit)}`, messages.configAtCommit.localImportFix(relative));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}

/** The commit's package.json files from the config's directory up to the top: they say whether a `.js` is an ES module. */
function manifestsAbove(repo: Repository, commit: string, relative: string): { file: string; content: Buffer }[] {
  const candidates: string[] = [];
  for (let dir = path.posix.dirname(relative); ; dir = path.posix.dirname(dir)) {
    candidates.push(dir === '.' ? 'package.json' : `${dir}/package.json`);
    if (dir === '.' || dir === '/') break;
  }
  const entries = listTreeEntries(repo, commit, candidates);
  return candidates.flatMap((file) => {
    const entry = entries.get(file);
    return entry && isRegularFile(entry) ? [{ file, content: readBlob(repo, entry.object) }] : [];
  });
}
