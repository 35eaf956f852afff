// Used by verify.bench.mjs: builds verify's Change for `--base <root> --head main` and reads
// every file's content and added lines, as a content-scanning check would. It measures the cost
// of the range source itself (git log, git log -p, cat-file --batch) apart from any scanning.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { collectRangeChange } = await import(path.join(root, '.build/src/sources/range.js'));
const [base] = process.argv.slice(2);
const cwd = process.cwd();
const { change, close } = await collectRangeChange({ root: cwd, gitDir: path.join(cwd, '.git') }, { provider: 'local', event: 'range', base: [base], head: 'main' });
let bytes = 0;
let lines = 0;
try {
  await Promise.all(
    change.files.map(async (file) => {
      bytes += (await file.readContent()).length;
      lines += (await file.readAddedLines()).size;
    }),
  );
} finally {
  close();
}
process.stdout.write(`${change.commits.length} commits, ${change.files.length} files, ${bytes} bytes, ${lines} added lines\n`);
