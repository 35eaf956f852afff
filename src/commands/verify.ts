/**
 * `mcflow-hooks verify`: CI re-runs the checks over what a pull request or push brings, where
 * `--no-verify` cannot skip them. The range comes from flags or the CI's environment; the checks
 * are the same modules the hooks run; the report goes where teams look (log, annotations, job
 * summary, SARIF for code scanning, JUnit). MCFLOW_SKIP does not apply here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { defineCommand, type Command, type Io } from '../command.js';
import { hasErrors, maskReport, planChecks, runChecks, type Report } from '../engine.js';
import { ExitCode, UsageError } from '../errors.js';
import { messages } from '../messages.js';
import { formatText } from '../report/text.js';
import { routeReport } from '../report/route.js';
import type { Change } from '../types.js';
import { findRepository, type Repository } from '../git/repo.js';
import { listTreeEntries, readBlob } from '../git/tree.js';
import type { VerifyPolicy } from '../ci/policy-source.js';
import type { RangeRequest } from '../ci/event.js';
import { filterByBaseline, parseBaseline, readBaseline } from '../baseline.js';
import { parseArgs, useColor, withUsageErrors } from './options.js';

/** The checks that read file contents: with none planned, verify reads no diff. */
const FILE_CHECKS = ['secrets', 'sensitive-files', 'large-files'] as const;

export const VERIFY_FORMATS = ['text', 'json', 'github', 'sarif', 'junit'] as const;
export type VerifyFormat = (typeof VERIFY_FORMATS)[number];

export const spec = defineCommand({
  name: 'verify',
  summary: 'CI: re-run the checks over a pull request or push (the range comes from the CI event)',
  options: {
    base: { type: 'string', value: '<ref>', description: 'check this range instead of the CI event\'s' },
    head: { type: 'string', value: '<ref>', description: 'the range\'s end (default HEAD)' },
    branch: { type: 'string', value: '<name>', description: 'the head branch' },
    target: { type: 'string', value: '<name>', description: 'the branch it merges into' },
    staged: { type: 'boolean', description: 'check the index as pre-commit would' },
    'report-unused-allow': { type: 'boolean', description: 'also warn about secrets.allow entries that match nothing' },
    format: { type: 'string', value: VERIFY_FORMATS.join('|'), description: 'report format (default text; in GitHub Actions text + annotations)' },
    output: { type: 'string', short: 'o', value: '<file>', description: 'write the report to a file (the exit code still reflects it)' },
    config: { type: 'string', value: '<file>', description: 'use this config file instead of searching for one' },
    baseline: { type: 'string', value: '<file>', description: 'report only findings this baseline (audit --write-baseline) does not list' },
  },
});

