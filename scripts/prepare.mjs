// `npm install` in this repository: build the CLI (our own hooks run it) and install husky's
// hooks. Never fails an install: outside a git checkout (a tarball, CI cache) or with HUSKY=0,
// husky is skipped with one line, as husky itself does.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (process.env.HUSKY === '0' || !fs.existsSync('.git')) {
  console.log('prepare: not a git checkout (or HUSKY=0): hooks not installed');
} else {
  const { default: husky } = await import('husky');
  const message = husky();
  if (message) console.log(`prepare: husky: ${message}`);
}
