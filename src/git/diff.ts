/**
 * Parsers for git's diff output. Pure functions over text, so their tests need no repository.
 */
import type { ChangedFile } from '../types.js';

export const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
const ZERO_SHA = /^0+$/;

/** One entry of `git diff --raw -z --no-abbrev`. */
export interface RawEntry {
  status: ChangedFile['status'];
  path: string;
  from?: string;
  /** The new blob's id (all zeros for a deletion). */
  blob: string;
  mode: string;
}

/**
 * Parses `git diff --raw -z --no-abbrev [-M]`. Each entry is a NUL-terminated header followed
 * by one path, or two for renames and copies:
 *   :100644 100644 <old sha> <new sha> M\0src/a.ts\0
 *   :100644 100644 <old sha> <new sha> R087\0old name.ts\0new name.ts\0
 * Paths are raw bytes as git stores them: spaces, newlines and unicode need no unquoting.
 */
export function parseRawDiff(output: string): RawEntry[] {
  const fields = output.split('\0');
  const entries: RawEntry[] = [];
  for (let i = 0; i < fields.length; ) {
    const header = fields[i++];
    if (!header) continue;
    const match = /^:(\d{6}) (\d{6}) ([0-9a-f]+) ([0-9a-f]+) ([A-Z])\d*$/.exec(header);
    if (!match) throw new Error(`unexpected git diff --raw entry: ${JSON.stringify(header)}`);
    const [, , mode, , blob, letter] = match as unknown as [string, string, string, string, string, string];
    const status = letter as ChangedFile['status'];
    if (status === 'R' || status === 'C') {
      const from = fields[i++]!;
      entries.push({ status, from, path: fields[i++]!, blob, mode });
    } else {
      entries.push({ status, path: fields[i++]!, blob: ZERO_SHA.test(blob) ? '' : blob, mode });
    }
  }
  return entries;
}

/** Undoes git's C-style quoting of a path in patch headers: `"new\nline.txt"` → new⏎line.txt. */
export function unquotePath(text: string): string {
  if (!text.startsWith('"')) return text;
  const bytes: number[] = [];
  const body = text.slice(1, text.lastIndexOf('"'));
  const simple: Record<string, number> = { n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch !== '\\') {
      bytes.push(...Buffer.from(ch, 'utf8'));
      continue;
    }
    const next = body[++i]!;
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i, i + 3), 8));
      i += 2;
    } else {
      bytes.push(simple[next] ?? next.charCodeAt(0));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/**
 * The line numbers (in the new file) that a `git diff -U0` patch adds, by path. Hunk headers
 * `@@ -a,b +c,d @@` say where each run of added lines starts; with -U0 every `+` line in a
 * hunk is an added one.
 */
export function parseAddedLines(patch: string): Map<string, Set<number>> {
  const added = new Map<string, Set<number>>();
  let current: Set<number> | undefined;
  let next = 0;
  for (const line of patch.split('\n')) {
    if (line.startsWith('+++ ')) {
      const target = line.slice(4).replace(/\t$/, '');
      if (target === '/dev/null') {
        current = undefined;
        continue;
      }
      const path = unquotePath(target).replace(/^b\//, '');
      current = added.get(path) ?? new Set();
      added.set(path, current);
      continue;
    }
    if (line.startsWith('@@')) {
      const match = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
      next = match ? Number(match[1]) : 0;
      continue;
    }
    if (current && line.startsWith('+')) current.add(next++);
  }
  return added;
}
