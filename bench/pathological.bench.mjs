// Pathological inputs, each read by `verify` over the one commit that adds it, as a ratio to
// git's own read of the same bytes in the same run (`git log -p` of that commit plus
// `git cat-file blob` of the file). Target: every one ≤ 3×. Two ratios are printed: whole
// processes (Node's start and verify's fixed work — config, commitlint, the other checks —
// included), and the marginal one: verify over the input minus verify over an empty commit,
// against git's read, which is what the input itself costs us (the target applies to it). A
// third, for information: minus verify over a commit adding one small file with one finding,
// which also pays the costs any finding brings once per run (the scanner's first use, V8
// compiling the rules' regexes and tests, masking a report); what is left grows with the input. The files:
//   one-line   a single 30 MB line
//   begin      1 MB of "-----BEGIN PRIVATE KEY-----" lines with no END
//   findings   100 000 lines that each look like a secret (output is capped, the scan is not)
//   short      100 000 short lines
import fs from 'node:fs';
import path from 'node:path';
import { CLI, RUNS, benchEnv, report, sh, sideBySide, tempDir } from './lib.mjs';

// Built at run time: no scannable value in this file.
const KEY = 'sk_' + 'live_';

const INPUTS = {
  'one-line': () => `${'x'.repeat(30 * 1024 * 1024)}\n`,
  begin: () => `${'-----BEGIN ' + 'PRIVATE KEY-----'}\n`.repeat(Math.ceil((1024 * 1024) / 28)),
  findings: () => Array.from({ length: 100_000 }, (_, i) => `API_KEY_${i}=${KEY}${String(i).padStart(24, 'a1B2c3D4e5F6g7H8i9J0kLmN')}\n`).join(''),
  short: () => Array.from({ length: 100_000 }, (_, i) => `v${i}\n`).join(''),
};

export default async function benchPathological() {
  const home = tempDir();
  const dir = tempDir();
  const env = benchEnv(home);
  sh('git', ['init', '-q', '--initial-branch=main'], { cwd: dir, env });
  // Large files allowed: the point is to scan them (an allow-listed large file is still scanned).
  fs.writeFileSync(path.join(dir, '.mcflowrc.json'), JSON.stringify({ files: { allowLarge: ['**'] } }));
  sh('git', ['add', '.'], { cwd: dir, env });
  sh('git', ['commit', '-q', '--no-verify', '-m', 'chore: root'], { cwd: dir, env });
  const medians = {};
  const ratios = [];
  const marginal = [];
  sh('git', ['commit', '-q', '--allow-empty', '--no-verify', '-m', 'chore: empty'], { cwd: dir, env });
  const empty = sh('git', ['rev-parse', 'HEAD'], { cwd: dir, env }).stdout.trim();
  // One finding in a three-line file: the fixed costs of a run that finds something.
  fs.writeFileSync(path.join(dir, 'one-finding.txt'), `# billing\nSTRIPE_SECRET_KEY=${KEY}${'q7Lm2vR9tKz4Xw8Bn5Jc3Hd6'}\nplain line\n`);
  sh('git', ['add', '.'], { cwd: dir, env });
  sh('git', ['commit', '-q', '--no-verify', '-m', 'test: one finding'], { cwd: dir, env });
  const oneFinding = sh('git', ['rev-parse', 'HEAD'], { cwd: dir, env }).stdout.trim();
  const oneFindingStatus = sh(process.execPath, [CLI, 'verify', '--base', `${oneFinding}~1`, '--head', oneFinding, '--format', 'json'], { cwd: dir, env, allowFailure: true }).status;
  const fromOneFinding = [];
  for (const [name, make] of Object.entries(INPUTS)) {
    const base = sh('git', ['rev-parse', 'HEAD'], { cwd: dir, env }).stdout.trim();
    fs.writeFileSync(path.join(dir, `${name}.txt`), make());
    sh('git', ['add', '.'], { cwd: dir, env });
    sh('git', ['commit', '-q', '--no-verify', '-m', `test: ${name}`], { cwd: dir, env });
    const head = sh('git', ['rev-parse', 'HEAD'], { cwd: dir, env }).stdout.trim();
    const blob = sh('git', ['rev-parse', `HEAD:${name}.txt`], { cwd: dir, env }).stdout.trim();
    const args = [CLI, 'verify', '--base', base, '--head', head, '--format', 'json'];
    const expectStatus = sh(process.execPath, args, { cwd: dir, env, allowFailure: true, maxBuffer: 1 << 30 }).status;
    const times = sideBySide(
      [
        { label: `git ${name}`, command: 'sh', args: ['-c', `git log -p --format= ${base}..${head} >/dev/null && git cat-file blob ${blob} >/dev/null`], cwd: dir, env },
        { label: `verify ${name}`, command: process.execPath, args, cwd: dir, env, expectStatus },
        { label: `verify empty (${name} run)`, command: process.execPath, args: [CLI, 'verify', '--base', `${empty}~1`, '--head', empty, '--format', 'json'], cwd: dir, env },
        { label: `verify one finding (${name} run)`, command: process.execPath, args: [CLI, 'verify', '--base', `${oneFinding}~1`, '--head', oneFinding, '--format', 'json'], cwd: dir, env, expectStatus: oneFindingStatus },
      ],
      Math.min(RUNS, 5),
    );
    Object.assign(medians, times);
    ratios.push([`verify ${name}`, `git ${name}`, 3]);
    marginal.push([name, (times[`verify ${name}`] - times[`verify empty (${name} run)`]) / times[`git ${name}`]]);
    fromOneFinding.push([name, (times[`verify ${name}`] - times[`verify one finding (${name} run)`]) / times[`git ${name}`]]);
  }
  const results = report('pathological inputs: verify vs git reading the same bytes (whole processes)', medians, ratios);
  console.log('\n  marginal: (verify over the input − verify over an empty commit) / git reading the input');
  for (const [name, ratio] of marginal) console.log(`  ${name} = ${ratio.toFixed(2)}× ${ratio <= 3 ? '✓' : '✗'} (target ≤ 3×)`);
  console.log('\n  for information: (verify over the input − verify over a commit adding one small file with one finding) / git reading the input');
  for (const [name, ratio] of fromOneFinding) console.log(`  ${name} = ${ratio.toFixed(2)}×`);
  return results;
}
