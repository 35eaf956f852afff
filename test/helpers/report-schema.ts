/** JSON reports checked against the schemas we ship (schema/*-report.schema.json), with ajv. */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PACKAGE_ROOT } from './repo.js';

const require = createRequire(import.meta.url);
type Validate = ((data: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null };
const compiled = new Map<string, Validate>();

/** The problems ajv finds in `text` against the shipped schema for `kind` ([] when it is valid). */
export function validateReport(kind: 'verify' | 'audit', text: string): string[] {
  let validate = compiled.get(kind);
  if (!validate) {
    const Ajv = require('ajv') as new (options: object) => { compile(schema: object): Validate };
    const schema = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, `schema/${kind}-report.schema.json`), 'utf8')) as object;
    validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
    compiled.set(kind, validate);
  }
  return validate(JSON.parse(text)) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
