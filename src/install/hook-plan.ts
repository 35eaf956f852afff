/**
 * Which hook files init writes and what goes in each: our line for every hook we ship, plus a
 * line for every hook git ran from `.git/hooks` before init (a git-lfs hook gets git-lfs's own
 * line, as `git lfs install` writes it; any other script is called where it is).
 */
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { messages } from '../messages.js';
import { findGitDirHooks } from './existing-hooks.js';
import { chainLine, hookLine, lfsLine, pushInputLine, shippedHooks } from './hook-files.js';

export interface HookFilePlan {
  name: string;
  file: string;
  existing: string | undefined;
  /** Our lines for this file, in order. */
  lines: string[];
}

export function planHookFiles(root: string, hooksDir: string, packageDir: string, notes: string[]): HookFilePlan[] {
  const shipped = shippedHooks();
  const chained = new Map(findGitDirHooks(root).map((hook) => [hook.name, hook]));
  const names = [...new Set([...shipped.keys(), ...chained.keys()])].sort();
  const plans: HookFilePlan[] = [];
  // Checked before anything is written: a directory where a hook file goes (or a file where the
  // hooks directory goes) would otherwise fail half-way through, after package.json was changed.
  refuseNonFile(root, hooksDir, 'directory');
  for (const name of names) {
    const file = path.join(hooksDir, name);
    const shown = path.relative(root, file);
    refuseNonFile(root, file, 'file');
    const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
    const legacy = chained.get(name);
    const lines: string[] = [];
    // Our pre-push line and a chained one both read the refs being pushed on stdin.
    const pushInput = name === 'pre-push' && legacy !== undefined && legacy.kind !== 'husky';
    if (pushInput) lines.push(pushInputLine());
    const ours = shipped.get(name);
    if (ours) lines.push(hookLine(ours, packageDir, { pushInput }));
    if (legacy?.kind === 'husky') {
      // husky 4 kept its runner in .git/hooks; husky 9 replaces it, the old config stays unused.
      notes.push(messages.install.oldHuskyHook(path.relative(root, legacy.file)));
    } else if (legacy?.kind === 'git-lfs') {
      lines.push(lfsLine(name, { pushInput }));
      notes.push(messages.install.chainedLfs(name, shown));
    } else if (legacy) {
      lines.push(chainLine(name, { pushInput }));
      notes.push(messages.install.chainedHook(legacy.kind, path.relative(root, legacy.file), shown));
    }
    if (lines.length > 0) plans.push({ name, file, existing, lines });
  }
  return plans;
}

/** Throws when `file` exists and is not what init writes there (a regular file, or a directory). */
function refuseNonFile(root: string, file: string, expected: 'file' | 'directory'): void {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat || (expected === 'file' ? stat.isFile() : stat.isDirectory())) return;
  const kind = stat.isDirectory() ? 'directory' : stat.isFile() ? 'file' : 'special file';
  const shown = path.relative(root, file);
  throw new UsageError(messages.install.hookPathNotFile(shown, kind, expected), messages.install.hookPathNotFileFix(shown));
}
