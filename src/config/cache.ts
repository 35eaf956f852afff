/**
 * The resolved-config cache the hooks share (as ESLint, Babel and Jest keep one): a config that
 * took cosmiconfig, a YAML parser, the schema validator, jiti or @commitlint/load to resolve is
 * stored as plain JSON, and later hooks read that one file instead.
 *
 * Where: `<repo>/node_modules/.cache/mcflow-hooks/`, or, when that cannot be written (no
 * node_modules, a read-only one), `<os temp>/mcflow-hooks-<uid>/`, one file per repository and
 * config. An entry names every input it was built from: a content hash per file (or "absent"),
 * and a size/mtime stamp for the package manager's install record. It is used only when every
 * input still matches, so an edited, added or removed file, or an upgraded package, rebuilds it.
 * Nothing about it is ever an error: an unreadable, corrupted or foreign entry is ignored and
 * rewritten, and a cache that cannot be written just leaves the next run cold.
 *
 * Only hooks use it. `verify` and `audit` resolve the config themselves on every run (they run
 * in CI on a fresh checkout, where a cache would only be something a pull request could plant).
 */
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../environment.js';

/** Bumped when an entry's shape changes; our version is part of every entry too. */
const FORMAT = 2;

/** What an input looked like when the entry was built. */
export type InputStamp = string;
export type Inputs = Record<string, InputStamp>;

interface Entry<T> {
  format: number;
  version: string;
  inputs: Inputs;
  value: T;
}

/**
 * A 128-bit content hash (four FNV-1a lanes over the bytes). Not cryptographic, on purpose:
 * requiring node:crypto costs a hook several milliseconds, more than the whole cache lookup,
 * and nothing here needs resistance to crafted collisions — whoever can write a config file or
 * node_modules/.cache can change the hooks themselves, and `verify` never reads the cache.
 */
export function digest(input: string | Buffer): string {
  const bytes = typeof input === 'string' ? Buffer.from(input) : input;
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  let c = 0x1b873593;
  let d = 0xcc9e2d51;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    a = Math.imul(a ^ byte, 0x01000193);
    b = Math.imul(b ^ byte, 0x01000193) ^ (b >>> 15);
    c = Math.imul(c ^ byte, 0x0100019d) ^ (c >>> 13);
    d = Math.imul(d ^ byte, 0x010001b3) ^ (d >>> 17);
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return `${hex(a)}${hex(b)}${hex(c)}${hex(d)}${bytes.length.toString(16)}`;
}

/** A file's content hash, or "absent": a file that appears later must invalidate the entry too. */
export function contentStamp(file: string): InputStamp {
  try {
    return `h:${digest(fs.readFileSync(file))}`;
  } catch {
    return 'absent';
  }
}

/**
 * Size and mtime, for files too large to hash on every commit whose change is the point: the
 * record npm, pnpm and yarn rewrite on every install (so an upgraded package behind an
 * `extends` rebuilds the entry, however deep it sits).
 */
export function statStamp(file: string): InputStamp {
  try {
    const stat = fs.statSync(file);
    return `stat:${stat.size}:${stat.mtimeMs}`;
  } catch {
    return 'absent';
  }
}

/** The install records of npm, pnpm, yarn classic, yarn berry and bun, where they exist. */
export function installRecords(root: string): Inputs {
  const inputs: Inputs = {};
  for (const name of ['.package-lock.json', '.modules.yaml', '.yarn-integrity', '.yarn-state.yml']) {
    const file = path.join(root, 'node_modules', name);
    const stamp = statStamp(file);
    if (stamp !== 'absent') inputs[file] = stamp;
  }
  return inputs;
}

function stampOf(file: string, recorded: InputStamp): InputStamp {
  return recorded.startsWith('stat:') ? statStamp(file) : contentStamp(file);
}

/** The cache directory under the repository's node_modules, tried first. */
function preferredDir(root: string): string {
  return path.join(root, 'node_modules', '.cache', 'mcflow-hooks');
}

/** The fallback in the OS temp dir, one folder per repository. */
function tempCacheDir(root: string): string {
  const uid = typeof process.getuid === 'function' ? process.getuid() : 'user';
  return path.join(tempDir(), `mcflow-hooks-${uid}`, digest(path.resolve(root)).slice(0, 16));
}

/** The cache directories, preferred first. */
export function cacheDirs(root: string): string[] {
  return [preferredDir(root), tempCacheDir(root)];
}

/**
 * The shared temp dir is only trusted when it is ours and nobody else can write to it: on a
 * shared machine, another user could otherwise plant an entry that switches a check off.
 */
