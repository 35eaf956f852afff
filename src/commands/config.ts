/** `mcflow-hooks config`: the resolved config and where each part came from. */
import path from 'node:path';
import type { Command } from '../cli.js';
import { ExitCode } from '../errors.js';
import { openRepository } from './context.js';
import { parseArgs, withUsageErrors } from './options.js';

export const command: Command = async (args, io) => {
  const { values } = withUsageErrors('config', args, () =>
    parseArgs({ args, allowPositionals: true, strict: true, options: { config: { type: 'string' }, json: { type: 'boolean' } } }),
  );
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
