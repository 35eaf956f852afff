/**
 * The "sensitive content in history" section: every commit in scope (merges included: what a
 * merge adds relative to all its parents), streamed in batches from the content reader, with
 * sizes and contents from one long-lived `cat-file` process. Memory stays bounded by two
 * batches whatever the length of history. The checks are the hooks' own (`secrets`, `sensitive-files`, `large-files`), run over
 * what each commit added, so a finding names the commit that introduced it.
 */
import type { CheckId } from '../checks/ids.js';
import { runChecks, type RunOptions } from '../engine.js';
import { blobsAt, branchRefsContaining } from '../git/audit.js';
import { streamCommitContent, toChangedFiles, type CommitContent } from '../git/content-reader.js';
import { ObjectStore } from '../git/object-store.js';
import { readLooseBlobs } from '../git/tree.js';
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
    // One `git log -p` stream: in a history most commits modify files, and listing them first
    // (the reader's default, which spares new files' patches) walks every tree twice (+25% CPU).
    if (revisions.length > 0) commits = await streamCommitContent(repo, { options: since, revisions }, scan, { skipNewFilePatches: false });
    // A tag of a tree or a blob has no commit for git log to walk: its files, as they are.
    const loose = readLooseBlobs(repo, scope.loose.map((entry) => ({ ref: entry.ref, sha: entry.object })));
    if (loose.length > 0) {
      const sizes = await Promise.all(loose.map((entry) => objects.size(entry.blob)));
      const files: ChangedFile[] = loose.map((entry, index) => ({ path: entry.path, status: 'A', blob: entry.blob, mode: entry.mode, size: sizes[index], readContent: () => objects.read(entry.blob) }));
      const report = await runChecks({ stage: 'audit', files, repo: { root: repo.root } }, { ...options, only: HISTORY_CHECKS });
      Object.assign(reasons, report.reasons);
      for (const finding of report.findings) oldest.set([finding.check, finding.file ?? '', finding.fingerprint ?? finding.message].join('\0'), finding);
    }
  } finally {
    objects.close();
  }
  // Report in history order, oldest first.
  const findings = [...oldest.values()].sort((a, b) => Date.parse(a.date ?? '') - Date.parse(b.date ?? ''));
  await markPresence(repo, scope, findings, options);
  return { findings, commits, reasons };
}

/** How many `git for-each-ref --contains` run at once. */
const CONTAINS_CONCURRENCY = 4;

/**
 * Where each finding was and where it still is. Was: the live branches whose history holds the
 * commit that introduced it. Still: the tips of those branches and of every protected branch
 * that hold it now: a sensitive or large file when its path is there; a secret when the secrets
 * check finds the same fingerprint in the file there (the same check, so the same fingerprint).
 */
async function markPresence(repo: Repository, scope: AuditScope, findings: AuditFinding[], options: RunOptions): Promise<void> {
  if (findings.length === 0) return;
  const paths = [...new Set(findings.flatMap((finding) => (finding.file ? [finding.file] : [])))];
  const wasOn = await branchesHolding(repo, scope, findings);
  const tips = new Map(scope.protectedTips);
  for (const branches of wasOn.values()) for (const name of branches) if (!tips.has(name)) tips.set(name, scope.branches.get(name)!.commit!);
  const presentOn = new Map<AuditFinding, string[]>();
  const objects = new ObjectStore(repo);
  for (const [branch, tip] of tips) {
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
  const order = branchOrder(scope);
  for (const finding of findings) {
    if (!finding.file) continue;
    const branches = (presentOn.get(finding) ?? []).sort(order);
    const was = (finding.commit && wasOn.get(finding.commit)) || [];
    finding.presence = { status: branches.length > 0 ? 'present' : 'removed', branches, was };
    const rotate = finding.check !== 'large-files';
    finding.message +=
      branches.length > 0 ? messages.audit.stillPresent(branches) : was.length > 0 ? messages.audit.removed(was, rotate) : messages.audit.onNoBranch(rotate);
  }
}

/**
 * Branch lists in reports: protected branches first, in the policy's order, then the others by
 * name, compared by code unit. Never by the order git answered in (the questions run several
 * at once, so that order changed between two runs over the same repository) nor by the
 * machine's locale: a baseline or a report diffed between runs must not move.
 */
function branchOrder(scope: AuditScope): (a: string, b: string) => number {
  const protectedOrder = [...scope.protectedTips.keys()];
  const rank = (name: string) => (protectedOrder.includes(name) ? protectedOrder.indexOf(name) : protectedOrder.length);
  return (a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Commit → the live branches (short names, in {@link branchOrder}) whose history holds it, in the findings' order. */
async function branchesHolding(repo: Repository, scope: AuditScope, findings: readonly AuditFinding[]): Promise<Map<string, string[]>> {
  const nameOf = new Map([...scope.branches].map(([name, entry]) => [entry.ref, name]));
  const order = branchOrder(scope);
  const commits = [...new Set(findings.flatMap((finding) => (finding.file && finding.commit ? [finding.commit] : [])))];
  const holding: string[][] = [];
  for (let i = 0; i < commits.length; i += CONTAINS_CONCURRENCY) {
    const answers = await Promise.all(
      commits.slice(i, i + CONTAINS_CONCURRENCY).map(async (commit) => {
        const names = [...(await branchRefsContaining(repo, commit))].map((ref) => nameOf.get(ref)).filter((name): name is string => name !== undefined);
        return [...new Set(names)].sort(order);
      }),
    );
    holding.push(...answers);
  }
  return new Map(commits.map((commit, index) => [commit, holding[index]!]));
}
