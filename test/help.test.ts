// Help is generated from each command's own option definitions: every command answers --help
// with exit 0, and no option the command accepts is missing from its help or the overview.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { commandNames } from '../src/cli.js';
import type { CommandSpec } from '../src/command.js';
import { makeTempDir, PACKAGE_ROOT, runMain } from './helpers/repo.js';

const specs = await Promise.all(commandNames.map(async (name) => ((await import(`../src/commands/${name}.js`)) as { spec: CommandSpec }).spec));

describe('help', () => {
  for (const spec of specs) {
    it(`${spec.name} --help and -h: exit 0, every option the command takes`, async (t) => {
      const dir = makeTempDir(t);
      for (const flag of ['--help', '-h']) {
        const result = await runMain([spec.name, flag], { cwd: dir });
        assert.equal(result.code, 0, result.output);
        assert.ok(result.stdout.startsWith(`Usage: mcflow-hooks ${spec.name}`), result.stdout);
        for (const [name, option] of Object.entries(spec.options)) {
          assert.match(result.stdout, new RegExp(`${option.short ? `-${option.short}, ` : ''}--${name}\\b.*${escape(option.description)}`));
        }
        assert.match(result.stdout, /-h, --help +show this help/);
      }
    });
  }

  it('--help lists every command with every option, the environment and no dead link', async (t) => {
    const result = await runMain(['--help'], { cwd: makeTempDir(t) });
    assert.equal(result.code, 0);
    for (const spec of specs) {
      assert.match(result.stdout, new RegExp(`^  mcflow-hooks ${spec.name}\\b`, 'm'));
      for (const name of Object.keys(spec.options)) assert.match(result.stdout, new RegExp(`^    (-\\w, )?--${name}\\b`, 'm'), `${spec.name} --${name}`);
    }
    const uninstall = result.stdout.slice(result.stdout.indexOf('mcflow-hooks uninstall'), result.stdout.indexOf('mcflow-hooks pr'));
    assert.match(uninstall, /--dry-run/);
    const config = result.stdout.slice(result.stdout.indexOf('mcflow-hooks config'), result.stdout.indexOf('mcflow-hooks init'));
    assert.match(config, /--json/);
    for (const variable of ['MCFLOW_SKIP', 'MCFLOW_ALLOW_PUSH', 'MCFLOW_DEBUG', 'FORCE_COLOR', 'NO_COLOR', 'HUSKY=0']) assert.match(result.stdout, new RegExp(variable));
    assert.doesNotMatch(result.stdout, /npmjs\.com/);
  });

  it('--help after a command\'s other arguments still shows help, and runs nothing', async (t) => {
    const result = await runMain(['verify', '--base', 'nowhere', '--help'], { cwd: makeTempDir(t) });
    assert.equal(result.code, 0);
    assert.match(result.stdout, /^Usage: mcflow-hooks verify/);
  });

  it('no command imports cli.ts (the types live in command.ts): no import loop', async () => {
    const dir = path.join(PACKAGE_ROOT, 'src/commands');
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      assert.doesNotMatch(fs.readFileSync(path.join(dir, file), 'utf8'), /from '\.\.\/cli\.js'/, file);
    }
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
