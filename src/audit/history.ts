/**
 * The "sensitive content in history" section: every commit in scope (merges included: what a
 * merge adds relative to all its parents), streamed in batches from the content reader, with
 * sizes and contents from one long-lived `cat-file` process. Memory stays bounded by two
 * batches whatever the length of history. The checks are the hooks' own (`secrets`, `sensitive-files`, `large-files`), run over
 * what each commit added, so a finding names the commit that introduced it.
 */
import type { CheckId } from '../checks/ids.js';
import { runChecks, type RunOptions } from '../engine.js';
import { blobsAt } from '../git/audit.js';
import { streamCommitContent, toChangedFiles, type CommitContent } from '../git/content-reader.js';
import { ObjectStore } from '../git/object-store.js';
import type { Repository } from '../git/repo.js';
import { messages } from '../messages.js';
import type { ChangedFile } from '../types.js';
import type { AuditFinding } from './report.js';
import type { AuditScope } from './scope.js';

export const HISTORY_CHECKS: readonly CheckId[] = ['secrets', 'sensitive-files', 'large-files'];

export interface HistoryResult {
  findings: AuditFinding[];
  commits: number;
  reasons: Record<string, string>;
}

export async function auditHistory(
  repo: Repository,
  scope: AuditScope,
  options: RunOptions,
  progress: (done: number) => void,
): Promise<HistoryResult> {
  const revisions = [...new Set(scope.refs.map((entry) => entry.commit!)), ...scope.exclude.map((sha) => `^${sha}`)];
  // The oldest commit to add a secret or file introduced it; later copies (cherry-picks, rebased
  // branches) repeat it. git streams newest first, so a later batch replaces an earlier finding.
  const oldest = new Map<string, AuditFinding>();
  const reasons: Record<string, string> = {};
  let done = 0;
  const objects = new ObjectStore(repo);
  const scan = async (batch: CommitContent[]) => {
    const files = await toChangedFiles(objects, batch);
    const dates = new Map(batch.map((commit) => [commit.sha, commit.authorDate]));
    const report = await runChecks({ stage: 'audit', files, repo: { root: repo.root } }, { ...options, only: HISTORY_CHECKS });
    Object.assign(reasons, report.reasons);
    // Within a batch too, findings come newest first: the last one seen is the oldest.
    for (const finding of report.findings) {
      const key = [finding.check, finding.file ?? '', finding.fingerprint ?? finding.message].join('\0');
      oldest.set(key, { ...finding, ...(finding.commit ? { date: dates.get(finding.commit) } : {}) });
    }
    done += batch.length;
    progress(done);
  };
  let commits = 0;
  try {
    const since = scope.sinceDate ? [`--since=${scope.sinceDate}`] : [];
    if (revisions.length > 0) commits = await streamCommitContent(repo, { options: since, revisions }, scan);
  } finally {
    objects.close();
  }
  // Report in history order, oldest first.
  const findings = [...oldest.values()].sort((a, b) => Date.parse(a.date ?? '') - Date.parse(b.date ?? ''));
  await markPresence(repo, scope, findings, options);
  return { findings, commits, reasons };
}

/**
 * Whether each finding is still at the tip of each protected branch: a sensitive or large file
 * when its path is there; a secret when the secrets check finds the same fingerprint in the
 * file there (the same check, so the same fingerprint).
 */
async function markPresence(repo: Repository, scope: AuditScope, findings: AuditFinding[], options: RunOptions): Promise<void> {
  if (scope.protectedTips.size === 0 || findings.length === 0) return;
  const paths = [...new Set(findings.flatMap((finding) => (finding.file ? [finding.file] : [])))];
  const presentOn = new Map<AuditFinding, string[]>();
  const objects = new ObjectStore(repo);
  for (const [branch, tip] of scope.protectedTips) {
    const blobs = blobsAt(repo, tip, paths);
    const secretFiles = findings.filter((finding) => finding.check === 'secrets' && finding.file && blobs.has(finding.file));
    const fingerprints = new Set<string>();
    if (secretFiles.length > 0) {
      const paths = [...new Set(secretFiles.map((finding) => finding.file!))];
      const sizes = await Promise.all(paths.map((path) => objects.size(blobs.get(path)!)));
      const files: ChangedFile[] = paths.map((path, index) => {
        const blob = blobs.get(path)!;
        return { path, status: 'A', blob, size: sizes[index], readContent: () => objects.read(blob) };
      });
      const report = await runChecks({ stage: 'audit', files, repo: { root: repo.root } }, { ...options, only: ['secrets'] });
      for (const finding of report.findings) fingerprints.add(`${finding.file}\0${finding.fingerprint}`);
    }
    for (const finding of findings) {
      if (!finding.file) continue;
      const present = finding.check === 'secrets' ? fingerprints.has(`${finding.file}\0${finding.fingerprint}`) : blobs.has(finding.file);
      if (present) presentOn.set(finding, [...(presentOn.get(finding) ?? []), branch]);
    }
  }
  const protectedBranches = [...scope.protectedTips.keys()];
  for (const finding of findings) {
    if (!finding.file) continue;
    const branches = presentOn.get(finding) ?? [];
    finding.presence = branches.length > 0 ? { status: 'present', branches } : { status: 'removed', branches: [] };
    finding.message +=
      branches.length > 0 ? messages.audit.stillPresent(branches) : messages.audit.removed(protectedBranches, finding.check !== 'large-files');
  }
}
