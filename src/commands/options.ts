/** Flag parsing shared by the commands: node's parseArgs, with its errors turned into UsageErrors. */
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

/** Colour on a TTY only, and never when NO_COLOR is set (https://no-color.org); FORCE_COLOR wins. */
export function useColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return stream.isTTY === true;
}
