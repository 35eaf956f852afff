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

/** Integration test files are split into this many processes (see shards()). */
const INTEGRATION_SHARDS = 3;

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
// A filtered run (`npm test -- secrets`) runs each file in a process of its own, as node does.
const entries = filter.length > 0 ? files : shards(files);
const tmp = ramTempDir();
// Ctrl-C reaches the test processes too; this one waits for them, then removes the temp dir.
process.on('SIGINT', () => {});
const tests = spawnSync(process.execPath, ['--test', '--test-concurrency=2', ...reporter, ...entries], { cwd: root, stdio: 'inherit', env: tmp ? { ...process.env, TMPDIR: tmp } : process.env });
if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
process.exit(tests.status ?? 1);

/**
 * A temp dir on a RAM-backed file system for the run's repositories, or undefined. The tests make
 * and remove thousands of repositories of small files; on Linux's /dev/shm (tmpfs) that costs the
 * kernel less than a disk's journal (a fifth of the integration tests' system time on the 2-core
 * development machine). Only with room to spare (a container's default /dev/shm is 64 MB), and
 * never over a TMPDIR the user chose.
 */
function ramTempDir() {
  if (process.env.TMPDIR || process.platform !== 'linux') return undefined;
  try {
    const { bavail, bsize } = fs.statfsSync('/dev/shm');
    if (bavail * bsize < 2 * 2 ** 30) return undefined;
    return fs.mkdtempSync('/dev/shm/mcflow-tests-');
  } catch {
    return undefined;
  }
}

/**
 * The whole suite as a few processes rather than one per file. Each file node runs alone costs a
 * process, node's test harness and the ESM load of the modules it imports (~0.15–0.4 s of CPU);
 * 100+ files paid that 100+ times, a fifth of the suite's CPU on a 2-core machine. A shard is a
 * generated file that imports its test files in order: node:test registers and runs their tests
 * as if each file ran alone, one after another (file-level hooks and repository templates stay
 * per file: test/helpers/repo.ts). Shards stay small enough that forking git from them is cheap
 * (a fork copies the parent's page tables: ~2.6 ms per spawn at 300 MB RSS against 0.5 ms at 50 MB).
 * The packed-tarball e2e file keeps a process of its own and starts first: it is the longest, and
 * it changes the environment of nothing else.
 */
function shards(all) {
  const dir = path.join(root, '.build', 'shards');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir);
  const alone = all.filter((file) => file.includes('e2e-pack'));
  const units = all.filter((file) => file.startsWith(path.join('.build', 'src')));
  const integration = all.filter((file) => !alone.includes(file) && !units.includes(file));
  // Greedy by size, largest first: the compiled file's size is a fair proxy for its run time.
  const size = (file) => fs.statSync(path.join(root, file)).size;
  const groups = Array.from({ length: INTEGRATION_SHARDS }, () => ({ files: [], size: 0 }));
  for (const file of [...integration].sort((a, b) => size(b) - size(a))) {
    const group = groups.reduce((least, next) => (next.size < least.size ? next : least));
    group.files.push(file);
    group.size += size(file);
  }
  const write = (name, members) => {
    const file = path.join(dir, `${name}.test.mjs`);
    const imports = members.sort().map((member) => `await import(${JSON.stringify(path.relative(dir, path.join(root, member)).split(path.sep).join('/').replace(/^(?!\.)/, './'))});`);
    fs.writeFileSync(file, `// Generated by scripts/test.mjs: ${members.length} test files run in one process.\n${imports.join('\n')}\n`);
    return path.relative(root, file);
  };
  return [
    ...alone,
    ...groups.filter((group) => group.files.length > 0).map((group, index) => write(`integration-${index + 1}`, group.files)),
    ...(units.length > 0 ? [write('unit', units)] : []),
  ];
}
