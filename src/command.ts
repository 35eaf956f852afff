/**
 * What a command is, in a module of its own: `cli.ts` dispatches to the commands and the
 * commands need these types, so keeping them in `cli.ts` made the two import each other.
 */
import type { ExitCode } from './errors.js';

/**
 * The process's surroundings, passed in so tests can run commands in-process. The bin passes
 * getters: touching `process.stdout` or `process.stdin` sets up a stream, which a silent,
 * passing hook never needs.
 */
export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WriteStream | { write(text: string): unknown; isTTY?: boolean; hasColors?: NodeJS.WriteStream['hasColors'] };
  stderr: NodeJS.WriteStream | { write(text: string): unknown; isTTY?: boolean; hasColors?: NodeJS.WriteStream['hasColors'] };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
}

export type Command = (args: string[], io: Io) => Promise<ExitCode>;

/**
 * One option: what node's `parseArgs` takes, plus what help prints. The command hands these very
 * objects to `parseArgs`, so help cannot list an option the command lacks, or miss one it has.
 */
export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  default?: string | boolean | string[] | boolean[];
  /** The value's placeholder in help: `<ref>`, `text|json`. */
  value?: string;
  description: string;
}

export interface CommandSpec {
  name: string;
  /** What follows the command's name on the usage line, when it takes positionals: `<hook> [args]`. */
  usage?: string;
  /** One line: what the command does. */
  summary: string;
  /** Further lines for the command's own help. */
  details?: readonly string[];
  options: Record<string, OptionSpec>;
}

/** Keeps the options' literal types, so `parseArgs({ options: spec.options })` types its values. */
export function defineCommand<const T extends CommandSpec>(spec: T): T {
  return spec;
}
