/**
 * Text reporter for terminals: findings grouped by check, each with where it is and the
 * command that fixes it, then why the check matters. Colour only when asked for (the caller
 * decides from the TTY and NO_COLOR).
 */
import type { Report } from '../engine.js';
import { messages } from '../messages.js';
import type { Finding } from '../types.js';

export interface TextOptions {
  color: boolean;
}

type Paint = (text: string) => string;

function palette(color: boolean): Record<'red' | 'yellow' | 'dim' | 'bold' | 'cyan', Paint> {
  const wrap = (open: number, close: number): Paint => (text) => (color ? `\u001b[${open}m${text}\u001b[${close}m` : text);
  return { red: wrap(31, 39), yellow: wrap(33, 39), dim: wrap(2, 22), bold: wrap(1, 22), cyan: wrap(36, 39) };
}

/**
 * File, branch and commit text is user-chosen and may hold line breaks or escape sequences:
 * shown escaped (`\n`), so one finding is one block of lines and no name can forge another line
 * (in GitHub Actions, a workflow command: see workflow-commands.ts).
 */
function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (ch) => ESCAPES[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function location(finding: Finding): string | undefined {
  const parts: string[] = [];
  if (finding.file) {
    let place = finding.file;
    if (finding.line !== undefined) place += `:${finding.line}`;
    if (finding.column !== undefined) place += `:${finding.column}`;
    parts.push(place);
  }
  if (finding.ref) parts.push(`ref ${finding.ref}`);
  if (finding.commit) parts.push(`commit ${finding.commit.slice(0, 12)}`);
  if (finding.fingerprint) parts.push(`fingerprint ${finding.fingerprint}`);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

export function formatText(report: Report, options: TextOptions): string {
  const paint = palette(options.color);
  const lines: string[] = [];
  const byCheck = new Map<string, Finding[]>();
  for (const finding of report.findings) {
    const group = byCheck.get(finding.check) ?? [];
    group.push(finding);
    byCheck.set(finding.check, group);
  }
  for (const [check, findings] of byCheck) {
    for (const [index, finding] of findings.entries()) {
      const mark = finding.severity === 'error' ? paint.red('✖') : paint.yellow('⚠');
      lines.push(`${mark} ${printable(finding.message)} ${paint.dim(`[${check}]`)}`);
      const where = location(finding);
      if (where) lines.push(`  ${paint.dim(printable(where))}`);
      // Consecutive findings with the same fix (several commitlint rules on one message) show it once.
      const next = findings[index + 1];
      if (finding.fix && finding.fix !== next?.fix) lines.push(`  ${paint.cyan('→')} ${printable(finding.fix)}`);
    }
    const why = report.reasons[check];
    if (why) lines.push(`  ${paint.dim(`why: ${why}`)}`);
    lines.push('');
  }
  if (report.skipped.length > 0) lines.push(paint.yellow(messages.skipped(report.skipped)), '');
  if (report.findings.length > 0) {
    const errors = report.findings.filter((finding) => finding.severity === 'error').length;
    const summary = messages.summary(errors, report.findings.length - errors);
    lines.push(errors > 0 ? paint.bold(paint.red(summary)) : paint.yellow(summary));
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
