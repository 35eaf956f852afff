/**
 * `mcflow-hooks run <hook> [args]`: what the husky hook files call. Builds the Change for the
 * hook from what git hands it, runs the engine, prints the report, and exits 1 on an error
 * finding so git aborts the operation. Each hook's behaviour is one row of HOOK_TABLE.
 */
import fs from 'node:fs';
import path from 'node:path';
import { defineCommand, type Command, type Io } from '../command.js';
import { hasErrors, maskReport, parseSkipList, runChecks, type Report } from '../engine.js';
import { ExitCode, UsageError } from '../errors.js';
import { messages } from '../messages.js';
import { formatJson } from '../report/json.js';
import { routeReport } from '../report/route.js';
import { formatText } from '../report/text.js';
import { oneFixPerFile, summariseGeneratedDirectories } from '../staged-summary.js';
import { loadMasker } from '../checks/registry.js';
import type { Change, HookName } from '../types.js';
import type { McflowConfig } from '../config/types.js';
import { findRepository, type Repository } from '../git/repo.js';
import { openRepositoryForHook } from './context.js';
import { parseArgs, parseFormat, useColor, withUsageErrors } from './options.js';

/** What a hook's row may use to build its Change: what git handed the hook, and the config. */
interface SourceInput {
  repo: Repository;
  /** The hook's arguments, as git passes them. */
  args: string[];
  io: Io;
  config: McflowConfig;
  /** The hook's stdin, read whole, for a hook whose row says `stdin: true` (else ''). */
  stdin: string;
}

/**
 * How `run` behaves for one hook. A row is the whole difference between two hooks: to add a
 * hook, add a row here, its name to `HookName` (src/types.ts) and to the schema's stages, a
 * script under hooks/, and its checks' `stages` in checks/registry.ts.
 */
interface HookBehaviour {
  /**
   * Builds the Change the engine checks (its `stage` is the hook's name, which picks the checks
   * through the engine's plan). Imports its source module only when this hook runs.
   */
  source: (input: SourceInput) => Promise<Change>;
  /** Git hands the hook data on stdin (pre-push: one line per ref): read it whole first. */
  stdin: boolean;
  /**
   * What an error finding does: `block` exits 1 so git aborts and prints how to bypass; `inform`
   * reports it as a warning and exits 0, for a hook that runs after git acted (git takes
   * post-checkout's exit code as the checkout's own: a checkout that happened must not look failed).
   * A warning never blocks.
   */
  onError: 'block' | 'inform';
  /** The bypass hint printed under a blocking report. */
  bypass?: string;
  /** Lines printed before the text report, already masked (pre-commit: a staged dependency or build directory). */
  preamble?: (change: Change) => Promise<string[]>;
  /**
   * Runs once the checks passed: the project's own formatters and linters (no point formatting a
   * refused commit). `MCFLOW_SKIP` may name it (`skipName`) like a check; false stops git.
   */
  after?: { skipName: string; run: (input: SourceInput) => Promise<boolean> };
}

/** A hook that checks nothing (prepare-commit-msg): it needs no config and never stops git. */
interface HookAction {
  action: (io: Io, args: string[]) => Promise<ExitCode>;
}

/** Every hook `run` accepts, in the order git runs them. */
export const HOOK_TABLE: Record<HookName, HookBehaviour | HookAction> = {
  'pre-commit': {
    source: async ({ repo }) => (await import('../sources/pre-commit.js')).collectPreCommitChange(repo),
    stdin: false,
    onError: 'block',
    bypass: messages.bypassHint,
    // First, before what may be hundreds of findings inside such a directory. Directory names are
    // the committer's text: masked like every other echo.
    preamble: async (change) => {
      const summary = summariseGeneratedDirectories(change.files ?? []);
      if (summary.length === 0) return [];
      const masker = await loadMasker();
      return Promise.all(summary.map((line) => masker.maskText(line)));
    },
    after: {
      // Not a check of ours, but what a user wants to skip when their own tasks fail.
      skipName: 'lint-staged',
      run: async ({ io, repo, config }) => {
        if ((await (await import('../lint-staged.js')).runLintStaged(io.cwd, repo.root, config.lintStaged)) !== 'failed') return true;
        io.stdout.write(`${messages.lintStagedFailed}\n`);
        return false;
      },
    },
  },
  'pre-merge-commit': {
    source: async ({ repo }) => (await import('../sources/pre-merge-commit.js')).collectPreMergeCommitChange(repo),
    stdin: false,
    onError: 'block',
    bypass: messages.bypassHint,
  },
  'prepare-commit-msg': {
    // Fills in the commit template and notes what kind of commit git is making; not a check.
    action: async (io, args) => {
      const [{ prepareCommitMessage }, { recordCommitKind }] = await Promise.all([import('./prepare-commit-msg.js'), import('../sources/commit-kind.js')]);
      const repo = findRepository(io.cwd, io.env);
      recordCommitKind(repo.gitDir, args[1], args[2]);
      return prepareCommitMessage(repo, args[0], args[1]);
    },
  },
  'commit-msg': {
    source: async ({ repo, args, io }) => (await import('../sources/commit-msg.js')).collectCommitMsgChange(repo, io.cwd, hookFile(repo, io.cwd, args[0]), io.env),
    stdin: false,
    onError: 'block',
    bypass: messages.bypassHint,
  },
  'post-checkout': {
    source: async ({ repo, args }) => (await import('../sources/post-checkout.js')).collectPostCheckoutChange(repo, args),
    stdin: false,
    onError: 'inform',
  },
  'pre-push': {
    source: async ({ repo, args, io, config, stdin }) => (await import('../sources/pre-push.js')).collectPrePushChange(repo, args, stdin, { config, env: io.env }),
    stdin: true,
    onError: 'block',
    bypass: messages.bypassHintPush,
  },
};

