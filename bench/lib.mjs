// Helpers for `npm run bench`: whole-process timings, measured side by side (round-robin, so
// machine noise lands on every contender alike), reported as medians and ratios.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const CLI = path.join(ROOT, 'dist/cli.cjs');
export const RUNS = Number(process.env.BENCH_RUNS ?? 15);

/**
 * The environment every benchmarked process gets. NODE_EXTRA_CA_CERTS is removed: this machine
 * sets it, and it adds tens of milliseconds to every Node start, which would hide what we measure.
 */
export function benchEnv(home, extra = {}) {
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  for (const key of Object.keys(env)) if (key.startsWith('GIT_') || key.startsWith('npm_') || key === 'HUSKY') delete env[key];
  return {
    ...env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Bench',
    GIT_AUTHOR_EMAIL: 'bench@example.com',
    GIT_COMMITTER_NAME: 'Bench',
    GIT_COMMITTER_EMAIL: 'bench@example.com',
    NO_COLOR: '1',
    ...extra,
  };
}

const tempDirs = [];
export function tempDir(prefix = 'mcflow-bench-') {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  tempDirs.push(dir);
  return dir;
}
process.on('exit', () => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

export function sh(command, args, options) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.status !== 0 && !options?.allowFailure) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${result.stdout}${result.stderr}`);
  }
  return result;
}

/** The config `init` writes: every repository of ours is measured as users have it, never without one. */
export const INIT_CONFIG = `${JSON.stringify({ $schema: './node_modules/mcflow-hooks/schema.json', extends: 'gitflow' }, null, 2)}\n`;

// What init writes into `.husky/<hook>` (src/install/hook-files.ts, from the transpile `npm run
// bench` builds), so the benches time the lines users have, never a hand-written stand-in.
const hookFiles = await import(pathToFileURL(path.join(ROOT, '.build/src/install/hook-files.js')).href);
const shippedHooks = hookFiles.shippedHooks();

/** The file init leaves in `.husky/<hook>` of a repository whose package sits at the git root. */
export function initHook(name) {
  const shipped = shippedHooks.get(name);
  if (!shipped) throw new Error(`mcflow-hooks ships no ${name} hook`);
  return `${hookFiles.hookLine(shipped, '')}\n`;
}

/** `initHook` for each name: `{ 'pre-commit': <init's file>, … }`. */
export const initHooks = (...names) => Object.fromEntries(names.map((name) => [name, initHook(name)]));

/**
 * A repository with husky's hooks installed and the given hook files, its node_modules linked to
 * ours. `asInitLeavesIt` adds init's `.mcflowrc.json`, committed (the standard stacks get none).
 */
export function hookedRepo(home, hooks, { linkOurBin = true, asInitLeavesIt = false } = {}) {
  const dir = tempDir();
  const env = benchEnv(home);
  sh('git', ['init', '-q', '--initial-branch=feature/bench'], { cwd: dir, env });
  sh('git', ['config', 'commit.gpgsign', 'false'], { cwd: dir, env });
  // Our node_modules gives the standard setup its commitlint, lint-staged and secretlint.
  fs.mkdirSync(path.join(dir, 'node_modules/.bin'), { recursive: true });
  for (const entry of fs.readdirSync(path.join(ROOT, 'node_modules'))) {
    if (entry === '.bin') continue;
    fs.symlinkSync(path.join(ROOT, 'node_modules', entry), path.join(dir, 'node_modules', entry));
  }
  for (const entry of fs.readdirSync(path.join(ROOT, 'node_modules/.bin'))) {
    fs.symlinkSync(fs.realpathSync(path.join(ROOT, 'node_modules/.bin', entry)), path.join(dir, 'node_modules/.bin', entry));
  }
  if (linkOurBin) {
    fs.chmodSync(CLI, 0o755);
    fs.symlinkSync(CLI, path.join(dir, 'node_modules/.bin/mcflow-hooks'));
  }
  fs.appendFileSync(path.join(dir, '.git/info/exclude'), 'node_modules\n');
  sh(process.execPath, [path.join(ROOT, 'node_modules/husky/bin.js')], { cwd: dir, env });
  for (const [name, body] of Object.entries(hooks)) fs.writeFileSync(path.join(dir, '.husky', name), body, { mode: 0o755 });
  if (asInitLeavesIt) {
    fs.writeFileSync(path.join(dir, '.mcflowrc.json'), INIT_CONFIG);
    sh('git', ['add', '.mcflowrc.json'], { cwd: dir, env });
    sh('git', ['commit', '-q', '--no-verify', '-m', 'chore: add mcflow-hooks'], { cwd: dir, env });
  }
  return { dir, env };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Runs each case `runs` times, round-robin, and returns { label: medianMs }.
 * A case is { label, command, args, cwd, env, before? } ; `before` runs untimed before each run.
 */
export function sideBySide(cases, runs = RUNS) {
  const times = Object.fromEntries(cases.map((c) => [c.label, []]));
  for (const c of cases) run(c); // warm-up: file cache, git's own caches
  for (let i = 0; i < runs; i++) {
    for (const c of cases) times[c.label].push(run(c));
  }
  return Object.fromEntries(Object.entries(times).map(([label, values]) => [label, median(values)]));
}

function run(c) {
  c.before?.();
  const start = process.hrtime.bigint();
  const result = spawnSync(c.command, c.args, { cwd: c.cwd, env: c.env, stdio: ['ignore', 'ignore', 'pipe'], input: c.input });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== (c.expectStatus ?? 0)) {
    throw new Error(`${c.label}: ${c.command} ${c.args.join(' ')} exited ${result.status}\n${result.stderr}`);
  }
  return elapsed;
}

/** Prints medians and the ratios asked for: rows of [label, baselineLabel, target?]. */
export function report(title, medians, ratios) {
  console.log(`\n## ${title}\n`);
  const width = Math.max(...Object.keys(medians).map((k) => k.length));
  for (const [label, ms] of Object.entries(medians)) console.log(`  ${label.padEnd(width)}  ${ms.toFixed(1).padStart(8)} ms`);
  if (ratios?.length) console.log('');
  const results = [];
  for (const [label, base, target, comparison = 'max'] of ratios ?? []) {
    const ratio = medians[label] / medians[base];
    const ok = target === undefined ? undefined : comparison === 'max' ? ratio <= target : ratio >= target;
    const verdict = ok === undefined ? '' : ok ? `  ✓ (target ${comparison === 'max' ? '≤' : '≥'} ${target}×)` : `  ✗ (target ${comparison === 'max' ? '≤' : '≥'} ${target}×)`;
    console.log(`  ${label} / ${base} = ${ratio.toFixed(2)}×${verdict}`);
    results.push({ label, base, ratio, target, ok });
  }
  return results;
}
