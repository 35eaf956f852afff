/**
 * `mcflow-hooks run <hook> [args]`: what the husky hook files call. Builds the Change for the
 * hook from what git hands it, runs the engine, prints the report, and exits 1 on an error
 * finding so git aborts the operation.
 */
import fs from 'node:fs';
import path from 'node:path';
import { defineCommand, type Command, type Io } from '../command.js';
import { hasErrors, maskReport, parseSkipList, runChecks } from '../engine.js';
import { ExitCode, UsageError } from '../errors.js';
import { messages } from '../messages.js';
import { formatJson } from '../report/json.js';
import { formatText } from '../report/text.js';
import { oneFixPerFile, summariseGeneratedDirectories } from '../staged-summary.js';
import { loadMasker } from '../checks/registry.js';
import type { Change, HookName } from '../types.js';
import type { McflowConfig } from '../config/types.js';
import { findRepository, type Repository } from '../git/repo.js';
import { openRepositoryForHook } from './context.js';
import { parseArgs, parseFormat, useColor, withUsageErrors } from './options.js';

type Source = (repo: Repository, args: string[], io: Io, config: McflowConfig) => Promise<Change>;

/** How each hook's Change is built from what git hands it. Sources load only for their hook. */
const SOURCES: Partial<Record<HookName, Source>> = {
  'pre-commit': async (repo) => (await import('../sources/pre-commit.js')).collectPreCommitChange(repo),
  'commit-msg': async (repo, args, io) => (await import('../sources/commit-msg.js')).collectCommitMsgChange(repo, io.cwd, hookFile(repo, io.cwd, args[0]), io.env),
  'pre-merge-commit': async (repo) => (await import('../sources/pre-merge-commit.js')).collectPreMergeCommitChange(repo),
  'post-checkout': async (repo, args) => (await import('../sources/post-checkout.js')).collectPostCheckoutChange(repo, args),
  'pre-push': async (repo, args, io, config) => {
    const source = await import('../sources/pre-push.js');
    return source.collectPrePushChange(repo, args, await source.readStdin(io.stdin), { config, env: io.env });
  },
};

const LINT_STAGED = 'lint-staged';

/** Every hook `run` accepts, in the order git runs them. */
const HOOKS = ['pre-commit', 'pre-merge-commit', 'prepare-commit-msg', 'commit-msg', 'post-checkout', 'pre-push'] as const;

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
  const source = hook ? SOURCES[hook as HookName] : undefined;
  if (!hook || (!source && hook !== 'prepare-commit-msg')) {
    throw new UsageError(messages.unknownHook(hook ?? '(none)', HOOKS), messages.usageFix);
  }
  // HUSKY=0 is the documented "no hooks at all" switch: stay silent, as husky does.
  if (io.env.HUSKY === '0') return ExitCode.ok;
  if (hook === 'prepare-commit-msg') {
    // Not a check: it fills in the commit template, needs no config, and never stops a commit.
    const { prepareCommitMessage } = await import('./prepare-commit-msg.js');
    const { recordCommitKind } = await import('../sources/commit-kind.js');
    const repo = findRepository(io.cwd, io.env);
    recordCommitKind(repo.gitDir, hookArgs[1], hookArgs[2]);
    return prepareCommitMessage(repo, hookArgs[0], hookArgs[1]);
  }
  // `lint-staged` is not a check of ours, but it is what a user wants to skip when their own tasks fail.
  const skipList = (io.env.MCFLOW_SKIP ?? '').split(',').map((id) => id.trim());
  const skipLintStaged = skipList.includes(LINT_STAGED);
  const skip = parseSkipList(skipList.filter((id) => id !== LINT_STAGED).join(','));
  const { repo, resolved } = await openRepositoryForHook(io.cwd, io.env, values.config);
  const change = await source!(repo, hookArgs, io, resolved.config);
  // Masked before any reporter sees it: findings echo messages, names and URLs people wrote.
  const checked = await maskReport(await runChecks(change, { config: resolved.config, root: repo.root, skip }));
  const report = { ...checked, findings: oneFixPerFile(checked.findings) };
  if (format === 'json') io.stdout.write(formatJson(report));
  else if (hook === 'pre-commit') {
    // First, before what may be hundreds of findings inside such a directory.
    // Directory names are the committer's text: masked like every other echo.
    const summary = summariseGeneratedDirectories(change.files ?? []);
    const masker = summary.length === 0 ? undefined : await loadMasker();
    const masked = masker ? await Promise.all(summary.map((line) => masker.maskText(line))) : [];
    for (const line of masked) io.stdout.write(`${line}\n\n`);
  }
  if (format !== 'json' && (report.findings.length > 0 || report.skipped.length > 0)) {
    const text = formatText(report, { color: useColor(io.stdout, io.env) });
    const bypass = hook === 'pre-push' ? messages.bypassHintPush : messages.bypassHint;
    io.stdout.write(hasErrors(report) ? `${text}${bypass}\n` : text);
  }
  // git returns post-checkout's exit code as the checkout's own: a checkout that happened must not look failed.
  if (hook === 'post-checkout') return ExitCode.ok;
  if (hasErrors(report)) return ExitCode.violation;
  // The project's formatters and linters run only once the policy passed: no point formatting a refused commit.
  if (hook === 'pre-commit' && !skipLintStaged) {
    const { runLintStaged } = await import('../lint-staged.js');
    if ((await runLintStaged(io.cwd, repo.root, resolved.config.lintStaged)) === 'failed') {
      io.stdout.write(`${messages.lintStagedFailed}\n`);
      return ExitCode.violation;
    }
  }
  return ExitCode.ok;
};
