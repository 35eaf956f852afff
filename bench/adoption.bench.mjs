// Adopting a project that already runs husky + lint-staged + commitlint: a one-file commit with
// the project's own hooks, against the same project after `mcflow-hooks init` (its lint-staged and
// commitlint lines replaced, our checks first). Target: ours ≤ theirs + 100 ms, lint-staged once.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CLI, RUNS, hookedRepo, median, report, sh, sideBySide, tempDir } from './lib.mjs';

const TIME = '/usr/bin/time';

/**
 * CPU time (user + system of the commit and every hook process it waited for), median of RUNS:
 * on a loaded machine wall time grows with the queue for a core, CPU time says how much work it is.
 */
function cpuMedian(c) {
  if (!fs.existsSync(TIME)) return undefined;
  const out = path.join(c.cwd, '..', `cpu-${process.pid}.txt`);
  const values = [];
  for (let i = 0; i < RUNS; i++) {
    c.before();
    spawnSync(TIME, ['-f', '%U %S', '-o', out, c.command, ...c.args], { cwd: c.cwd, env: c.env, stdio: 'ignore' });
    const [user, system] = fs.readFileSync(out, 'utf8').trim().split('\n').pop().split(' ').map(Number);
    values.push((user + system) * 1000);
  }
  return median(values);
}

/** A formatter that counts its runs: lint-staged must run it once per commit, not twice. */
const COUNTER = "const fs = require('fs'); const f = __dirname + '/format.count'; fs.writeFileSync(f, String(Number(fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : 0) + 1));\n";

function project(home) {
  const repo = hookedRepo(home, { 'pre-commit': 'lint-staged\n', 'commit-msg': 'commitlint --edit "$1"\n' });
  const manifest = { name: 'bench', private: true, scripts: { prepare: 'husky' }, devDependencies: { husky: '^9.1.7', 'lint-staged': '^16.4.0', '@commitlint/cli': '^20.5.3' }, 'lint-staged': { '*.js': 'node count.cjs' } };
  fs.writeFileSync(path.join(repo.dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  fs.writeFileSync(path.join(repo.dir, 'count.cjs'), COUNTER);
  fs.writeFileSync(path.join(repo.dir, 'commitlint.config.cjs'), "module.exports = { extends: ['@commitlint/config-conventional'] };\n");
  fs.appendFileSync(path.join(repo.dir, '.git/info/exclude'), 'format.count\n');
  sh('git', ['add', '-A'], { cwd: repo.dir, env: repo.env });
  sh('git', ['commit', '-q', '--no-verify', '-m', 'chore: base'], { cwd: repo.dir, env: repo.env });
  return repo;
}

function commitCase(label, repo) {
  const base = sh('git', ['rev-parse', 'HEAD'], { cwd: repo.dir, env: repo.env }).stdout.trim();
  fs.writeFileSync(path.join(repo.dir, 'module.js'), 'export const answer = 42;\n');
  sh('git', ['add', 'module.js'], { cwd: repo.dir, env: repo.env });
  // Each run starts from the base with the same file staged: moving HEAD back keeps the index.
  return { label, command: 'git', args: ['commit', '-q', '-m', 'feat: add a module'], cwd: repo.dir, env: repo.env, before: () => sh('git', ['update-ref', 'HEAD', base], { cwd: repo.dir, env: repo.env }) };
}

function runsOf(repo) {
  const file = path.join(repo.dir, 'format.count');
  return fs.existsSync(file) ? Number(fs.readFileSync(file, 'utf8')) : 0;
}

export default async function benchAdoption() {
  const home = tempDir();
  const theirs = project(home);
  const ours = project(home);
  const init = sh(process.execPath, [CLI, 'init', '--preset', 'gitflow', '--no-install', '--yes'], { cwd: ours.dir, env: ours.env });
  if (!/replaced "lint-staged" in \.husky\/pre-commit/.test(init.stdout)) throw new Error(`init did not migrate the lint-staged line:\n${init.stdout}`);
  const cases = [commitCase("git commit (the project's husky + lint-staged + commitlint)", theirs), commitCase('git commit (after mcflow-hooks init)', ours)];
  const medians = sideBySide(cases);
  const results = report('adoption: one-file commit in a husky + lint-staged + commitlint project', medians, []);
  const [theirsMs, oursMs] = Object.values(medians);
  const extra = oursMs - theirsMs;
  const [theirsCpu, oursCpu] = cases.map(cpuMedian);
  const runs = RUNS + 1 + (theirsCpu === undefined ? 0 : RUNS);
  if (theirsCpu !== undefined) console.log(`  CPU time (user + system, median): theirs ${theirsCpu.toFixed(0)} ms, ours ${oursCpu.toFixed(0)} ms, ours − theirs = ${(oursCpu - theirsCpu).toFixed(0)} ms`);
  console.log(`  load average while measuring: ${os.loadavg()[0].toFixed(2)} on ${os.cpus().length} cores`);
  console.log(`\n  ours − theirs = ${extra.toFixed(1)} ms  ${extra <= 100 ? '✓' : '✗'} (target ≤ +100 ms)`);
  console.log(`  lint-staged task runs: ${runsOf(ours)} for ${runs} commits after init (${runsOf(ours) === runs ? '✓ once each' : '✗ not once each'}), ${runsOf(theirs)} before`);
  results.push({ label: 'ours − theirs (ms)', ratio: extra, target: 100, ok: extra <= 100 }, { label: 'lint-staged once per commit', ok: runsOf(ours) === runs });
  return results;
}
