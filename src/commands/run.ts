/**
 * `mcflow-hooks run <hook> [args]`: what the husky hook files call. Builds the Change for the
 * hook from what git hands it, runs the engine, prints the report, and exits 1 on an error
 * finding so git aborts the operation.
 */
import type { Command, Io } from '../cli.js';
import { hasErrors, parseSkipList, runChecks } from '../engine.js';
import { ExitCode, UsageError } from '../errors.js';
import { messages } from '../messages.js';
import { formatJson } from '../report/json.js';
import { formatText } from '../report/text.js';
import type { Change, HookName } from '../types.js';
import { openRepository } from './context.js';
import { parseArgs, parseFormat, useColor, withUsageErrors } from './options.js';
import type { Repository } from '../git/repo.js';
import type { McflowConfig } from '../config/types.js';

type Source = (repo: Repository, args: string[], io: Io, config: McflowConfig) => Promise<Change>;

/** How each hook's Change is built from what git hands it. Sources load only for their hook. */
const SOURCES: Partial<Record<HookName, Source>> = {
  'pre-commit': async (repo) => (await import('../sources/pre-commit.js')).collectPreCommitChange(repo),
  'commit-msg': async (repo, args, io) => (await import('../sources/commit-msg.js')).collectCommitMsgChange(repo, io.cwd, args[0]),
  'post-checkout': async (repo, args) => (await import('../sources/post-checkout.js')).collectPostCheckoutChange(repo, args),
  'pre-push': async (repo, args, io, config) => {
    const source = await import('../sources/pre-push.js');
    return source.collectPrePushChange(repo, args, await source.readStdin(io.stdin), { config, env: io.env });
  },
};

export const command: Command = async (args, io) => {
  const { values, positionals } = withUsageErrors('run', args, () =>
    parseArgs({ args, allowPositionals: true, strict: true, options: {
    format: { type: 'string' },
    config: { type: 'string' },
  } }),
  );
  const format = parseFormat(values.format);
  const [hook, ...hookArgs] = positionals;
  const source = hook ? SOURCES[hook as HookName] : undefined;
  if (!hook || !source) {
    throw new UsageError(messages.unknownHook(hook ?? '(none)', Object.keys(SOURCES)), messages.usageFix);
  }
  // HUSKY=0 is the documented "no hooks at all" switch: stay silent, as husky does.
  if (io.env.HUSKY === '0') return ExitCode.ok;
  const skip = parseSkipList(io.env.MCFLOW_SKIP);
  const { repo, resolved } = await openRepository(io.cwd, io.env, values.config);
  const change = await source(repo, hookArgs, io, resolved.config);
  const report = await runChecks(change, { config: resolved.config, root: repo.root, skip });
  if (format === 'json') io.stdout.write(formatJson(report));
  else if (report.findings.length > 0 || report.skipped.length > 0) {
    const text = formatText(report, { color: useColor(io.stdout, io.env) });
    const bypass = hook === 'pre-push' ? messages.bypassHintPush : messages.bypassHint;
    io.stdout.write(hasErrors(report) ? `${text}${bypass}\n` : text);
  }
  // git returns post-checkout's exit code as the checkout's own: a checkout that happened must not look failed.
  if (hook === 'post-checkout') return ExitCode.ok;
  return hasErrors(report) ? ExitCode.violation : ExitCode.ok;
};
