/**
 * `mcflow-hooks audit`: the repository's compliance and health report over its whole history,
 * through the same check modules as the hooks. Exit 1 when a section has an error finding.
 * Progress goes to stderr on a terminal only, and only once a run has taken a couple of seconds.
 */
import path from 'node:path';
import { defineCommand, type Command, type Io } from '../command.js';
import { runAudit, withoutKnownFindings } from '../audit/run.js';
import { readBaseline, writeBaseline } from '../baseline.js';
import type { AuditReport } from '../audit/report.js';
import { ExitCode, UsageError } from '../errors.js';
import { messages } from '../messages.js';
import { openRepository } from './context.js';
import { parseArgs, useColor, withUsageErrors } from './options.js';
import { routeReport } from '../report/route.js';

export const AUDIT_FORMATS = ['text', 'json', 'markdown', 'sarif'] as const;
type AuditFormat = (typeof AUDIT_FORMATS)[number];

/** Progress appears only after this long: a quick audit prints nothing but its report. */
const PROGRESS_DELAY_MS = 2000;

export const spec = defineCommand({
  name: 'audit',
  summary: 'report on the whole history: secrets ever added, direct commits, stale and merged branches, tags, commit messages, signatures',
  options: {
    since: { type: 'string', value: '<date|ref>', description: 'only history after this date or commit' },
    refs: { type: 'string', multiple: true, value: '<glob>', description: 'only these branches and tags (repeatable; default all)' },
    format: { type: 'string', value: AUDIT_FORMATS.join('|'), description: 'report format (default text)' },
    output: { type: 'string', value: '<file>', description: 'write the report to a file (the exit code still reflects it)' },
    baseline: { type: 'string', value: '<file>', description: 'report only findings this baseline does not list' },
    'write-baseline': { type: 'string', value: '<file>', description: 'record every current finding in a baseline file (no secret, no message), exit 0' },
    config: { type: 'string', value: '<file>', description: 'use this config file instead of searching for one' },
  },
});

export const command: Command = async (args, io) => {
  const { values } = withUsageErrors('audit', args, () => parseArgs({ args, strict: true, options: spec.options }));
  const format = (values.format ?? 'text') as AuditFormat;
  if (!(AUDIT_FORMATS as readonly string[]).includes(format)) throw new UsageError(messages.unknownFormat(format, AUDIT_FORMATS), messages.usageFix);
  const { repo, resolved } = await openRepository(io.cwd, io.env, values.config);
  // Read before the audit runs: a wrong path should not cost a whole audit to find out.
  const known = values.baseline !== undefined ? readBaseline(path.resolve(io.cwd, values.baseline), values.baseline) : undefined;
  const progress = createProgress(io);
  let report: AuditReport;
  try {
    report = await runAudit(repo, { config: resolved.config, root: repo.root, refs: values.refs, since: values.since, onProgress: progress.update });
  } finally {
    progress.done();
  }
  // Masked before any reporter sees it: subjects, branch and tag names are what people wrote;
  // the baseline is written and matched after it, so it never holds a raw name either.
  report = await (await import('../checks/secrets.mask.js')).maskDeep(report);
  if (values['write-baseline'] !== undefined) {
    const file = path.resolve(io.cwd, values['write-baseline']);
    const count = writeBaseline(file, report.sections.flatMap((section) => section.findings));
    io.stderr.write(`${report.verdict}\n${messages.baseline.written(count, path.relative(io.cwd, file) || file)}\n`);
    return ExitCode.ok;
  }
  if (known) report = withoutKnownFindings(report, known, values.baseline!);
  const final = report;
  const toFile = values.output !== undefined;
  await routeReport(
    {
      format,
      render: () => render(final, format, toFile ? false : useColor(io.stdout, io.env), resolved.filepath, repo.root),
      ...(values.output !== undefined && {
        output: {
          file: values.output,
          log: (file: string) => ({ stream: 'stderr' as const, text: `${final.verdict}\n${messages.audit.written(file)}\n` }),
          unwritable: { message: messages.audit.unwritable, fix: messages.audit.unwritableFix },
        },
      }),
    },
    io,
  );
  return report.summary.errors > 0 ? ExitCode.violation : ExitCode.ok;
};

async function render(report: AuditReport, format: AuditFormat, color: boolean, configFile: string | undefined, root: string): Promise<string> {
  switch (format) {
    case 'json':
      return (await import('../report/audit-json.js')).formatAuditJson(report);
    case 'markdown':
      return (await import('../report/markdown.js')).formatMarkdown(report);
    case 'sarif': {
      // verify's SARIF reporter: findings with no file point at the config that set the policy.
      const findings = report.sections.flatMap((section) => section.findings.map(({ date: _date, presence: _presence, ...finding }) => finding));
      const fallbackFile = configFile ? path.relative(root, configFile) : 'package.json';
      const { formatSarif } = await import('../report/sarif.js');
      return formatSarif({ findings, skipped: [], reasons: report.reasons }, { version: __MCFLOW_VERSION__, fallbackFile, command: 'audit' });
    }
    default:
      return (await import('../report/audit-text.js')).formatAuditText(report, { color });
  }
}

/** A one-line progress indicator on stderr, redrawn in place; silent on a non-TTY, in CI and for quick runs. */
export function createProgress(
  io: Pick<Io, 'stderr' | 'env'>,
  clock: () => number = Date.now,
): { update: (phase: string, done: number, total: number) => void; done: () => void } {
  const tty = io.stderr.isTTY === true && !io.env.CI;
  const start = clock();
  let last = 0;
  let shown = false;
  return {
    update(phase, done, total) {
      if (!tty) return;
      const now = clock();
      if (now - start < PROGRESS_DELAY_MS || now - last < 100) return;
      last = now;
      shown = true;
      io.stderr.write(`\r\u001b[2K${messages.audit.progress(phase, done, total)}`);
    },
    done() {
      if (shown) io.stderr.write('\r\u001b[2K');
    },
  };
}
