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

/**
 * Findings with one fix per file: where sensitive-files refuses a file, its other findings point
 * at that fix. Across commits (pre-push) the fix names a commit to rewrite from, so a finding
 * takes the one of its own commit: one push can carry two branches that each add the file, and a
 * rewrite of the other branch never reaches it. Without one there, any for the file (git lists
 * the newest commit first, so the last seen is the earliest, which reaches the later ones).
 */
export function oneFixPerFile(findings: Finding[]): Finding[] {
  const refused = findings.filter((f) => f.check === 'sensitive-files' && f.file && f.fix);
  if (refused.length === 0) return findings;
  const inCommit = new Map(refused.map((f) => [`${f.commit ?? ''}\0${f.file!}`, f.fix!]));
  const byPath = new Map(refused.map((f) => [f.file!, f.fix!]));
  return findings.map((finding) => {
    if (finding.check === 'sensitive-files' || !finding.file || !byPath.has(finding.file)) return finding;
    return { ...finding, fix: inCommit.get(`${finding.commit ?? ''}\0${finding.file}`) ?? byPath.get(finding.file)! };
  });
}
