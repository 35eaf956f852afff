// `verify` over a generated range: 1 000 commits adding 5 000 files (~50 MB), and the same at
// 4× (4 000 commits, 20 000 files, ~200 MB), as whole processes: wall time and peak RSS, side
// by side with the secretlint CLI scanning the same added content (a checkout of the range's
// head, where every file was added once by the range).
//
// Peak RSS is GNU time's %M: the largest resident set of the process or of any one of its
// children (getrusage's ru_maxrss), not a sum. For verify that is the node process (its git
// children are smaller); for secretlint, its node process.
//
// Runs: verify min(BENCH_RUNS, 3) times per range, round-robin, medians. secretlint takes about
// 1.5 minutes over the 1× range on a 2-core machine, so it runs once (BENCH_SECRETLINT_RUNS) and
// over the 4× range only with BENCH_SECRETLINT_4X=1 (about 6 more minutes). BENCH_VERIFY_COMMITS
// changes the 1× size (default 1 000 commits).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CLI, ROOT, RUNS, benchEnv, median, sh, tempDir } from './lib.mjs';

const FILES_PER_COMMIT = 5;
const FILE_BYTES = 10_000;
const TIME = '/usr/bin/time';

/** A deterministic, code-like file of about FILE_BYTES, different for every (commit, file). */
function fileContent(commit, file) {
  const lines = [`// module ${commit}.${file}`, `import { helper } from '../lib/helper-${file}.js';`];
  let size = lines.join('\n').length;
  for (let i = 0; size < FILE_BYTES; i++) {
    const line =
      i % 7 === 0
        ? `const url_${i} = process.env.SERVICE_URL_${i} ?? 'https://api.example.com/v${commit % 9}/items/${i}';`
        : `export function handler_${commit}_${file}_${i}(input) { return helper(input, ${(commit * 31 + i * 17) % 1000}, 'value-${i}'); }`;
    lines.push(line);
    size += line.length + 1;
  }
  return `${lines.join('\n')}\n`;
}

/**
 * A repository whose `main` is an empty root commit plus `commits` commits, each adding
 * FILES_PER_COMMIT new files, written through one `git fast-import` (seconds, not minutes).
 */
