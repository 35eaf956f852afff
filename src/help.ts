/**
 * Help text, generated from each command's own option definitions (`spec` beside its
 * `command`), so `mcflow-hooks <command> --help` exists for every command and cannot drift
 * from what the command accepts.
 */
import type { CommandSpec, OptionSpec } from './command.js';
import { messages } from './messages.js';

const BIN = 'mcflow-hooks';
/** Every command answers these, handled in cli.ts before the command runs. */
const HELP_OPTION: OptionSpec = { type: 'boolean', short: 'h', description: 'show this help' };

function optionLabel(name: string, option: OptionSpec): string {
  const flag = option.short ? `-${option.short}, --${name}` : `--${name}`;
  return option.type === 'string' ? `${flag} ${option.value ?? '<value>'}` : flag;
}

function optionLines(options: Record<string, OptionSpec>, indent: string, width: number): string[] {
  return Object.entries(options).map(([name, option]) => `${indent}${optionLabel(name, option).padEnd(width)}  ${option.description}`);
}

function labelWidth(specs: readonly CommandSpec[], indent: number): number {
  const labels = specs.flatMap((spec) => Object.entries(spec.options).map(([name, option]) => indent + optionLabel(name, option).length));
  return Math.max(24, ...labels);
}

/** `mcflow-hooks <command> --help`. */
export function formatCommandHelp(spec: CommandSpec): string {
  const options = { ...spec.options, help: HELP_OPTION };
  const width = labelWidth([{ ...spec, options }], 0);
  return [
    `Usage: ${BIN} ${spec.name}${spec.usage ? ` ${spec.usage}` : ''}${Object.keys(spec.options).length > 0 ? ' [options]' : ''}`,
    '',
    spec.summary,
    ...(spec.details ?? []),
    '',
    'Options:',
    ...optionLines(options, '  ', width),
    '',
    ...messages.help.footer,
    '',
  ].join('\n');
}

/** `mcflow-hooks --help`: every command with every option, then what applies to all. */
export function formatHelp(specs: readonly CommandSpec[]): string {
  const width = Math.max(labelWidth(specs, 4), ...messages.help.environment.map(([name]) => name.length + 2));
  const lines = [messages.help.title, '', 'Usage:'];
  for (const spec of specs) {
    const usage = `${spec.name}${spec.usage ? ` ${spec.usage}` : ''}`;
    lines.push(`  ${BIN} ${usage.padEnd(width - BIN.length - 1)}  ${spec.summary}`);
    for (const detail of spec.details ?? []) lines.push(`  ${''.padEnd(width)}  ${detail}`);
    lines.push(...optionLines(spec.options, '    ', width - 2));
  }
  lines.push('', 'Options:', `  ${'-h, --help'.padEnd(width)}  show help (also after a command: ${BIN} verify --help)`);
  lines.push(`  ${'-v, --version'.padEnd(width)}  print the version`, '', 'Environment:');
  for (const [name, description] of messages.help.environment) lines.push(`  ${name.padEnd(width)}  ${description}`);
  lines.push('', ...messages.help.footer, '');
  return lines.join('\n');
}
