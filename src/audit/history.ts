/**
 * The "sensitive content in history" section: every commit in scope, oldest first, in batches
 * of {@link BATCH} commits. Each batch costs a handful of git processes (one `diff-tree --stdin`
 * for the file list, one for the patches, one `cat-file` each for sizes and contents), and
 * memory stays bounded by one batch whatever the length of history. The checks are the hooks'
 * own (`secrets`, `sensitive-files`, `large-files`), run over what each commit added.
 */
import type { CheckId } from '../checks/ids.js';
import { runChecks, type RunOptions } from '../engine.js';
import { createBlobReader } from '../git/blobs.js';
import { blobsAt, listHistory } from '../git/audit.js';
import { getFilesAddedByCommits, readBlobSizes } from '../git/commit-files.js';
import type { Repository } from '../git/repo.js';
import { messages } from '../messages.js';
import type { ChangedFile } from '../types.js';
import type { AuditFinding } from './report.js';
import type { AuditScope } from './scope.js';

export const HISTORY_CHECKS: readonly CheckId[] = ['secrets', 'sensitive-files', 'large-files'];
const BATCH = 400;

export interface HistoryResult {
  findings: AuditFinding[];
  commits: number;
  reasons: Record<string, string>;
}

export async function auditHistory(
  repo: Repository,
  scope: AuditScope,
  options: RunOptions,
  progress: (done: number, total: number) => void,
): Promise<HistoryResult> {
  const tips = scope.refs.map((entry) => entry.commit!);
  // Newest first from git; merges add nothing of their own (their content came with the commits they merge).
  const commits = listHistory(repo, tips, { exclude: scope.exclude, since: scope.sinceDate }).filter((commit) => commit.parents <= 1).reverse();
  const dates = new Map(commits.map((commit) => [commit.sha, commit.authorDate]));
  // The first commit to add a secret or file introduced it; later copies (cherry-picks, rebased branches) repeat it.
  const first = new Map<string, AuditFinding>();
  const reasons: Record<string, string> = {};
  for (let start = 0; start < commits.length; start += BATCH) {
    const batch = commits.slice(start, start + BATCH).map((commit) => commit.sha);
    const files = getFilesAddedByCommits(repo, batch);
    const report = await runChecks({ stage: 'audit', files, repo: { root: repo.root } }, { ...options, only: HISTORY_CHECKS });
    Object.assign(reasons, report.reasons);
    for (const finding of report.findings) {
      const key = [finding.check, finding.file ?? '', finding.fingerprint ?? finding.message].join('\0');
      if (!first.has(key)) first.set(key, { ...finding, ...(finding.commit ? { date: dates.get(finding.commit) } : {}) });
    }
    progress(Math.min(start + BATCH, commits.length), commits.length);
  }
  const findings = [...first.values()];
  await markPresence(repo, scope, findings, options);
  return { findings, commits: commits.length, reasons };
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
  const readBlob = createBlobReader(repo.root);
  for (const [branch, tip] of scope.protectedTips) {
    const blobs = blobsAt(repo, tip, paths);
    const secretFiles = findings.filter((finding) => finding.check === 'secrets' && finding.file && blobs.has(finding.file));
    const fingerprints = new Set<string>();
    if (secretFiles.length > 0) {
      const sizes = readBlobSizes(repo, secretFiles.map((finding) => blobs.get(finding.file!)!));
      const files: ChangedFile[] = [...new Set(secretFiles.map((finding) => finding.file!))].map((path) => {
        const blob = blobs.get(path)!;
        return { path, status: 'A', blob, size: sizes.get(blob), readContent: () => readBlob(blob) };
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