const HOOKS = Object.keys(HOOK_TABLE) as HookName[];

/** The steps MCFLOW_SKIP may name beside the checks (`lint-staged`). */
const STEP_NAMES = new Set(Object.values(HOOK_TABLE).flatMap((row) => ('after' in row && row.after ? [row.after.skipName] : [])));

/**
 * A path git handed the hook. Git runs hooks from the work-tree root and passes paths relative
 * to it; in a monorepo the hook line first changes into the package (husky's subdirectory
 * layout), so a relative path not found from there is taken from the root.
 */
function hookFile(repo: Repository, cwd: string, file: string | undefined): string | undefined {
  if (file === undefined || path.isAbsolute(file) || fs.existsSync(path.resolve(cwd, file))) return file;
  const fromRoot = path.resolve(repo.root, file);
  return fs.existsSync(fromRoot) ? fromRoot : file;
}

export const spec = defineCommand({
  name: 'run',
  usage: '<hook> [args]',
  summary: 'run the checks of a git hook (what .husky/* calls)',
  details: [`hooks: ${HOOKS.join(', ')}`],
  options: {
    format: { type: 'string', value: 'text|json', description: 'report format (default text)' },
    config: { type: 'string', value: '<file>', description: 'use this config file instead of searching for one' },
  },
});

export const command: Command = async (args, io) => {
  const { values, positionals } = withUsageErrors('run', args, () => parseArgs({ args, allowPositionals: true, strict: true, options: spec.options }));
  const format = parseFormat(values.format);
  const [hook, ...hookArgs] = positionals;
  const row = hook !== undefined && Object.hasOwn(HOOK_TABLE, hook) ? HOOK_TABLE[hook as HookName] : undefined;
  if (!row) throw new UsageError(messages.unknownHook(hook ?? '(none)', HOOKS), messages.usageFix);
  // HUSKY=0 is the documented "no hooks at all" switch: stay silent, as husky does.
  if (io.env.HUSKY === '0') return ExitCode.ok;
  if ('action' in row) return row.action(io, hookArgs);
  const skipList = (io.env.MCFLOW_SKIP ?? '').split(',').map((id) => id.trim());
  const skipAfter = row.after !== undefined && skipList.includes(row.after.skipName);
  // Any hook's step name is accepted in every hook: MCFLOW_SKIP is set once for a whole commit.
  const skip = parseSkipList(skipList.join(','), [...STEP_NAMES]);
  const { repo, resolved } = await openRepositoryForHook(io.cwd, io.env, values.config);
  const input: SourceInput = { repo, args: hookArgs, io, config: resolved.config, stdin: row.stdin ? await readStdin(io.stdin) : '' };
  const change = await row.source(input);
  // Masked before any reporter sees it: findings echo messages, names and URLs people wrote.
  const checked = await maskReport(await runChecks(change, { config: resolved.config, root: repo.root, skip }));
  const fixed = { ...checked, findings: oneFixPerFile(checked.findings) };
  const report = row.onError === 'inform' ? asWarnings(fixed) : fixed;
  if (format === 'text' && row.preamble) for (const line of await row.preamble(change)) io.stdout.write(`${line}\n\n`);
  // A hook says nothing when all is well; a blocked one says how to bypass it.
  const quiet = format === 'text' && report.findings.length === 0 && report.skipped.length === 0;
  if (!quiet) await routeReport({ format, render: () => renderHookReport(report, format, row, io) }, io);
  if (hasErrors(report)) return ExitCode.violation;
  if (row.after && !skipAfter && !(await row.after.run(input))) return ExitCode.violation;
  return ExitCode.ok;
};

function renderHookReport(report: Report, format: 'text' | 'json', row: HookBehaviour, io: Io): string {
  if (format === 'json') return formatJson(report);
  const text = formatText(report, { color: useColor(io.stdout, io.env) });
  return hasErrors(report) && row.bypass ? `${text}${row.bypass}\n` : text;
}

/** The report of a hook that can only inform: every finding a warning. */
function asWarnings(report: Report): Report {
  return { ...report, findings: report.findings.map((finding) => ({ ...finding, severity: 'warning' })) };
}

/** The hook's stdin, whole; nothing when a person runs the hook at a terminal. */
async function readStdin(stdin: Io['stdin']): Promise<string> {
  if (stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
