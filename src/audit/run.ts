/**
 * `audit`'s engine: resolves the scope, builds one Change per section from git in bulk, runs
 * the hooks' own check modules over each (same fingerprints, same allow-lists), and assembles
 * the summary-first report. It knows nothing about output formats or the terminal.
 */
import { filterByBaseline } from '../baseline.js';
import { CHECK_IDS, type CheckId } from '../checks/ids.js';
import { compileMatcher } from '../config/glob.js';
import { planChecks, runChecks, type RunOptions } from '../engine.js';
import { listMessages } from '../git/audit.js';
import { listRangeCommitsAsync } from '../git/log.js';
import { containedInAny } from '../git/refs.js';
import type { Repository } from '../git/repo.js';
import { messages } from '../messages.js';
import type { Change, Finding, RefUpdate } from '../types.js';
import { AHEAD_BEHIND_LIMIT, collectBranches } from './branches.js';
import { auditHistory, HISTORY_CHECKS } from './history.js';
import { SECTION_IDS, type AuditFinding, type AuditReport, type AuditSection, type SectionId } from './report.js';
import { branchName, resolveScope, type AuditScope } from './scope.js';

export interface AuditOptions extends RunOptions {
  refs?: string[];
  since?: string;
  /** "Now" for staleness (tests pin it); defaults to the clock. */
  now?: number;
  /** Called as work advances, for a progress line. */
  onProgress?: (phase: string, done: number, total: number) => void;
}

const SECTION_CHECKS: Record<SectionId, readonly CheckId[]> = {
  history: HISTORY_CHECKS,
  'direct-commits': ['direct-commits'],
  branches: ['branch-health'],
  tags: ['tag-name'],
  // The messages on protected branches are linted, and scanned for secrets like every file.
  commits: ['commit-message', 'secrets'],
  signatures: ['signed-commits'],
};

export async function runAudit(repo: Repository, options: AuditOptions): Promise<AuditReport> {
  const config = options.config;
  const scope = resolveScope(repo, config, { refs: options.refs, since: options.since });
  const progress = options.onProgress ?? (() => {});
  // The engine's plan decides what runs; a section only narrows it to its own checks.
  const enabled = (section: SectionId) => planChecks(config, 'audit', { only: SECTION_CHECKS[section], skip: options.skip }).run.map((check) => check.id);
  const reasons: Record<string, string> = {};
  const sections: AuditSection[] = [];
  const section = (id: SectionId, findings: AuditFinding[], note?: string) =>
    sections.push({ id, title: messages.audit.sections[id], checks: [...enabled(id)], findings, ...(note ? { note } : {}) });
  const run = async (id: SectionId, change: Omit<Change, 'stage'>): Promise<Finding[]> => {
    const only = enabled(id);
    if (only.length === 0) return [];
    const report = await runChecks({ stage: 'audit', repo: { root: repo.root }, ...change }, { ...options, only });
    Object.assign(reasons, report.reasons);
    return report.findings;
  };

  const protectedRefs = [...scope.protectedTips.keys()].map((name) => scope.branches.get(name)!.ref);
  const wantSignatures = enabled('signatures').length > 0 && config.audit?.requireSignedCommits === true;
  const wantMessages = enabled('commits').length > 0 || wantSignatures;

  // History is bound by git, the rest mostly by commitlint and smaller git questions: all of
  // them run at once (git in its own processes), so the whole audit costs little more than the
  // history stream.
  const messagesLint = (async () => {
    const records = wantMessages ? await listMessages(repo, protectedRefs, { exclude: scope.exclude, since: scope.sinceDate, signatures: wantSignatures }) : [];
    const list = records.filter((record) => record.parents <= 1).map((record) => ({ text: record.message, commit: record.sha, author: record.author, committer: record.committer }));
    return { records, findings: await lintInChunks(list, (chunk) => run('commits', { messages: chunk })) };
  })();
  const [history, directFindings, { records, findings: commitFindings }, { branches, truncated }] = await Promise.all([
    enabled('history').length > 0 ? auditHistory(repo, scope, { ...options, only: enabled('history') }, (done) => progress('history', done, 0)) : undefined,
    enabled('direct-commits').length > 0 ? auditDirectCommits(repo, scope, (id, change) => run(id, change)) : [],
    messagesLint,
    collectBranches(repo, scope, config),
  ]);
  Object.assign(reasons, history?.reasons);
  section('history', history?.findings ?? []);
  section('direct-commits', directFindings);
  section('branches', await run('branches', { branches, now: options.now ?? Date.now() }), truncated ? messages.audit.aheadBehindLimit(AHEAD_BEHIND_LIMIT) : undefined);
  section('tags', await run('tags', { refUpdates: tagUpdates(repo, scope, config.branches?.production ?? []), remote: { name: 'origin', url: '' } }));

  const onBranch = new Map(records.map((record) => [record.sha, branchName(record.source) ?? record.source]));
  for (const finding of commitFindings) if (finding.commit) finding.ref = `refs/heads/${onBranch.get(finding.commit)}`;
  section('commits', commitFindings);

  const signatures = wantSignatures
    ? records.map((record) => ({ sha: record.sha, state: record.signature ?? 'N', subject: record.message.split('\n', 1)[0] ?? '', branch: onBranch.get(record.sha)! }))
    : [];
  section('signatures', await run('signatures', { signatures }));

  sections.sort((a, b) => SECTION_IDS.indexOf(a.id) - SECTION_IDS.indexOf(b.id));
  return assemble(scope, sections, branches, reasons, history?.commits ?? 0, options.since);
}

