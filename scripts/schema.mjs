// `npm run schema`: regenerates schema/mcflow.schema.json from src/config/schema.ts, and the
// report schemas from src/report/schema.ts.
// A test fails when the committed file and the source disagree.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
const { renderSchemaFile, SCHEMA_FILE } = await import(path.join(root, '.build/src/config/schema-file.js'));
fs.writeFileSync(path.join(root, SCHEMA_FILE), renderSchemaFile());
console.log(`wrote ${SCHEMA_FILE}`);
// The JSON reports' schemas, from src/report/schema.ts.
const { renderReportSchema, REPORT_SCHEMA_FILES } = await import(path.join(root, '.build/src/report/schema.js'));
for (const file of Object.keys(REPORT_SCHEMA_FILES)) {
  fs.writeFileSync(path.join(root, file), renderReportSchema(file));
  console.log(`wrote ${file}`);
}
