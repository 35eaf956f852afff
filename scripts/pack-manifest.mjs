// The published package.json carries no `prepare`: that script builds this checkout and installs
// our own hooks, its file (scripts/prepare.mjs) is not in the tarball, and npm would list the
// package as one with install scripts. `prepack` strips it, `postpack` puts the file back as it was.
// Both write through a rename, so a reader never sees half a file.
import fs from 'node:fs';

const FILE = 'package.json';
const SAVED = '.package.json.prepack';
const [action] = process.argv.slice(2);

function writeAtomically(file, text) {
  fs.writeFileSync(`${file}.tmp`, text);
  fs.renameSync(`${file}.tmp`, file);
}

if (action === 'strip') {
  const text = fs.readFileSync(FILE, 'utf8');
  const data = JSON.parse(text);
  if (data.scripts?.prepare !== undefined) {
    fs.writeFileSync(SAVED, text);
    delete data.scripts.prepare;
    writeAtomically(FILE, `${JSON.stringify(data, null, 2)}\n`);
  }
} else if (action === 'restore') {
  if (fs.existsSync(SAVED)) {
    writeAtomically(FILE, fs.readFileSync(SAVED, 'utf8'));
    fs.rmSync(SAVED);
  }
} else {
  console.error('usage: node scripts/pack-manifest.mjs strip|restore');
  process.exit(2);
}