/**
 * The first-parent line of each protected branch, checked by verify's direct-commits check. A
 * commit on several branches' lines (develop forks from production) is reported once, for the
 * first branch in `branches.protected` order; a root commit cannot have come through a pull
 * request and is left out.
 */
async function auditDirectCommits(
  repo: Repository,
  scope: AuditScope,
  run: (id: SectionId, change: Omit<Change, 'stage'>) => Promise<Finding[]>,
): Promise<Finding[]> {
  const options = ['--first-parent', ...(scope.sinceDate ? [`--since=${scope.sinceDate}`] : [])];
  const lines = await Promise.all(
    [...scope.protectedTips].map(async ([branch, tip]) => ({
      branch,
      commits: await listRangeCommitsAsync(repo, { options, revisions: [tip, ...scope.exclude.map((sha) => `^${sha}`)] }),
    })),
  );
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const line of lines) {
    const branch = line.branch;
    const commits = line.commits.filter((commit) => commit.parents.length > 0 && !seen.has(commit.sha));
    for (const commit of commits) seen.add(commit.sha);
    if (commits.length === 0) continue;
    const change = {
      branch,
      commits: commits.map(({ message: _message, ...info }) => ({ ...info, firstParent: true })),
      messages: commits.map((commit) => ({ text: commit.message, commit: commit.sha, author: commit.author, committer: commit.committer })),
    };
    findings.push(...(await run('direct-commits', change)));
  }
  return findings;
}

const LINT_CHUNK = 1000;

/** Runs `lint` over `messages` a chunk at a time, yielding to the event loop between chunks so the history stream keeps flowing. */
async function lintInChunks<T>(messageList: T[], lint: (chunk: T[]) => Promise<Finding[]>): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (let start = 0; start < messageList.length; start += LINT_CHUNK) {
    findings.push(...(await lint(messageList.slice(start, start + LINT_CHUNK))));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return findings;
}

/** Every tag in scope as if pushed for the first time: the tag-name check judges its name and, for a release, where it points. */
function tagUpdates(repo: Repository, scope: AuditScope, production: readonly string[]): RefUpdate[] {
  // Every branch the production patterns match, as pre-push and verify ask it: a production
  // branch need not be listed under branches.protected, and the patterns may be globs.
  const isProduction = compileMatcher(production);
  const productionTips = [...new Set([...scope.branches].filter(([name]) => isProduction(name)).map(([, entry]) => entry.commit!))];
  const commits = scope.tags.map((tag) => tag.commit!);
  const contained = productionTips.length > 0 ? containedInAny(repo, commits, productionTips) : new Map<string, boolean>();
  return scope.tags.map((tag) => ({
    localRef: tag.ref,
    localSha: tag.commit!,
    remoteRef: tag.ref,
    remoteSha: '0'.repeat(40),
    kind: 'create',
    reachableFromProduction: productionTips.length > 0 ? (contained.get(tag.commit!) ?? false) : 'unknown',
  }));
}

/** The counts and the verdict line of a report with these sections. */
function summarise(sections: readonly AuditSection[]): Pick<AuditReport, 'summary' | 'verdict'> {
  const count = (findings: Finding[]) => {
    const errors = findings.filter((finding) => finding.severity === 'error').length;
    return { errors, warnings: findings.length - errors };
  };
  const perSection = Object.fromEntries(sections.map((section) => [section.id, count(section.findings)])) as AuditReport['summary']['sections'];
  const total = count(sections.flatMap((section) => section.findings));
  const failing = sections.filter((section) => perSection[section.id].errors > 0).map((section) => section.title);
  return { summary: { ...total, sections: perSection }, verdict: messages.audit.verdict(total.errors, total.warnings, failing) };
}

/** The report without the findings a baseline knows (src/baseline.ts), counts and verdict recomputed, and saying how many it left out. */
export function withoutKnownFindings(report: AuditReport, known: ReadonlySet<string>, baselineFile: string): AuditReport {
  let hidden = 0;
  const sections = report.sections.map((section) => {
    const { fresh, known: count } = filterByBaseline(section.findings, known);
    hidden += count;
    return { ...section, findings: fresh };
  });
  const { summary, verdict } = summarise(sections);
  return { ...report, sections, summary, verdict: `${verdict} (${messages.baseline.hidden(hidden, baselineFile)})`, baseline: { file: baselineFile, known: hidden } };
}

function assemble(scope: AuditScope, sections: AuditSection[], branches: AuditReport['branches'], reasons: Record<string, string>, commits: number, since?: string): AuditReport {
  return {
    version: 1,
    scope: { refs: scope.refs.length, commits, ...(since !== undefined ? { since } : {}), protectedBranches: [...scope.protectedTips.keys()] },
    ...summarise(sections),
    sections,
    branches,
    // Sections run concurrently: list the reasons in registry order, not in finishing order.
    reasons: Object.fromEntries(CHECK_IDS.filter((id) => reasons[id]).map((id) => [id, reasons[id]!])),
  };
}
