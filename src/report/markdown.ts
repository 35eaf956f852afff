/**
 * Markdown reporter for `audit`: what a scheduled CI job posts as an issue or a job summary
 * (`--output "$GITHUB_STEP_SUMMARY"`). Verdict and section counts first, then the findings of
 * each section, then the branch table.
 */
import type { AuditFinding, AuditReport } from '../audit/report.js';
import { messages } from '../messages.js';
import { auditLocation, branchRow, countLabel } from './audit-text.js';
import { markdownCode as code, markdownText as escape } from './markdown-text.js';

function findingItem(finding: AuditFinding): string[] {
  const mark = finding.severity === 'error' ? '✖' : '⚠';
  const lines = [`- ${mark} ${escape(finding.message)} (${code(finding.check, { inTable: false })})`];
  const where = auditLocation(finding);
  if (where) lines.push(`  - ${escape(where)}`);
  if (finding.fix) lines.push(`  - fix: ${code(finding.fix, { inTable: false })}`);
  return lines;
}

export function formatMarkdown(report: AuditReport): string {
  const { scope, summary } = report;
  const out: string[] = ['# mcflow-hooks audit', '', `**${escape(report.verdict)}**`, ''];
  out.push(`_${escape(messages.audit.scope(scope.refs, scope.commits, scope.since, scope.protectedBranches))}_`, '');
  out.push('| Section | Errors | Warnings | |', '|---|---:|---:|---|');
  for (const section of report.sections) {
    const counts = summary.sections[section.id];
    const state = section.note && section.checks.length === 0 ? escape(section.note) : countLabel(counts) === '✔' ? '✔' : '';
    out.push(`| ${section.title} | ${counts.errors} | ${counts.warnings} | ${state} |`);
  }
  for (const section of report.sections) {
    out.push('', `## ${section.title}`, '');
    if (section.note) out.push(`_${escape(section.note)}_`, '');
    if (section.findings.length === 0) {
      if (section.checks.length > 0) out.push(messages.audit.nothing);
      continue;
    }
    for (const finding of section.findings) out.push(...findingItem(finding));
    out.push('');
    for (const check of new Set(section.findings.map((finding) => finding.check))) {
      if (report.reasons[check]) out.push(`> Why ${code(check)}: ${escape(report.reasons[check])}`);
    }
  }
  if (report.branches.length > 0) {
    out.push('', '## Branches', '', '| Branch | Base | Ahead | Behind | Last commit | State |', '|---|---|---:|---:|---|---|');
    for (const branch of report.branches) out.push(`| ${branchRow(branch).map(escape).join(' | ')} |`);
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}
