// Colour as Node decides it, seen from real processes: piped (as CI logs and `| less` get it)
// and on a pseudo-terminal (util-linux `script` gives the process a real tty).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it, type TestContext } from 'node:test';
import { CLI, createRepo } from './helpers/repo.js';
import { messages } from '../src/messages.js';

const ANSI = /\u001b\[\d+m/;
const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

function badMessageRepo(t: TestContext) {
  const repo = createRepo(t);
  return { repo, msg: repo.write('msg', 'Added login.\n') };
}

/** The repo's env without the NO_COLOR the helpers set, plus `extra`. */
function envWith(base: NodeJS.ProcessEnv, extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...base, NO_COLOR: undefined, ...extra };
}

function onTerminal(cwd: string, env: NodeJS.ProcessEnv, args: string[]) {
  const command = [process.execPath, CLI, ...args].map((part) => `'${part.replace(/'/g, `'\\''`)}'`).join(' ');
  const result = spawnSync('script', ['-qefc', command, '/dev/null'], { cwd, env, encoding: 'utf8' });
  return { code: result.status, output: result.stdout };
}

describe('colour', () => {
  const piped: [string, NodeJS.ProcessEnv, boolean][] = [
    ['plain when piped', {}, false],
    ['FORCE_COLOR=1 colours a CI log', { FORCE_COLOR: '1', CI: 'true', GITHUB_ACTIONS: 'true' }, true],
    ['FORCE_COLOR=1 beats NO_COLOR, as in Node', { FORCE_COLOR: '1', NO_COLOR: '1' }, true],
    ['FORCE_COLOR=0 stays plain', { FORCE_COLOR: '0' }, false],
  ];
  for (const [name, extra, coloured] of piped) {
    it(`piped: ${name}`, (t) => {
      const { repo, msg } = badMessageRepo(t);
      const result = repo.cli(['run', 'commit-msg', msg], { env: envWith(repo.env, extra) });
      assert.equal(result.code, 1, result.output);
      assert.equal(ANSI.test(result.stdout), coloured, result.stdout);
      assert.doesNotMatch(result.stderr, /Warning/);
    });
  }

  const terminal: [string, NodeJS.ProcessEnv, boolean][] = [
    ['colours on a terminal', { TERM: 'xterm-256color' }, true],
    ['NO_COLOR=1', { TERM: 'xterm-256color', NO_COLOR: '1' }, false],
    ['FORCE_COLOR=0', { TERM: 'xterm-256color', FORCE_COLOR: '0' }, false],
    ['TERM=dumb', { TERM: 'dumb' }, false],
  ];
  for (const [name, extra, coloured] of terminal) {
    it(`pseudo-terminal: ${name}`, { skip: hasScript ? false : 'util-linux script is not installed' }, (t) => {
      const { repo, msg } = badMessageRepo(t);
      const result = onTerminal(repo.dir, envWith(repo.env, extra), ['run', 'commit-msg', msg]);
      assert.equal(result.code, 1, result.output);
      assert.ok(result.output.includes(messages.summary(2, 0)), result.output);
      assert.equal(ANSI.test(result.output), coloured, JSON.stringify(result.output));
    });
  }
});
