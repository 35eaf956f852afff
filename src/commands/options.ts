/** Flag parsing shared by the commands: node's parseArgs, with its errors turned into UsageErrors. */
import { createRequire } from 'node:module';
import type tty from 'node:tty';
import { parseArgs } from 'node:util';

export { parseArgs };
import { UsageError } from '../errors.js';
import { messages } from '../messages.js';

export const FORMATS = ['text', 'json'] as const;
export type Format = (typeof FORMATS)[number];

/** Runs node's `parseArgs`, turning its errors into a UsageError that names the command. */
export function withUsageErrors<T>(command: string, args: string[], parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const flag = /'([^']+)'/.exec((error as Error).message)?.[1] ?? args.find((a) => a.startsWith('-')) ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(messages.unknownFlag(flag, command), messages.usageFix);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError(messages.missingFlagValue(flag.split(' ')[0]!), messages.usageFix);
    throw new UsageError((error as Error).message, messages.usageFix);
  }
}

export function parseFormat(value: string | undefined): Format {
  const format = value ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(messages.unknownFormat(format, FORMATS), messages.usageFix);
  return format as Format;
}

/**
 * Colour exactly when Node itself would colour (its `shouldColorize`, behind `util.styleText`
 * and `stream.hasColors()`): FORCE_COLOR decides wherever the output goes (`0` off; `1`, `2`,
 * `3` or empty on, also into a CI log); otherwise only on a terminal whose colour depth allows
 * it, which NO_COLOR, NODE_DISABLE_COLORS and TERM=dumb turn off. Node's own depth function is
 * used, so every convention it knows (CI providers, TERM, COLORTERM) applies here too.
 */
export function useColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.FORCE_COLOR !== undefined) {
    // FORCE_COLOR overrides NO_COLOR, as in Node; leaving NO_COLOR out spares the warning Node prints about that.
    return colorDepth({ ...env, NO_COLOR: undefined, NODE_DISABLE_COLORS: undefined }) > 2;
  }
  return stream.isTTY === true && colorDepth(env) > 2;
}

/**
 * Node's `getColorDepth(env)`: it reads only `env`, so it answers for any stream, piped or not.
 * node:tty is required here, not imported above: it loads `net`, which a silent hook never needs.
 */
function colorDepth(env: NodeJS.ProcessEnv): number {
  const { WriteStream } = createRequire(import.meta.url)('node:tty') as typeof tty;
  return WriteStream.prototype.getColorDepth.call(undefined as unknown as tty.WriteStream, env);
}
