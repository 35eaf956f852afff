/**
 * The lines init puts into `.husky/*` files, and how they merge with a user's own hook. Each of
 * our lines carries a marker comment, so uninstall removes exactly our lines and an upgrade
 * replaces an old line instead of adding a second one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { shellQuote } from '../messages.js';
import { packageRoot } from '../package-root.js';

export const HOOK_MARKER = '# mcflow-hooks';

/** The hook files shipped in `hooks/`, by hook name: one line each that calls the CLI. */
export function shippedHooks(): Map<string, string> {
  const dir = path.join(packageRoot(), 'hooks');
  const hooks = new Map<string, string>();
  for (const name of fs.readdirSync(dir).sort()) {
    const line = fs.readFileSync(path.join(dir, name), 'utf8').split('\n').find((l) => l.trim() !== '' && !l.startsWith('#'));
    if (line) hooks.set(name, line.trim());
  }
  return hooks;
}

/**
 * Our line for one hook. With the package below the git root (a monorepo), git runs hooks from
 * the root, so the line changes into the package first, as husky's docs show; a subshell keeps
 * that `cd` from affecting the user's lines.
 */
export function hookLine(shipped: string, packageDir: string): string {
  const line = packageDir === '' ? shipped : `(cd ${shellQuote(packageDir, { inScript: true })} && ${shipped})`;
  return `${line} ${HOOK_MARKER}`;
}

export function isOurLine(line: string): boolean {
  return line.trimEnd().endsWith(HOOK_MARKER);
}

/**
 * The hook file with our line in it exactly once: appended to a user's file, replacing an
 * older line of ours in place. Returns undefined when nothing changes. Line endings become LF:
 * `sh` reads a CR as part of the command.
 */
export function mergeHook(existing: string | undefined, line: string): string | undefined {
  if (existing === undefined) return `${line}\n`;
  const lf = existing.replace(/\r\n/g, '\n');
  const lines = lf.split('\n');
  const ours = lines.findIndex(isOurLine);
  if (ours >= 0) {
    if (lines[ours] === line && lf === existing) return undefined;
    lines[ours] = line;
    const merged = lines.filter((l, i) => i === ours || !isOurLine(l)).join('\n');
    return merged === existing ? undefined : merged;
  }
  const body = lf === '' || lf.endsWith('\n') ? lf : `${lf}\n`;
  return `${body}${line}\n`;
}

/** The hook file without our lines; undefined when nothing but blank lines would be left. */
export function removeOurLines(existing: string): string | undefined {
  const kept = existing.split('\n').filter((l) => !isOurLine(l));
  const text = kept.join('\n');
  return text.trim() === '' ? undefined : text;
}
