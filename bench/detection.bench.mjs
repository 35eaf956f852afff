// `npm run bench:detection`: what the secrets check finds, per provider family, side by side
// with secretlint's recommended preset on the same files.
// - positives: every rule's generated true samples (src/checks/secret-rules/*.ts);
// - negatives: every rule's false samples, plus the placeholder, look-alike and
//   public-by-design texts of bench/detection-corpus.mjs.
// Each text is written to its own file (with the extension its rule expects) and both scanners
// read the same files in-process: mcflow's whole scan (our rules + the preset, placeholders
// dropped) and secretlint's lintSource with the recommended preset alone. Recall = positives with
// at least one finding; flags = negatives with at least one finding (warnings count).
// Wall times are for scanning all files once, median of BENCH_RUNS (default 5 here).
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, median, tempDir } from './lib.mjs';
import { LOOK_ALIKES, PLACEHOLDERS, PUBLIC_BY_DESIGN } from './detection-corpus.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

export default async function detection() {
  const build = path.join(ROOT, '.build/src/checks');
  if (!fs.existsSync(path.join(build, 'secrets.scan.js'))) throw new Error('run `node scripts/build.mjs` first (npm run bench:detection does)');
  const { SECRET_RULES } = await import(path.join(build, 'secret-rules/index.js'));
  const { scanTexts } = await import(path.join(build, 'secrets.scan.js'));
  const { lintSource } = await import('@secretlint/core');
  const preset = await import('@secretlint/secretlint-rule-preset-recommend');
  const config = { rules: [{ id: preset.creator.meta.id, rule: preset.creator }] };

  /** @type {{ family: string, kind: 'positive' | 'negative' | 'warning' | 'off', text: string, ext: string }[]} */
  const cases = [];
  for (const rule of SECRET_RULES) {
    const family = rule.id.replace('mcflow/', '');
    const ext = rule.samples.ext ?? '.env';
    for (const text of rule.samples.secrets) cases.push({ family, kind: 'positive', text, ext });
    for (const text of rule.samples.notSecrets) cases.push({ family, kind: 'negative', text, ext });
  }
  for (const text of PLACEHOLDERS) cases.push({ family: '(placeholders)', kind: 'negative', text, ext: '.env' });
  for (const text of LOOK_ALIKES) cases.push({ family: '(look-alikes)', kind: 'negative', text, ext: '.yaml' });
  for (const [level, text] of PUBLIC_BY_DESIGN) cases.push({ family: '(public by design)', kind: level, text, ext: '.ts' });

  const dir = tempDir('mcflow-detection-');
  const files = cases.map((item, index) => {
    const file = path.join(dir, item.family.replace(/[()\s]/g, '_'), `${index}${item.ext}`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${item.text}\n`);
    return file;
  });
  const read = () => files.map((file) => ({ path: path.relative(dir, file), content: fs.readFileSync(file, 'utf8') }));

  const oursTimes = [];
  const theirsTimes = [];
  let ours;
  let theirs;
  for (let run = 0; run < RUNS; run++) {
    let start = performance.now();
    ours = await scanTexts(read());
    oursTimes.push(performance.now() - start);
    start = performance.now();
    theirs = [];
    for (const target of read()) {
      const ext = path.extname(target.path);
      const result = await lintSource({ source: { content: target.content, filePath: target.path, ext, contentType: 'text' }, options: { config, maskSecrets: true } });
      theirs.push(result.messages);
    }
    theirsTimes.push(performance.now() - start);
  }

  const families = new Map();
  cases.forEach((item, index) => {
    const row = families.get(item.family) ?? { pos: 0, oursPos: 0, theirsPos: 0, neg: 0, oursNeg: 0, theirsNeg: 0, levels: [] };
    const oursFound = ours[index].length > 0;
    const theirsFound = theirs[index].length > 0;
    if (item.kind === 'positive') {
      row.pos++;
      row.oursPos += oursFound ? 1 : 0;
      row.theirsPos += theirsFound ? 1 : 0;
    } else if (item.kind === 'negative') {
      row.neg++;
      row.oursNeg += oursFound ? 1 : 0;
      row.theirsNeg += theirsFound ? 1 : 0;
    } else {
      const level = ours[index].length === 0 ? 'off' : ours[index].every((f) => f.severity === 'warning') ? 'warning' : 'error';
      row.levels.push(`${level === item.kind ? '✓' : '✗'} ${level}${theirsFound ? ' (secretlint: flags)' : ''}`);
    }
    families.set(item.family, row);
  });

  const pct = (n, d) => (d === 0 ? '   -  ' : `${((100 * n) / d).toFixed(0).padStart(4)} %`);
  console.log(`\n## detection — ${cases.length} files; mcflow (our rules + preset) vs secretlint recommended preset alone`);
  console.log(`${'family'.padEnd(22)} ${'pos'.padStart(4)}  ${'mcflow'.padStart(7)}  ${'secretlint'.padStart(10)}   ${'neg'.padStart(4)}  ${'mcflow'.padStart(7)}  ${'secretlint'.padStart(10)}`);
  console.log(`${''.padEnd(22)} ${''.padStart(4)}  ${'recall'.padStart(7)}  ${'recall'.padStart(10)}   ${''.padStart(4)}  ${'flags'.padStart(7)}  ${'flags'.padStart(10)}`);
  const total = { pos: 0, oursPos: 0, theirsPos: 0, neg: 0, oursNeg: 0, theirsNeg: 0 };
  for (const [family, row] of [...families].sort(([a], [b]) => a.localeCompare(b))) {
    for (const key of Object.keys(total)) total[key] += row[key];
    if (row.levels.length > 0) {
      console.log(`${family.padEnd(22)} levels: ${row.levels.join(', ')}`);
      continue;
    }
    console.log(`${family.padEnd(22)} ${String(row.pos).padStart(4)}  ${pct(row.oursPos, row.pos).padStart(7)}  ${pct(row.theirsPos, row.pos).padStart(10)}   ${String(row.neg).padStart(4)}  ${pct(row.oursNeg, row.neg).padStart(7)}  ${pct(row.theirsNeg, row.neg).padStart(10)}`);
  }
  console.log(`${'TOTAL'.padEnd(22)} ${String(total.pos).padStart(4)}  ${pct(total.oursPos, total.pos).padStart(7)}  ${pct(total.theirsPos, total.pos).padStart(10)}   ${String(total.neg).padStart(4)}  ${pct(total.oursNeg, total.neg).padStart(7)}  ${pct(total.theirsNeg, total.neg).padStart(10)}`);
  const ms = (times) => `${median(times).toFixed(0)} ms`;
  console.log(`wall time, all ${cases.length} files, median of ${RUNS}: mcflow ${ms(oursTimes)} · secretlint preset ${ms(theirsTimes)} (in-process, engine loaded; numbers under load are noisy)`);
}

if (import.meta.url === `file://${process.argv[1]}`) await detection();
