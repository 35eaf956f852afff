/**
 * Typed errors: thrown anywhere, caught once in `cli.ts`, which maps them to an exit code.
 * Library functions never call `process.exit`.
 */

/** Exit codes of every command. A const object, not an enum, so it tree-shakes to plain numbers. */
export const ExitCode = {
  /** Nothing blocking was found. */
  ok: 0,
  /** At least one error finding: a policy violation. */
  violation: 1,
  /** The tool could not run as asked: bad arguments, bad config, not a git repository. */
  usage: 2,
  /** A bug in mcflow-hooks itself. */
  internal: 3,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * Marks our errors across bundles: the cold commands (init, verify, audit…) are bundled apart
 * from the hook path, each with its own copy of these classes, so `instanceof` alone cannot
 * tell the CLI that an error is one of ours.
 */
const BRAND = Symbol.for('mcflow-hooks.error');

/** Base class of every error whose message is meant for the user (no stack trace is printed). */
export class McflowError extends Error {
  readonly exitCode: ExitCode = ExitCode.usage;
  readonly [BRAND] = true;
  /** The exact command or step that fixes the problem. */
  readonly fix?: string;
  constructor(message: string, fix?: string) {
    super(message);
    this.name = new.target.name;
    this.fix = fix;
  }
}

/** Wrong arguments or an unknown command/flag. */
export class UsageError extends McflowError {}

/** A config file that cannot be read, parsed, resolved or validated. */
export class ConfigError extends McflowError {}

/** Git failed, or the repository is in a state we cannot work in. */
export class GitError extends McflowError {}

/** Bad input handed to a hook (a malformed pre-push line, a missing message file). */
export class InputError extends McflowError {}

/** True for an McflowError from any bundle of this package. */
export function isMcflowError(error: unknown): error is McflowError {
  return typeof error === 'object' && error !== null && (error as { [BRAND]?: boolean })[BRAND] === true;
}
