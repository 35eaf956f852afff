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
  // A config value can hold a secret (a token pasted into a label, a URL with userinfo): what
  // is printed goes through the masking every report gets, value by value (so --json stays
  // JSON), and the text form once more as a whole (an assignment is found in context).
  const { maskDeep, maskText } = await import('../checks/secrets.mask.js');
  const data = await maskDeep({ file: resolved.filepath ?? null, sources: resolved.sources, config: resolved.config });
  if (values.json) {
    io.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
    return ExitCode.ok;
  }
  const text =
    `config file: ${data.file ? show(data.file) : '(none: using the default preset "gitflow")'}\n` +
    `built from:  ${data.sources.map(show).join(' → ')}\n\n` +
    `${JSON.stringify(data.config, null, 2)}\n`;
  io.stdout.write(await maskText(text));
  return ExitCode.ok;
};
