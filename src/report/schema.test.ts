import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { packageRoot } from '../package-root.js';
import { formatJson } from './json.js';
import { renderReportSchema, REPORT_SCHEMA_FILES } from './schema.js';

const require = createRequire(import.meta.url);

describe('report schemas', () => {
  for (const file of Object.keys(REPORT_SCHEMA_FILES) as (keyof typeof REPORT_SCHEMA_FILES)[]) {
    it(`${file} is generated from src/report/schema.ts (run \`npm run schema\` after changing it)`, () => {
      assert.equal(fs.readFileSync(path.join(packageRoot(), file), 'utf8'), renderReportSchema(file));
    });
  }

  it('rejects what the types rule out: an unknown key, a missing one, a bad severity', () => {
    const Ajv = require('ajv') as new (options: object) => { compile(schema: object): (data: unknown) => boolean };
    const validate = new Ajv({ strict: true }).compile(JSON.parse(renderReportSchema('schema/verify-report.schema.json')) as object);
    const report = JSON.parse(formatJson({ findings: [{ check: 'secrets', severity: 'error', message: 'x', line: 3, rules: ['r'] }], skipped: [], reasons: {} })) as {
      findings: Record<string, unknown>[];
    };
    assert.equal(validate(report), true);
    assert.equal(validate({ ...report, extra: 1 }), false);
    assert.equal(validate({ ...report, findings: [{ ...report.findings[0], severity: 'fatal' }] }), false);
    assert.equal(validate({ ...report, findings: [{ severity: 'error', message: 'x' }] }), false);
  });
});