export const command: Command = async (args, io) => {
  const { values } = withUsageErrors('verify', args, () => parseArgs({ args, allowPositionals: false, strict: true, options: spec.options }));
  const format = values.format ?? 'text';
  if (!(VERIFY_FORMATS as readonly string[]).includes(format)) throw new UsageError(messages.unknownFormat(format, VERIFY_FORMATS), messages.usageFix);
  if (values.staged && (values.base !== undefined || values.head !== undefined)) {
    throw new UsageError(messages.verify.stagedWithRange, messages.usageFix);
  }
  const [{ readRangeRequest }, { resolveVerifyPolicy, startPolicyPrefetch }] = await Promise.all([import('../ci/event.js'), import('../ci/policy-source.js')]);
  // The range first, so that git can be asked about its revisions while rev-parse finds the
  // repository (two processes side by side); a bad range is still reported after a missing repository.
  let request: RangeRequest | undefined;
  let requestError: unknown;
  try {
    request = values.staged ? undefined : readRangeRequest(values, io.env);
  } catch (error) {
    requestError = error;
  }
  const early = request ? startPolicyPrefetch(io.cwd, request) : undefined;
  let repo: Repository;
  try {
    repo = findRepository(io.cwd, io.env);
  } catch (error) {
    early?.store.close();
    throw error;
  }
  if (requestError !== undefined) throw requestError;
  // The policy comes from the target branch (or --config), never from the change under review.
  const policy = await resolveVerifyPolicy(repo, io.cwd, request, values.config, early);
  const resolved = policy.resolved;
  const lint = request ? await planVerifyCommitlint(repo, request, policy) : undefined;
  const known = values.baseline !== undefined ? readVerifyBaseline(repo, io.cwd, values.baseline, policy) : undefined;
  // CI is where the policy is enforced: a leftover MCFLOW_SKIP in the environment changes nothing, and we say so.
  const skipIds = (io.env.MCFLOW_SKIP ?? '').split(',').map((id) => id.trim()).filter(Boolean);
  if (skipIds.length > 0) io.stderr.write(`⚠ ${messages.verify.skipIgnored(skipIds)}\n`);

  let change: Change;
  let header: string | undefined;
  let close = () => {};
  let fileBatches: import('../engine-batches.js').FileBatches | undefined;
  if (!request) {
    change = await collectStaged(repo);
  } else {
    const { collectRangeChange } = await import('../sources/range.js');
    const config = resolved.config;
    // No check reads files (all three off): then no diff is read at all.
    const readFiles = planChecks(config, 'verify', { only: FILE_CHECKS }).run.length > 0;
    const range = await collectRangeChange(repo, request, {
      production: config.branches?.production ?? [],
      protectedBranches: config.branches?.protected ?? [],
      readFiles,
      // The checks run over a batch of commits at a time: memory stays that of a batch, whatever the range.
      // Unused allow entries are a question about the whole range: that run reads it at once.
      stream: !values['report-unused-allow'],
    });
    change = range.change;
    close = range.close;
    fileBatches = range.fileBatches;
    const count = change.commits?.length ?? 0;
    header = `${count === 0 ? messages.verify.emptyRange : messages.verify.header(count, describeRange(range.range))}\n${policy.source}`;
  }
  if (policy.review) change.policyReview = policy.review;
  if (lint?.change && change.policyReview) change.policyReview.commitlint = lint.change;
  let report: Report;
  try {
    const configFile = resolved.filepath ? path.relative(repo.root, resolved.filepath) || resolved.filepath : 'the config';
    // The message checks lint with the target branch's commitlint setup (loaded on first use), not the checkout's, which is the change's.
    const options = { config: resolved.config, root: repo.root, ...(lint ? { commitlint: lint.setup } : {}), ...(values['report-unused-allow'] ? { unusedAllow: { configFile } } : {}) };
    report = fileBatches ? await (await import('../engine-batches.js')).runChecksOverBatches(change, options, fileBatches) : await runChecks(change, options);
  } finally {
    close();
  }
  // Masked before any reporter sees it: findings echo messages, titles, names and URLs people wrote.
  report = await maskReport(report);
  if (header) header = await (await import('../checks/secrets.mask.js')).maskText(header);
  if (known) {
    // policy-change findings are about this change itself: no baseline hides them.
    const judged = report.findings.filter((finding) => finding.check !== 'policy-change');
    const { fresh, known: hidden } = filterByBaseline(judged, known);
    report = { ...report, findings: report.findings.filter((finding) => finding.check === 'policy-change' || fresh.includes(finding)) };
    io.stderr.write(`${messages.baseline.hidden(hidden, values.baseline!)}\n`);
  }

  const final = report;
  await routeReport(
    {
      format,
      // On stdout, text is the readable report with its header; a file holds the plain format.
      render: () => (format === 'text' && values.output === undefined ? textReport(final, header, io) : render(format as VerifyFormat, final, sarifFallbackFile(repo.root, resolved.filepath))),
      ...(values.output !== undefined && {
        output: {
          file: values.output,
          // The file holds the chosen format; the log still gets the readable report.
          log: () => ({ stream: 'stdout' as const, text: textReport(final, header, io) }),
          unwritable: { message: messages.verify.outputUnwritable, fix: messages.verify.outputFix },
        },
      }),
      // In GitHub Actions the default is text plus annotations on the diff, and a job summary.
      github: {
        annotations: async () => (await import('../report/github.js')).formatGithubAnnotations(final),
        stepSummary: async () => (await import('../report/github.js')).formatStepSummary(final),
      },
    },
    io,
  );
  return hasErrors(report) ? ExitCode.violation : ExitCode.ok;
};

