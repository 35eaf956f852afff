import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { packageRoot } from '../package-root.js';
import { renderSchemaFile, SCHEMA_FILE } from './schema-file.js';
import { validateConfig } from './validate.js';

describe('config schema', () => {
  it('the shipped JSON schema is generated from src/config/schema.ts (run `npm run schema` after changing it)', () => {
    assert.equal(fs.readFileSync(path.join(packageRoot(), SCHEMA_FILE), 'utf8'), renderSchemaFile());
  });

  const presets = fs.readdirSync(path.join(packageRoot(), 'presets')).filter((f) => f.endsWith('.json'));
  for (const preset of presets) {
    it(`built-in preset ${preset} is valid (hooks skip validating it at run time)`, () => {
      const config = JSON.parse(fs.readFileSync(path.join(packageRoot(), 'presets', preset), 'utf8'));
      assert.deepEqual(validateConfig(config), []);
    });
  }
});
