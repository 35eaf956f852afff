// `npm run bench`: runs every bench/*.bench.mjs (or those named on the command line) in order.
// Each prints its own medians and ratios. Not a test: nothing here fails a build.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, RUNS } from './lib.mjs';

const only = process.argv.slice(2);
const files = fs
  .readdirSync(path.join(ROOT, 'bench'))
  .filter((file) => file.endsWith('.bench.mjs'))
  .filter((file) => only.length === 0 || only.some((name) => file.includes(name)))
  .sort();
console.log(`# mcflow-hooks benchmarks — node ${process.version}, ${RUNS} runs per case (BENCH_RUNS), medians; NODE_EXTRA_CA_CERTS unset`);
for (const file of files) {
  const { default: bench } = await import(path.join(ROOT, 'bench', file));
  await bench();
}
