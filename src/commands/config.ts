/** `mcflow-hooks config`: the resolved config and where each part came from. */
import path from 'node:path';
import { defineCommand, type Command } from '../command.js';
import { ExitCode } from '../errors.js';
import { openRepository } from './context.js';
import { parseArgs, withUsageErrors } from './options.js';

export const spec = defineCommand({
  name: 'config',
  summary: 'print the resolved config and the files it came from',
  options: {
    json: { type: 'boolean', description: 'print it as JSON: { file, sources, config }' },
    config: { type: 'string', value: '<file>', description: 'use this config file instead of searching for one' },
  },
});

export const command: Command = async (args, io) => {
  const { values } = withUsageErrors('config', args, () => parseArgs({ args, allowPositionals: true, strict: true, options: spec.options }));
  const { repo, resolved } = await openRepository(io.cwd, io.env, values.config);
  const show = (file: string) => (file.startsWith(repo.root + path.sep) ? path.relative(repo.root, file) : file);
  if (values.json) {
    io.stdout.write(`${JSON.stringify({ file: resolved.filepath ?? null, sources: resolved.sources, config: resolved.config }, null, 2)}\n`);
    return ExitCode.ok;
  }
  io.stdout.write(`config file: ${resolved.filepath ? show(resolved.filepath) : '(none: using the default preset "gitflow")'}\n`);
  io.stdout.write(`built from:  ${resolved.sources.map(show).join(' → ')}\n\n`);
  io.stdout.write(`${JSON.stringify(resolved.config, null, 2)}\n`);
  return ExitCode.ok;
};
