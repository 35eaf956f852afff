// `npm run test:compat`: the built test suite under Node 22 and 24 (fetched with npx), for the
// versions users run besides the Node 20 minimum. Not part of `npm test`: it needs the registry.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONCURRENCY, ramTempDir, shards } from './test-shards.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
const files = fs.readdirSync(path.join(root, '.build'), { recursive: true }).filter((f) => f.endsWith('.test.js')).map((f) => path.join('.build', f)).sort();
// The same shards as `npm test`: what runs under Node 22 and 24 is what runs under 20.
const entries = shards(root, files);
const tmp = ramTempDir();
let failed = false;
for (const version of ['22', '24']) {
  const bin = execFileSync('npx', ['-y', '-p', `node@${version}`, 'which', 'node'], { encoding: 'utf8' }).trim().split('\n').pop();
  console.log(`\n# Node ${execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim()}`);
  const env = { ...process.env, PATH: `${path.dirname(bin)}${path.delimiter}${process.env.PATH}`, ...(tmp ? { TMPDIR: tmp } : {}) };
  const result = spawnSync(bin, ['--test', `--test-concurrency=${CONCURRENCY}`, '--test-reporter=dot', ...entries], { cwd: root, env, stdio: 'inherit' });
  failed ||= result.status !== 0;
}
if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
