// The rule fixture table: every rule's own true- and false-positive samples, run through the
// rule alone, through secretlint as a secretlint rule, and through the whole scan (preset
// included), so a sample that only passes because the preset misses it, or fails because the
// preset flags a placeholder, shows.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { lintSource } from '@secretlint/core';
import { findSecrets, toSecretlintRule } from './define.js';
import { SECRET_RULES } from './index.js';
import { isPlaceholder } from './placeholder.js';
import { scanTexts } from '../secrets.scan.js';

const fileOf = (ext = '.env') => `config/settings${ext}`;

async function asSecretlintRule(rule: (typeof SECRET_RULES)[number], sample: string) {
  const ext = rule.samples.ext ?? '.env';
  const result = await lintSource({
    source: { content: sample, filePath: fileOf(ext), ext, contentType: 'text' },
    options: { config: { rules: [{ id: rule.id, rule: toSecretlintRule(rule) }] }, maskSecrets: true },
  });
  return result.messages;
}

describe('secret rules', () => {
  for (const rule of SECRET_RULES) {
    describe(rule.id, () => {
      assert.ok(rule.samples.secrets.length > 0 && rule.samples.notSecrets.length > 0, 'each rule has both kinds of sample');
      for (const sample of rule.samples.secrets) {
        it(`finds ${JSON.stringify(sample.slice(0, 24))}…`, async () => {
          assert.equal(findSecrets(rule, sample, rule.samples.ext ?? '.env').length, 1, 'the rule alone');
          assert.equal((await asSecretlintRule(rule, sample)).length, 1, 'as a secretlint rule');
          const [found] = await scanTexts([{ path: fileOf(rule.samples.ext), content: sample }]);
          assert.equal(found!.length, 1, `the whole pass: ${JSON.stringify(found?.map((f) => f.rule))}`);
        });
      }
      for (const sample of rule.samples.notSecrets) {
        it(`ignores ${JSON.stringify(sample.slice(0, 40))}`, async () => {
          assert.deepEqual(findSecrets(rule, sample, rule.samples.ext ?? '.env'), [], 'the rule alone');
          assert.deepEqual(await asSecretlintRule(rule, sample), [], 'as a secretlint rule');
          const [found] = await scanTexts([{ path: fileOf(rule.samples.ext), content: sample }]);
          assert.deepEqual(found!.map((f) => f.rule), [], 'the whole pass');
        });
      }
    });
  }

  it('has one file per rule, each listed', () => {
    const dir = path.dirname(fileURLToPath(import.meta.url));
    const helpers = new Set(['define.js', 'index.js', 'placeholder.js', 'secret-rules.test.js']);
    const files = fs.readdirSync(dir).filter((file) => file.endsWith('.js') && !helpers.has(file));
    assert.deepEqual(files.map((file) => `mcflow/${file.replace(/\.js$/, '')}`).sort(), SECRET_RULES.map((rule) => rule.id).sort());
  });
});

describe('isPlaceholder', () => {
  const placeholders = [
    '${SECRET_KEY}', '${{ secrets.STRIPE_KEY }}', 'process.env.API_KEY', 'os.environ["X"]', 'changeme', '<your-token>',
    'ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', '********',
    'your_api_key_here', '{{ .Values.password }}', '$DB_PASSWORD', 'T00000000',
  ];
  for (const value of placeholders) it(`${value} is a placeholder`, () => assert.equal(isPlaceholder(value), true));
  const real = ['u8jzPde0IgxLd6GncfBAepfJ', 'HgxzNN&AL5#wIS', 'bfe228f219e9cb0eb53f16947ccf25ec'];
  for (const value of real) it(`${value} is not`, () => assert.equal(isPlaceholder(value), false));
});
