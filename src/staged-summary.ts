/**
 * What a hook prints before its findings when a commit stages a whole dependency or build
 * directory (`node_modules/`, `dist/`, `vendor/`): one line saying so, with the command that
 * unstages it, instead of leaving a user to work it out from hundreds of findings. And one fix
 * per file: a file refused as sensitive (`.env`) is unstaged, not edited, so the secrets
 * finding in it points at the same command instead of "edit it and stage it again".
 */
import { messages } from './messages.js';
import type { ChangedFile, Finding } from './types.js';

const GENERATED = ['node_modules', 'dist', 'vendor'] as const;

/** One line per generated directory with newly staged files, the largest first. */
export function summariseGeneratedDirectories(files: readonly ChangedFile[]): string[] {
  const counts = new Map<string, number>();
  for (const file of files) {
    if (file.status !== 'A' && file.status !== 'C' && file.status !== 'R') continue;
    const parts = file.path.split('/');
    const at = parts.findIndex((part, index) => index < parts.length - 1 && (GENERATED as readonly string[]).includes(part));
    if (at < 0) continue;
    const dir = parts.slice(0, at + 1).join('/');
    counts.set(dir, (counts.get(dir) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([dir, count]) => messages.stagedGenerated(dir, count));
}

/** Findings with one fix per file: where sensitive-files refuses a file, its other findings point at that fix. */
export function oneFixPerFile(findings: Finding[]): Finding[] {
  const unstage = new Map(findings.filter((f) => f.check === 'sensitive-files' && f.file && f.fix).map((f) => [f.file!, f.fix!]));
  if (unstage.size === 0) return findings;
  return findings.map((finding) => (finding.check !== 'sensitive-files' && finding.file && unstage.has(finding.file) ? { ...finding, fix: unstage.get(finding.file)! } : finding));
}
