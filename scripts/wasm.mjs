// Assembles src/checks/*.wat into the TypeScript modules that carry their bytes
// (src/checks/<name>.wasm.ts), so that neither the bundle nor the library needs a loader or a
// file beside it. `npm run wasm` rewrites them; `--check` fails when one is out of date
// (the test suite runs the same comparison: see src/checks/secrets.walk.test.ts).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { wasmModuleSource } from './wasm-source.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const check = process.argv.includes('--check');
const dir = path.join(root, 'src/checks');
let stale = 0;
for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.wat'))) {
  const target = path.join(dir, file.replace(/\.wat$/, '.wasm.ts'));
  const wanted = await wasmModuleSource(path.join(dir, file));
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (current === wanted) continue;
  if (check) {
    console.error(`${path.relative(root, target)} is out of date: run npm run wasm`);
    stale++;
  } else {
    fs.writeFileSync(target, wanted);
    console.log(`wrote ${path.relative(root, target)}`);
  }
}
process.exitCode = stale > 0 ? 1 : 0;
