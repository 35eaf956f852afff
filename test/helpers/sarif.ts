/** SARIF output checked against the official SARIF 2.1.0 schema (shipped in @microsoft/jest-sarif): verify's and audit's reports. */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** Validates against the official schema with a draft-04 validator (the schema's own draft). */
export function validateSarif(text: string): string[] {
  const Ajv = require('ajv-draft-04') as new (options: object) => { compile(schema: object): ((data: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] } };
  const schemaFile = path.join(path.dirname(require.resolve('@microsoft/jest-sarif/package.json')), 'lib/schemas/sarif-2.1.0-rtm.5.json');
  const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8')) as object;
  // The schema's `language` pattern is not valid with the u flag ("]?"): compile patterns as the schema's authors did, without it.
  const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(schema);
  return validate(JSON.parse(text)) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
