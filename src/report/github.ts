/**
 * GitHub Actions reporter: one workflow command per finding (`::error file=…,line=…::…`), which
 * GitHub shows as an annotation on the pull request's diff, and a Markdown job summary for
 * `GITHUB_STEP_SUMMARY`. Both are pure functions of the report.
 * https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 */
import type { Report } from '../engine.js';
import { messages } from '../messages.js';
import type { Finding } from '../types.js';
import { markdownCode, markdownText } from './markdown-text.js';

/** Workflow-command data: `%`, CR and LF are escaped so a message cannot end the command. */
function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values additionally escape `:` and `,`, which separate properties. */
function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function annotation(finding: Finding): string {
  const properties: string[] = [];
  if (finding.file) properties.push(`file=${escapeProperty(finding.file)}`);
  if (finding.file && finding.line !== undefined) properties.push(`line=${finding.line}`);
  if (finding.file && finding.column !== undefined) properties.push(`col=${finding.column}`);
  properties.push(`title=${escapeProperty(`mcflow-hooks ${finding.check}`)}`);
  const where = [finding.commit && `commit ${finding.commit.slice(0, 12)}`, finding.ref && `ref ${finding.ref}`].filter(Boolean).join(', ');
  const text = finding.message + (where ? ` (${where})` : '') + (finding.fix ? `\n→ ${finding.fix}` : '');
  return `::${finding.severity === 'error' ? 'error' : 'warning'} ${properties.join(',')}::${escapeData(text)}`;
}

export function formatGithubAnnotations(report: Report): string {
  return report.findings.map((finding) => `${annotation(finding)}\n`).join('');
}


function place(finding: Finding): string {
  const parts: string[] = [];
  if (finding.file) parts.push(markdownCode(`${finding.file}${finding.line !== undefined ? `:${finding.line}` : ''}`));
  if (finding.commit) parts.push(markdownCode(finding.commit.slice(0, 12)));
  if (finding.ref) parts.push(markdownCode(finding.ref));
  return parts.join(' ');
}

/** The job summary: counts, then one table row per finding, then why each failing check matters. */
export function formatStepSummary(report: Report, heading = 'mcflow-hooks verify'): string {
  const errors = report.findings.filter((finding) => finding.severity === 'error').length;
  const lines = [`### ${heading}`, ''];
  if (report.findings.length === 0) {
    lines.push(`✅ ${report.checks?.length ?? 0} checks passed: ${(report.checks ?? []).map((check) => `\`${check.id}\``).join(', ')}`, '');
    return `${lines.join('\n')}\n`;
  }
  lines.push(`${errors > 0 ? '❌' : '⚠️'} ${messages.summary(errors, report.findings.length - errors)}`, '');
  lines.push('| | Check | Where | Problem | Fix |', '|---|---|---|---|---|');
  for (const finding of report.findings) {
    const mark = finding.severity === 'error' ? '❌' : '⚠️';
    lines.push(`| ${mark} | \`${finding.check}\` | ${place(finding)} | ${markdownText(finding.message)} | ${finding.fix ? markdownCode(finding.fix) : ''} |`);
  }
  lines.push('');
  for (const [check, why] of Object.entries(report.reasons)) lines.push(`- **${check}**: ${why}`);
  return `${lines.join('\n')}\n`;
}
