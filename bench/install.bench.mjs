// Install weight: `npm i -D mcflow-hooks` (the packed tarball) against the stack it replaces,
// husky + lint-staged + @commitlint/cli + @commitlint/config-conventional + secretlint +
// @secretlint/secretlint-rule-preset-recommend. Size on disk, package count, TypeScript compiler
// or not, and install time from a warm npm cache (one untimed install of each fills it).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, median, tempDir } from './lib.mjs';

const STACK = ['husky', 'lint-staged', '@commitlint/cli', '@commitlint/config-conventional', 'secretlint', '@secretlint/secretlint-rule-preset-recommend'];
const RUNS = Number(process.env.BENCH_INSTALL_RUNS ?? 3);

export default async function benchInstall() {
  console.log('\n## install weight: npm i -D, warm cache\n');
  const packDir = tempDir();
  const pack = spawnSync('npm', ['pack', '--silent', '--pack-destination', packDir], { cwd: ROOT, encoding: 'utf8' });
  if (pack.status !== 0) return console.log(`  skipped: npm pack failed\n${pack.stderr}`);
  const tarball = path.join(packDir, pack.stdout.trim().split('\n').pop());
  const contenders = [
    { label: 'mcflow-hooks (packed tarball)', packages: [tarball] },
    { label: 'husky + lint-staged + commitlint + secretlint', packages: STACK },
  ];
  const results = [];
  for (const contender of contenders) {
    const times = [];
    let last;
    // The first install fills npm's cache (and is not timed); the others are what an adopter with a warm cache waits for.
    for (let i = 0; i <= RUNS; i++) {
      last = install(contender.packages);
      if (!last) return console.log(`  skipped: installing ${contender.label} failed (no registry?)`);
      if (i > 0) times.push(last.ms);
    }
    results.push({ ...contender, ms: median(times), ...weigh(last.dir) });
  }
  const width = Math.max(...results.map((r) => r.label.length));
  console.log(`  ${'contender'.padEnd(width)}  ${'size'.padStart(8)}  ${'packages'.padStart(8)}  ${'time'.padStart(8)}  typescript`);
  for (const r of results) {
    console.log(`  ${r.label.padEnd(width)}  ${`${(r.bytes / 1e6).toFixed(1)} MB`.padStart(8)}  ${String(r.packages).padStart(8)}  ${`${(r.ms / 1000).toFixed(2)} s`.padStart(8)}  ${r.typescript ? 'yes' : 'no'}`);
  }
  const [ours, theirs] = results;
  console.log(`\n  size ${(ours.bytes / theirs.bytes).toFixed(2)}×, packages ${(ours.packages / theirs.packages).toFixed(2)}×, time ${(ours.ms / theirs.ms).toFixed(2)}× (target ≤ 1× each; no TypeScript compiler)`);
  console.log(`  ${ours.bytes <= theirs.bytes && ours.packages <= theirs.packages && !ours.typescript ? '✓' : '✗'} ours is no larger and brings no TypeScript compiler`);
}

/** A fresh project, `npm i -D <packages>`; the project dir and the wall time, or undefined when npm failed. */
function install(packages) {
  const dir = tempDir('mcflow-install-');
  fs.writeFileSync(path.join(dir, 'package.json'), '{ "name": "app", "version": "1.0.0", "private": true }\n');
  const start = process.hrtime.bigint();
  const result = spawnSync('npm', ['install', '--save-dev', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', ...packages], {
    cwd: dir,
    encoding: 'utf8',
    // Outside a git repository husky's prepare would only say so; --ignore-scripts keeps both sides equal.
    env: { ...process.env, HUSKY: '0' },
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return result.status === 0 ? { dir, ms } : undefined;
}

/** Bytes on disk under node_modules, installed packages (every package.json that names one), and whether a TypeScript compiler came along. */
function weigh(dir) {
  const modules = path.join(dir, 'node_modules');
  let bytes = 0;
  let packages = 0;
  const walk = (current) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isSymbolicLink()) continue;
      if (entry.isDirectory()) walk(full);
      else bytes += fs.statSync(full).size;
    }
  };
  walk(modules);
  const countPackages = (current) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name === '.bin') continue;
      const full = path.join(current, entry.name);
      if (entry.name.startsWith('@')) countPackages(full);
      else if (fs.existsSync(path.join(full, 'package.json'))) {
        packages++;
        if (fs.existsSync(path.join(full, 'node_modules'))) countPackages(path.join(full, 'node_modules'));
      }
    }
  };
  countPackages(modules);
  const typescript = fs.existsSync(path.join(modules, 'typescript')) || fs.existsSync(path.join(modules, '@typescript'));
  return { bytes, packages, typescript };
}