export function generateRange(home, commits) {
  const dir = tempDir();
  const env = benchEnv(home);
  sh('git', ['init', '-q', '--initial-branch=main'], { cwd: dir, env });
  const chunks = [];
  const push = (text) => chunks.push(Buffer.from(text));
  push(`commit refs/heads/main\nmark :1\ncommitter Bench <bench@example.com> 1700000000 +0000\ndata 19\nchore: empty root\n\n`);
  let addedBytes = 0;
  for (let c = 1; c <= commits; c++) {
    const message = `feat(module-${c % 40}): add module batch ${c}`;
    push(`commit refs/heads/main\nmark :${c + 1}\ncommitter Bench <bench@example.com> ${1700000000 + c} +0000\ndata ${Buffer.byteLength(message)}\n${message}\nfrom :${c}\n`);
    for (let f = 0; f < FILES_PER_COMMIT; f++) {
      const content = fileContent(c, f);
      addedBytes += Buffer.byteLength(content);
      push(`M 100644 inline src/batch-${Math.floor(c / 100)}/module-${c}-${f}.js\ndata ${Buffer.byteLength(content)}\n${content}\n`);
    }
  }
  sh('git', ['fast-import', '--quiet'], { cwd: dir, env, input: Buffer.concat(chunks), maxBuffer: 1 << 30 });
  sh('git', ['checkout', '-q', '-f', 'main'], { cwd: dir, env });
  const root = sh('git', ['rev-list', '--max-parents=0', 'main'], { cwd: dir, env }).stdout.trim();
  // secretlint needs its rule preset: resolve it from our node_modules, as a project would.
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  fs.writeFileSync(path.join(dir, '.secretlintrc.json'), JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
  fs.appendFileSync(path.join(dir, '.git/info/exclude'), 'node_modules\n.secretlintrc.json\n');
  return { dir, env, root, addedBytes, files: commits * FILES_PER_COMMIT };
}

/** One whole-process run under GNU time: wall ms from our clock, peak RSS from time's %M. */
function measure(c) {
  const rssFile = path.join(c.cwd, '..', `rss-${process.pid}.txt`);
  const start = process.hrtime.bigint();
  const result = spawnSync(TIME, ['-f', '%M', '-o', rssFile, c.command, ...c.args], { cwd: c.cwd, env: c.env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (!c.okStatus.includes(result.status)) throw new Error(`${c.label} exited ${result.status}:\n${result.stderr}`);
  const rssKb = Number(fs.readFileSync(rssFile, 'utf8').trim().split('\n').pop());
  return { ms, rssMb: rssKb / 1024, status: result.status };
}

function verifyCase(range, scale) {
  return {
    label: `mcflow-hooks verify ${scale}`,
    command: process.execPath,
    args: [CLI, 'verify', '--base', range.root, '--head', 'main', '--format', 'json'],
    cwd: range.dir,
    env: range.env,
    okStatus: [0, 1],
  };
}

/** The range source alone with every blob and added-line set read: the I/O a content-scanning check adds. */
function sourceCase(range, scale) {
  return {
    label: `range source, all content read ${scale}`,
    command: process.execPath,
    args: [path.join(ROOT, 'bench/read-range.mjs'), range.root],
    cwd: range.dir,
    env: range.env,
    okStatus: [0],
  };
}

function secretlintCase(range, scale) {
  return {
    label: `secretlint ${scale}`,
    command: path.join(ROOT, 'node_modules/.bin/secretlint'),
    args: ['src/**/*', '--secretlintrc', '.secretlintrc.json'],
    cwd: range.dir,
    env: range.env,
    okStatus: [0, 1],
  };
}

/** Round-robin runs of each case; medians of wall time and peak RSS. */
function runAll(entries) {
  const samples = new Map(entries.map(({ c }) => [c.label, []]));
  const most = Math.max(...entries.map((entry) => entry.runs));
  for (let i = 0; i < most; i++) for (const { c, runs } of entries) if (i < runs) samples.get(c.label).push(measure(c));
  return Object.fromEntries(
    [...samples].map(([label, values]) => [label, { ms: median(values.map((v) => v.ms)), rssMb: median(values.map((v) => v.rssMb)), status: values[0].status, runs: values.length }]),
  );
}

export default async function benchVerify() {
  if (!fs.existsSync(TIME)) {
    console.log('\n## verify over a range\n\n  skipped: /usr/bin/time (GNU time) is needed to read peak RSS honestly');
    return [];
  }
  const runs = Math.max(1, Math.min(RUNS, 3));
  const home = tempDir();
  const started = Date.now();
  const base = Number(process.env.BENCH_VERIFY_COMMITS ?? 1000);
  const ranges = { "1×": generateRange(home, base), "4×": generateRange(home, base * 4) };
  const generation = ((Date.now() - started) / 1000).toFixed(1);

  const secretlintRuns = Math.max(1, Number(process.env.BENCH_SECRETLINT_RUNS ?? 1));
  const result = runAll([
    { c: verifyCase(ranges['1×'], '1×'), runs },
    { c: verifyCase(ranges['4×'], '4×'), runs },
    { c: sourceCase(ranges['1×'], '1×'), runs },
    { c: sourceCase(ranges['4×'], '4×'), runs },
    { c: secretlintCase(ranges['1×'], '1×'), runs: secretlintRuns },
    ...(process.env.BENCH_SECRETLINT_4X === '1' ? [{ c: secretlintCase(ranges['4×'], '4×'), runs: secretlintRuns }] : []),
  ]);
  const checksRan = /checks passed: (.*)/.exec(
    spawnSync(process.execPath, [CLI, 'verify', '--base', ranges['1×'].root, '--head', 'main'], { cwd: ranges['1×'].dir, env: ranges['1×'].env, encoding: 'utf8' }).stdout,
  )?.[1];

  console.log(`\n## verify over a generated range (medians; repositories generated in ${generation} s)\n`);
  for (const [scale, range] of Object.entries(ranges)) {
    console.log(`  ${scale}: ${range.files / FILES_PER_COMMIT} commits, ${range.files} files, ${(range.addedBytes / 1e6).toFixed(1)} MB added`);
  }
  console.log(`  checks verify ran: ${checksRan ?? '(see the output of mcflow-hooks verify)'}`);
  if (!checksRan?.includes('secrets')) console.log('  note: no content-scanning check (secrets) is registered in this build: verify reads the range but scans no content');
  console.log('');
  const width = Math.max(...Object.keys(result).map((k) => k.length));
  for (const [label, r] of Object.entries(result)) {
    console.log(`  ${label.padEnd(width)}  ${r.ms.toFixed(0).padStart(8)} ms  ${r.rssMb.toFixed(0).padStart(5)} MB peak RSS  (exit ${r.status}, ${r.runs} ${r.runs === 1 ? 'run' : 'runs'})`);
  }
  const ratio = (a, b) => result[a].ms / result[b].ms;
  const bytes = ranges['4×'].addedBytes / ranges['1×'].addedBytes;
  const lines = [
    ['secretlint 1× / mcflow-hooks verify 1×', ratio('secretlint 1×', 'mcflow-hooks verify 1×'), 50, 'min'],
    [`mcflow-hooks verify 4× / 1× (added bytes ${bytes.toFixed(2)}×)`, ratio('mcflow-hooks verify 4×', 'mcflow-hooks verify 1×'), bytes, 'max'],
    [`range source, all content read 4× / 1× (added bytes ${bytes.toFixed(2)}×)`, ratio('range source, all content read 4×', 'range source, all content read 1×'), bytes, 'max'],
    ['secretlint 1× / range source, all content read 1×', ratio('secretlint 1×', 'range source, all content read 1×')],
  ];
  if (result['secretlint 4×']) {
    lines.push(['secretlint 4× / mcflow-hooks verify 4×', ratio('secretlint 4×', 'mcflow-hooks verify 4×'), 3, 'min']);
    lines.push(['secretlint 4× / 1×', ratio('secretlint 4×', 'secretlint 1×')]);
  }
  console.log('');
  for (const [label, value, target, kind] of lines) {
    // "No worse than linear": growth per added byte within 10% of 1×, the noise of a 3-run median.
    const limit = kind === 'max' ? target * 1.1 : target;
    const verdict =
      target === undefined ? '' : (kind === 'min' ? value >= limit : value <= limit) ? `  ✓ (target ${kind === 'min' ? '≥' : '≤'} ${limit.toFixed(2)}×${kind === 'max' ? ', linear + 10%' : ''})` : `  ✗ (target ${kind === 'min' ? '≥' : '≤'} ${limit.toFixed(2)}×${kind === 'max' ? ', linear + 10%' : ''})`;
    console.log(`  ${label} = ${value.toFixed(2)}×${verdict}`);
  }

  for (const label of ['mcflow-hooks verify 1×', 'mcflow-hooks verify 4×', 'range source, all content read 1×', 'range source, all content read 4×']) {
    const rss = result[label].rssMb;
    console.log(`  ${label} peak RSS ${rss.toFixed(0)} MB ${rss <= 250 ? '✓' : '✗'} (target ≤ 250 MB)`);
  }
  return result;
}