function trustedTempDir(dir: string): boolean {
  if (typeof process.getuid !== 'function') return true;
  try {
    for (const each of [dir, path.dirname(dir)]) {
      const stat = fs.lstatSync(each);
      if (!stat.isDirectory() || stat.uid !== process.getuid() || (stat.mode & 0o022) !== 0) return false;
    }
    return true;
  } catch {
    return false;
  }
}

function entryFile(dir: string, name: string): string {
  return path.join(dir, `${name}.json`);
}

/** The value stored under `name`, when every input it was built from is unchanged. */
export function readCache<T>(root: string, name: string): T | undefined {
  // The temp dir is worked out only when node_modules has no current entry (it needs node:os).
  const fromDir = (dir: string): T | undefined => {
    let entry: Entry<T>;
    try {
      entry = JSON.parse(fs.readFileSync(entryFile(dir, name), 'utf8')) as Entry<T>;
    } catch {
      return undefined; // none yet, or corrupted: rebuilt by the caller, overwritten on write
    }
    return isCurrent(entry) ? entry.value : undefined;
  };
  const preferred = fromDir(preferredDir(root));
  if (preferred !== undefined) return preferred;
  const temp = tempCacheDir(root);
  return trustedTempDir(temp) ? fromDir(temp) : undefined;
}

function isCurrent(entry: Entry<unknown>): boolean {
  if (!entry || typeof entry !== 'object' || entry.format !== FORMAT || entry.version !== __MCFLOW_VERSION__) return false;
  if (!entry.inputs || typeof entry.inputs !== 'object' || !('value' in entry)) return false;
  for (const [file, stamp] of Object.entries(entry.inputs)) {
    if (typeof stamp !== 'string' || stampOf(file, stamp) !== stamp) return false;
  }
  return true;
}

/**
 * Stores `value` under `name`: in node_modules/.cache when it can be written, else in the temp
 * dir. Written to a temporary file and renamed, so a hook running at the same time never reads
 * half an entry. Failures are swallowed: a cache is an optimisation, never a reason to fail.
 */
export function writeCache(root: string, name: string, inputs: Inputs, value: unknown): void {
  const entry: Entry<unknown> = { format: FORMAT, version: __MCFLOW_VERSION__, inputs, value };
  const text = JSON.stringify(entry);
  const [preferred, temp] = cacheDirs(root);
  for (const dir of [preferred!, temp!]) {
    try {
      if (dir === temp) {
        fs.mkdirSync(path.dirname(dir), { recursive: true, mode: 0o700 });
        fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
        if (!trustedTempDir(dir)) return;
      } else if (!fs.existsSync(path.join(root, 'node_modules'))) {
        continue;
      } else {
        fs.mkdirSync(dir, { recursive: true });
      }
      const file = entryFile(dir, name);
      const partial = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(partial, text);
      fs.renameSync(partial, file);
      return;
    } catch {
      // not writable here: try the next place
    }
  }
}

/** Why a value cannot be stored as JSON (a function, a class instance…), or undefined when it can. */
export type Plain = { ok: true; value: unknown } | { ok: false; reason: string };

const REGEXP = '$mcflowRegExp';

/**
 * `value` as JSON-safe data. Regular expressions (a parser preset's header pattern) are kept as
 * `{ "$mcflowRegExp": [source, flags] }`; anything else that JSON would lose or change makes the
 * value unserialisable, with the path of the first such part as the reason.
 */
export function toPlain(value: unknown, at = 'config'): Plain {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return { ok: true, value };
  if (typeof value === 'number') return Number.isFinite(value) ? { ok: true, value } : { ok: false, reason: `${at} is ${value}` };
  if (typeof value === 'function') return { ok: false, reason: `${at} is a function` };
  if (value instanceof RegExp) return { ok: true, value: { [REGEXP]: [value.source, value.flags] } };
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (const [index, item] of value.entries()) {
      const plain = toPlain(item, `${at}[${index}]`);
      if (!plain.ok) return plain;
      items.push(plain.value);
    }
    return { ok: true, value: items };
  }
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return { ok: false, reason: `${at} is a ${proto?.constructor?.name ?? 'non-plain'} object` };
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      if (key === REGEXP) return { ok: false, reason: `${at} uses the reserved key ${REGEXP}` };
      const plain = toPlain(item, `${at}.${key}`);
      if (!plain.ok) return plain;
      out[key] = plain.value;
    }
    return { ok: true, value: out };
  }
  return { ok: false, reason: `${at} is ${typeof value}` };
}

/** The inverse of toPlain: regular expressions come back as RegExp objects. */
export function fromPlain<T>(value: unknown): T {
  if (Array.isArray(value)) return value.map((item) => fromPlain(item)) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const tagged = (value as Record<string, unknown>)[REGEXP];
    if (Array.isArray(tagged)) return new RegExp(String(tagged[0]), String(tagged[1])) as T;
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fromPlain(item)])) as T;
  }
  return value as T;
}
