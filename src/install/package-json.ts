/**
 * Reads and edits a package.json without disturbing it: the edit keeps the file's indentation,
 * key order and final newline (or its absence), so the only diff a user sees is our keys.
 */
import fs from 'node:fs';
import { UsageError } from '../errors.js';
import { messages } from '../messages.js';

export type Manifest = Record<string, unknown> & {
  scripts?: Record<string, string>;
  devDependencies?: Record<string, string>;
  dependencies?: Record<string, string>;
  packageManager?: string;
};

export interface PackageJson {
  file: string;
  data: Manifest;
  /** The indentation the file uses (two spaces, four, a tab). */
  indent: string;
  /** `\r\n` when the file uses it. */
  eol: string;
  finalNewline: boolean;
}

export function readPackageJson(file: string): PackageJson {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(messages.install.packageJsonMissing(file, code ?? String(error)), messages.install.packageJsonMissingFix);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UsageError(messages.install.packageJsonParse(file, (error as Error).message), messages.install.packageJsonParseFix(file));
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new UsageError(messages.install.packageJsonParse(file, 'the top level is not an object'), messages.install.packageJsonParseFix(file));
  }
  const indent = /^[{[]\r?\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
  return { file, data: data as Manifest, indent, eol: text.includes('\r\n') ? '\r\n' : '\n', finalNewline: /\n$/.test(text) };
}

export function formatPackageJson(pkg: PackageJson): string {
  const body = JSON.stringify(pkg.data, null, pkg.indent).replace(/\n/g, pkg.eol);
  return pkg.finalNewline ? body + pkg.eol : body;
}

/**
 * Sets `data[section][name] = value`, adding the section at the end when it is missing. An
 * existing key keeps its place; a new one goes where npm would put it in a sorted section (npm
 * sorts dependencies on every install, so anything else is a diff the next install makes), and
 * last in one the project keeps in its own order.
 */
export function setEntry(data: Manifest, section: 'scripts' | 'devDependencies', name: string, value: string): void {
  const current = (data[section] as Record<string, string> | undefined) ?? {};
  const keys = Object.keys(current);
  if (name in current || keys.length < 2 || !isSorted(keys)) {
    data[section] = { ...current, [name]: value };
    return;
  }
  const at = keys.findIndex((key) => compareKeys(key, name) > 0);
  const order = at < 0 ? [...keys, name] : [...keys.slice(0, at), name, ...keys.slice(at)];
  data[section] = Object.fromEntries(order.map((key) => [key, key === name ? value : current[key]!]));
}

/** npm's order: `localeCompare` in English. */
function compareKeys(a: string, b: string): number {
  return a.localeCompare(b, 'en');
}

function isSorted(keys: string[]): boolean {
  return keys.every((key, index) => index === 0 || compareKeys(keys[index - 1]!, key) <= 0);
}

/** Removes `data[section][name]`, and the section itself when that leaves it empty. */
export function removeEntry(data: Manifest, section: 'scripts' | 'devDependencies', name: string): void {
  const current = data[section] as Record<string, string> | undefined;
  if (!current || !(name in current)) return;
  const { [name]: _removed, ...rest } = current;
  if (Object.keys(rest).length === 0) delete data[section];
  else data[section] = rest;
}
