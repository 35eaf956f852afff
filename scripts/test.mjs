// `npm test`: type-check, build, then run every test with node:test. Unit tests sit beside the
// code they test (src/**/*.test.ts); integration and end-to-end tests live in test/. The files
// are listed here (Node 20's `--test` takes no globs) and run as a few shards (test-shards.mjs);
// `npm test -- <substring>` runs the files whose path holds it.
// Output: node's spec reporter on a terminal; off a terminal (CI, pipes) the compact reporter
// (scripts/test-reporter.mjs: failures in full, then `tests: N passed, N failed`); `--tap`
// (npm test -- --tap) gives node's TAP anywhere. A failing test exits non-zero either way.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONCURRENCY, ramTempDir, shards } from './test-shards.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const run = (command, args) => {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

run(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json', '--noEmit']);
run(process.execPath, ['scripts/build.mjs']);

const args = process.argv.slice(2);
const tap = args.includes('--tap');
const filter = args.filter((arg) => arg !== '--tap');
const reporter = tap ? ['--test-reporter=tap'] : process.stdout.isTTY ? [] : [`--test-reporter=${path.join(root, 'scripts/test-reporter.mjs')}`];
const files = fs
  .readdirSync(path.join(root, '.build'), { recursive: true })
  .filter((file) => file.endsWith('.test.js'))
  .map((file) => path.join('.build', file))
  .filter((file) => filter.length === 0 || filter.some((f) => file.includes(f)))
  .sort();
if (files.length === 0) {
  // node --test with no file would look for test files itself, helpers included.
  console.error(`No test file matches ${filter.map((f) => JSON.stringify(f)).join(' or ')}: give part of a path under src/ or test/ (npm test -- secrets)`);
  process.exit(2);
}
const entries = shards(root, files);
const tmp = ramTempDir();
// Ctrl-C reaches the test processes too; this one waits for them, then removes the temp dir.
process.on('SIGINT', () => {});
// Three at a time on a 2-core machine: the e2e file waits on installs and pushes, a shard on each
// git it starts; a third process keeps both cores busy (63 -> 59 s; five at a time: 61 s).
const tests = spawnSync(process.execPath, ['--test', `--test-concurrency=${CONCURRENCY}`, ...reporter, ...entries], { cwd: root, stdio: 'inherit', env: tmp ? { ...process.env, TMPDIR: tmp } : process.env });
if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
process.exit(tests.status ?? 1);