/** The commitlint config is policy too: the target's (the commit before a push), never the checkout's, which is the change's. */
async function planVerifyCommitlint(repo: Repository, request: RangeRequest, policy: VerifyPolicy) {
  const [{ planCommitlint }, { policyBase }, { resolveCommit }] = await Promise.all([import('../ci/commitlint-base.js'), import('../ci/policy-source.js'), import('../git/log.js')]);
  const base = policy.baseCommit ?? policyBase(repo, request)?.sha;
  // resolveVerifyPolicy has already stopped on a head that does not resolve.
  return planCommitlint(repo, policy.resolved.config, base, policy.headCommit ?? resolveCommit(repo, request.head)!);
}

/** `4f2c9a1b77de ^9a1b4f2c77de`, or `4f2c9a1b77de, not on any other branch` for a new branch: the report's first line. */
function describeRange(range: { options: string[]; revisions: string[] }): string {
  const shas = range.revisions.map((revision) => revision.replace(/[0-9a-f]{40}/, (sha) => sha.slice(0, 12))).join(' ');
  return range.options.length > 0 ? `${shas}, not on any other branch` : shas;
}

function textReport(report: Report, header: string | undefined, io: Io): string {
  const body = formatText(report, { color: useColor(io.stdout, io.env) });
  const checks = report.checks?.map((check) => check.id).join(', ') ?? '';
  const footer = report.findings.length === 0 ? `✔ ${report.checks?.length ?? 0} checks passed: ${checks}\n` : '';
  return `${header ? `${header}\n` : ''}${body}${footer}`;
}

async function render(format: VerifyFormat, report: Report, fallbackFile: string): Promise<string> {
  switch (format) {
    case 'json':
      return (await import('../report/json.js')).formatJson(report);
    case 'sarif':
      return (await import('../report/sarif.js')).formatSarif(report, { version: __MCFLOW_VERSION__, fallbackFile });
    case 'junit':
      return (await import('../report/junit.js')).formatJunit(report);
    case 'github':
      return (await import('../report/github.js')).formatGithubAnnotations(report);
    case 'text':
      return formatText(report, { color: false });
  }
}

/** Where SARIF points findings that have no file: the config that set the policy, or a file every repository has. */
function sarifFallbackFile(root: string, configFile: string | undefined): string {
  if (configFile && configFile.startsWith(root + path.sep)) return path.relative(root, configFile).split(path.sep).join('/');
  for (const candidate of ['package.json', 'README.md']) if (fs.existsSync(path.join(root, candidate))) return candidate;
  return '.mcflowrc.json';
}

/** `--staged`: the index as pre-commit sees it (the pre-commit source itself), with every check of that hook and no skipping. */
async function collectStaged(repo: import('../git/repo.js').Repository): Promise<Change> {
  return (await import('../sources/pre-commit.js')).collectPreCommitChange(repo);
}

/**
 * `--baseline`: a baseline the change itself carries (a file in its head commit) is part of the
 * policy, since it hides findings: on a pull request or push it is read from the commit the
 * policy came from, and a change that adds or edits it is listed by policy-change. Any other file
 * (outside the repository, or not committed: CI's own) is read as it is.
 */
function readVerifyBaseline(repo: Repository, cwd: string, file: string, policy: VerifyPolicy): Set<string> {
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(repo.root, absolute).split(path.sep).join('/');
  const outside = relative.startsWith('..') || path.isAbsolute(relative);
  const atHead = outside || !policy.headCommit ? undefined : listTreeEntries(repo, policy.headCommit, [relative]).get(relative);
  if (!policy.review || !policy.baseCommit || !atHead) return readBaseline(absolute, file);
  const atBase = listTreeEntries(repo, policy.baseCommit, [relative]).get(relative);
  if (atHead.object !== atBase?.object) policy.review.baseline = { file: relative, added: atBase === undefined };
  return atBase ? parseBaseline(readBlob(repo, atBase.object).toString('utf8'), `${file} at ${policy.baseCommit.slice(0, 12)}`) : new Set();
}
