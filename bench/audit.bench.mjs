// `audit` over a generated repository of 20 000 commits on several branches (main-production,
// develop, eight feature branches, merges into develop, tags), as a whole process: wall time
// and peak RSS, side by side with the floor `git log --all -p > /dev/null` (reading the history
// once). Targets: at most 3× the floor, peak RSS under 500 MB.
//
// Peak RSS is GNU time's %M: the largest resident set of the process or of any one of its
// children (ru_maxrss), not a sum.
//
// Runs: min(BENCH_RUNS, 3) per case, round-robin, medians. BENCH_AUDIT_COMMITS changes the size
// (default 20 000). Generation takes a few seconds through one `git fast-import`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CLI, RUNS, benchEnv, median, sh, tempDir } from './lib.mjs';

const TIME = '/usr/bin/time';
const FEATURES = 8;
const POOL = 400;

/** A small code-like file, about 1.5 KB, different for every (file, version). */
function fileContent(file, version) {
  const lines = [`// file ${file} version ${version}`];
  for (let i = 0; i < 30; i++) lines.push(`export const value_${file}_${i} = compute(${(file * 31 + version * 7 + i) % 997}, 'v${version}-${i}');`);
  return `${lines.join('\n')}\n`;
}

/**
 * main-production gets 10% of the commits; develop forks from it and gets most of the rest;
 * FEATURES feature branches fork from develop, half of them merged back with a merge commit.
 * Commits on develop carry a squash merge's "(#n)" suffix, as pull requests leave them. Each commit rewrites one file of a pool (a modification with a one-line diff context) and
 * every tenth adds a new file, so `git log -p` has real patches to print.
 */
