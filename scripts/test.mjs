// `npm test`: type-check, build, then run every test with node:test. Unit tests sit beside the
// code they test (src/**/*.test.ts); integration and end-to-end tests live in test/. Node 20's
// `--test` takes no globs, so the files are listed here.
// Output: node's spec reporter on a terminal; off a terminal (CI, pipes) the compact reporter
// (scripts/test-reporter.mjs: failures in full, then `tests: N passed, N failed`); `--tap`
// (npm test -- --tap) gives node's TAP anywhere. A failing test exits non-zero either way.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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
  .sort()
  // The longest file first: two files run at a time, and the packed-tarball e2e file (a third of
  // the suite's wall time on its own) started last would leave one slot idle at the end.
  .sort((a, b) => Number(b.includes('e2e-pack')) - Number(a.includes('e2e-pack')));
run(process.execPath, ['--test', '--test-concurrency=2', ...reporter, ...files]);
