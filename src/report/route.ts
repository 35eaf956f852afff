/**
 * Where a report goes, for every command that prints one (`run`, `verify`, `audit`): stdout in
 * the chosen format, or a file (`--output`) with a readable line for the log, plus in GitHub
 * Actions the annotations on the diff and the job summary. Commands say what they have; the
 * choice of destination is made here only. Renderers are passed in, not imported, so a hook
 * loads no reporter it does not print with.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Io } from '../command.js';
import { UsageError } from '../errors.js';
import { writeWorkflowCommands } from './workflow-commands.js';

export interface ReportRoute {
  /** The format asked for (`text` is the readable report). */
  format: string;
  /** The report in that format. */
  render: () => string | Promise<string>;
  /** `--output`: write the rendered report to a file instead of stdout. */
  output?: {
    /** As given, relative to the working directory. */
    file: string;
    /** What the log shows then: the readable report (verify) or a verdict line (audit, on stderr). */
    log: (file: string) => { stream: 'stdout' | 'stderr'; text: string };
    /** The message and fix when the file cannot be written. */
    unwritable: { message: (file: string, reason: string) => string; fix: string };
  };
  /**
   * GitHub Actions: `github` output is workflow commands (annotations) and goes through the guard
   * that keeps a report from issuing commands of its own; with `text` or a file the annotations
   * come on top, and the job summary is appended to GITHUB_STEP_SUMMARY.
   */
  github?: { annotations: () => Promise<string>; stepSummary: () => Promise<string> };
}

export async function routeReport(route: ReportRoute, io: Pick<Io, 'stdout' | 'stderr' | 'env' | 'cwd'>): Promise<void> {
  const rendered = await route.render();
  if (route.output) {
    const file = path.resolve(io.cwd, route.output.file);
    try {
      fs.writeFileSync(file, rendered);
    } catch (error) {
      throw new UsageError(route.output.unwritable.message(file, (error as Error).message), route.output.unwritable.fix);
    }
    const log = route.output.log(path.relative(io.cwd, file) || file);
    io[log.stream].write(log.text);
  } else if (route.format === 'github') {
    writeWorkflowCommands(io.stdout, rendered);
  } else {
    io.stdout.write(rendered);
  }
  if (!route.github || io.env.GITHUB_ACTIONS !== 'true') return;
  const readable = route.format === 'text' || route.output !== undefined;
  if (readable && route.format !== 'github') writeWorkflowCommands(io.stdout, await route.github.annotations());
  if (io.env.GITHUB_STEP_SUMMARY && (readable || route.format === 'github')) fs.appendFileSync(io.env.GITHUB_STEP_SUMMARY, await route.github.stepSummary());
}