export function generateHistory(home, total) {
  const dir = tempDir();
  const env = benchEnv(home);
  sh('git', ['init', '-q', '--initial-branch=main-production'], { cwd: dir, env });
  const chunks = [];
  const push = (text) => chunks.push(Buffer.from(text));
  const versions = new Map();
  let mark = 0;
  let time = 1700000000;
  const commit = (branch, message, from, extra = '') => {
    mark += 1;
    time += 60;
    const file = (mark * 7919) % POOL;
    const version = (versions.get(file) ?? 0) + 1;
    versions.set(file, version);
    const content = fileContent(file, version);
    push(`commit refs/heads/${branch}\nmark :${mark}\ncommitter Bench <bench@example.com> ${time} +0000\ndata ${Buffer.byteLength(message)}\n${message}\n`);
    if (from) push(`from :${from}\n`);
    if (extra) push(extra);
    push(`M 100644 inline src/pool/file-${file}.js\ndata ${Buffer.byteLength(content)}\n${content}\n`);
    if (mark % 10 === 0) {
      const added = fileContent(POOL + mark, 1);
      push(`M 100644 inline src/new/module-${mark}.js\ndata ${Buffer.byteLength(added)}\n${added}\n`);
    }
    return mark;
  };
  const mainCount = Math.floor(total * 0.1);
  const featureCount = Math.floor((total * 0.3) / FEATURES);
  let main = 0;
  // Production changes arrive as squash merges, but for two direct commits the audit reports.
  for (let i = 0; i < mainCount; i++) main = commit('main-production', `feat(core): change ${i}${i % 1000 === 999 ? '' : ` (#${i + 100000})`}`, main || undefined);
  let develop = main;
  const developCount = total - mainCount - featureCount * FEATURES;
  const forkEvery = Math.floor(developCount / (FEATURES + 1));
  let merges = 0;
  for (let i = 0; i < developCount; i++) {
    develop = commit('develop', `fix(api): adjust ${i} (#${i + 1})`, develop);
    if (i > 0 && i % forkEvery === 0 && merges < FEATURES) {
      const name = `feature/area-${merges}`;
      let tip = develop;
      for (let j = 0; j < featureCount; j++) tip = commit(name, `feat(area-${merges}): step ${j}`, tip);
      // Half of the features are merged back (a merge commit with its own small change).
      if (merges % 2 === 0) develop = commit('develop', `Merge branch '${name}' into develop`, develop, `merge :${tip}\n`);
      merges += 1;
    }
  }
  push(`reset refs/tags/v1.0.0\nfrom :${main}\n\nreset refs/tags/build-42\nfrom :${develop}\n\n`);
  sh('git', ['fast-import', '--quiet'], { cwd: dir, env, input: Buffer.concat(chunks), maxBuffer: 1 << 30 });
  sh('git', ['checkout', '-q', '-f', 'develop'], { cwd: dir, env });
  const count = Number(sh('git', ['rev-list', '--all', '--count'], { cwd: dir, env }).stdout.trim());
  const branches = sh('git', ['for-each-ref', '--format=%(refname)', 'refs/heads'], { cwd: dir, env }).stdout.trim().split('\n').length;
  return { dir, env, commits: count, branches };
}

/** One whole-process run under GNU time: wall ms from our clock, peak RSS from time's %M. */
function measure(c) {
  const rssFile = path.join(c.cwd, '..', `rss-${process.pid}.txt`);
  const start = process.hrtime.bigint();
  const result = spawnSync(TIME, ['-f', '%M %U %S', '-o', rssFile, c.command, ...c.args], { cwd: c.cwd, env: c.env, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (!c.okStatus.includes(result.status)) throw new Error(`${c.label} exited ${result.status}:\n${result.stderr}`);
  const [rssKb, user, system] = fs.readFileSync(rssFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  return { ms, rssMb: rssKb / 1024, cpuMs: (user + system) * 1000, status: result.status };
}

export default async function benchAudit() {
  if (!fs.existsSync(TIME)) {
    console.log('\n## audit over a generated history\n\n  skipped: /usr/bin/time (GNU time) is needed to read peak RSS honestly');
    return [];
  }
  const runs = Math.max(1, Math.min(RUNS, 3));
  const home = tempDir();
  const started = Date.now();
  const repo = generateHistory(home, Number(process.env.BENCH_AUDIT_COMMITS ?? 20_000));
  const generation = ((Date.now() - started) / 1000).toFixed(1);
  const cases = [
    { label: 'mcflow-hooks audit', command: process.execPath, args: [CLI, 'audit', '--format', 'json', '--output', path.join(repo.dir, '..', 'audit.json')], okStatus: [0, 1] },
    // The floor: git reads every commit's patch once and writes it nowhere.
    { label: 'git log --all -p > /dev/null', command: '/bin/sh', args: ['-c', 'git log --all -p > /dev/null'], okStatus: [0] },
  ].map((c) => ({ ...c, cwd: repo.dir, env: repo.env }));
  const samples = new Map(cases.map((c) => [c.label, []]));
  for (let i = 0; i < runs; i++) for (const c of cases) samples.get(c.label).push(measure(c));
  const result = Object.fromEntries(
    [...samples].map(([label, values]) => [
      label,
      { ms: median(values.map((v) => v.ms)), cpuMs: median(values.map((v) => v.cpuMs)), rssMb: median(values.map((v) => v.rssMb)), status: values[0].status },
    ]),
  );
  const audit = JSON.parse(fs.readFileSync(path.join(repo.dir, '..', 'audit.json'), 'utf8'));

  console.log(`\n## audit over a generated history (medians of ${runs} ${runs === 1 ? 'run' : 'runs'}; generated in ${generation} s)\n`);
  console.log(`  ${repo.commits} commits, ${repo.branches} branches; audit scanned ${audit.scope.commits} commits (merges included): ${audit.verdict}\n`);
  const width = Math.max(...Object.keys(result).map((k) => k.length));
  for (const [label, r] of Object.entries(result)) {
    console.log(`  ${label.padEnd(width)}  ${r.ms.toFixed(0).padStart(8)} ms  ${r.cpuMs.toFixed(0).padStart(6)} ms CPU  ${r.rssMb.toFixed(0).padStart(5)} MB peak RSS  (exit ${r.status})`);
  }
  const ratio = result['mcflow-hooks audit'].ms / result['git log --all -p > /dev/null'].ms;
  const rss = result['mcflow-hooks audit'].rssMb;
  const cpuRatio = result['mcflow-hooks audit'].cpuMs / result['git log --all -p > /dev/null'].cpuMs;
  // Wall time depends on free cores (audit runs git and its checks side by side); CPU time says how much work it is.
  console.log(`\n  load average while measuring: ${os.loadavg()[0].toFixed(2)} on ${os.cpus().length} cores`);
  console.log(`  mcflow-hooks audit / git log --all -p = ${ratio.toFixed(2)}× ${ratio <= 3 ? '✓' : '✗'} (target ≤ 3×)`);
  console.log(`  mcflow-hooks audit / git log --all -p, CPU time = ${cpuRatio.toFixed(2)}× (user + system, all processes)`);
  console.log(`  mcflow-hooks audit peak RSS ${rss.toFixed(0)} MB ${rss < 500 ? '✓' : '✗'} (target < 500 MB)`);
  return result;
}
