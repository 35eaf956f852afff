/**
 * Text reporter for `audit`: the verdict and per-section counts first, then each section's
 * findings with where they are, when, and the fixing command, then the branch table. Colour
 * only when asked for.
 */
import type { AuditFinding, AuditReport } from '../audit/report.js';
import { messages } from '../messages.js';

type Paint = (text: string) => string;

function palette(color: boolean): Record<'red' | 'yellow' | 'green' | 'dim' | 'bold' | 'cyan', Paint> {
  const wrap = (open: number, close: number): Paint => (text) => (color ? `\u001b[${open}m${text}\u001b[${close}m` : text);
  return { red: wrap(31, 39), yellow: wrap(33, 39), green: wrap(32, 39), dim: wrap(2, 22), bold: wrap(1, 22), cyan: wrap(36, 39) };
}

/** "2 errors, 1 warning", or "✔" for a clean section. */
export function countLabel(counts: { errors: number; warnings: number }): string {
  if (counts.errors === 0 && counts.warnings === 0) return '✔';
  return messages.summary(counts.errors, counts.warnings);
}

/** Where a finding is: file:line, ref, commit (with its date), fingerprint. */
export function auditLocation(finding: AuditFinding): string | undefined {
  const parts: string[] = [];
  if (finding.file) parts.push(finding.file + (finding.line !== undefined ? `:${finding.line}` : '') + (finding.column !== undefined ? `:${finding.column}` : ''));
  if (finding.ref) parts.push(`ref ${finding.ref}`);
  if (finding.commit) parts.push(`commit ${finding.commit.slice(0, 12)}${finding.date ? ` (${finding.date.slice(0, 10)})` : ''}`);
  if (finding.fingerprint) parts.push(`fingerprint ${finding.fingerprint}`);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

export function formatAuditText(report: AuditReport, options: { color: boolean }): string {
  const paint = palette(options.color);
  const { scope, summary } = report;
  const lines: string[] = [];
  const verdictPaint = summary.errors > 0 ? (text: string) => paint.bold(paint.red(text)) : summary.warnings > 0 ? paint.yellow : paint.green;
  lines.push(verdictPaint(report.verdict));
  lines.push(paint.dim(messages.audit.scope(scope.refs, scope.commits, scope.since, scope.protectedBranches)), '');
  const width = Math.max(...report.sections.map((section) => section.title.length));
  for (const section of report.sections) {
    const label = section.note && section.checks.length === 0 ? paint.dim(section.note) : countLabel(summary.sections[section.id]);
    lines.push(`  ${section.title.padEnd(width)}  ${label}`);
  }
  for (const section of report.sections) {
    if (section.findings.length === 0 && !section.note) continue;
    lines.push('', paint.bold(`── ${section.title} ──`));
    if (section.note) lines.push(paint.dim(`  (${section.note})`));
    let previousFix: string | undefined;
    for (const finding of section.findings) {
      const mark = finding.severity === 'error' ? paint.red('✖') : paint.yellow('⚠');
      lines.push(`${mark} ${finding.message} ${paint.dim(`[${finding.check}]`)}`);
      const where = auditLocation(finding);
      if (where) lines.push(`  ${paint.dim(where)}`);
      // Several commitlint rules on one message share a fix: print it once.
      if (finding.fix && finding.fix !== previousFix) lines.push(`  ${paint.cyan('→')} ${finding.fix}`);
      previousFix = finding.fix;
    }
    for (const check of new Set(section.findings.map((finding) => finding.check))) {
      if (report.reasons[check]) lines.push(`  ${paint.dim(`why (${check}): ${report.reasons[check]}`)}`);
    }
  }
  if (report.branches.length > 0) {
    lines.push('', paint.bold('── Branches ──'));
    const rows = [['branch', 'base', 'ahead', 'behind', 'last commit', 'state'], ...report.branches.map(branchRow)];
    const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
    for (const row of rows) lines.push(`  ${row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()}`);
  }
  return `${lines.join('\n')}\n`;
}

/** One row of the branch table, shared with the Markdown reporter. */
export function branchRow(branch: AuditReport['branches'][number]): string[] {
  return [
    branch.name,
    branch.base ?? '—',
    branch.ahead === undefined ? '—' : String(branch.ahead),
    branch.behind === undefined ? '—' : String(branch.behind),
    branch.lastCommit.slice(0, 10),
    branch.mergedInto ? `merged into ${branch.mergedInto}` : 'live',
  ];
}
