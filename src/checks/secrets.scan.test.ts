import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fake } from './secret-rules/fake.js';
import { keepKeywordLines, keepLines, scanTexts } from './secrets.scan.js';

describe('keepKeywordLines', () => {
  it('blanks lines without a keyword and keeps line numbers, PEM blocks whole', () => {
    const text = ['plain', 'my_token = 1', 'other', '-----BEGIN EC PRIVATE KEY-----', 'AAAA', 'BBBB', '-----END EC PRIVATE KEY-----', 'tail'].join('\n');
    assert.deepEqual(keepKeywordLines(text).split('\n'), ['', 'my_token = 1', '', '-----BEGIN EC PRIVATE KEY-----', 'AAAA', 'BBBB', '-----END EC PRIVATE KEY-----', '']);
    assert.equal(keepKeywordLines('plain words\nat all'), '\n');
  });
});

describe('keepLines', () => {
  it('keeps only the given 1-based lines', () => assert.equal(keepLines('a\nb\nc', new Set([2])), '\nb\n'));
});

describe('scanTexts', () => {
  it('scans files in batches and maps each finding back to its own file, line and column', async () => {
    const key = 'gl' + 'pat-' + 'AUsdMlHUvTCQCyEZDz-T';
    const results = await scanTexts([
      { path: 'a.ts', content: 'const x = 1;\n' },
      { path: 'b.ts', content: `\n\n  const t = "${key}";\n` },
      { path: 'c.yml', content: `token: ${key}\n` },
      { path: 'd.ts', content: `const t = "${key}";\n`, lines: new Set([2]) },
    ]);
    assert.deepEqual(results.map((found) => found.map(({ rule, line, column }) => [rule, line, column])), [
      [],
      [['mcflow/gitlab', 3, 14]],
      [['mcflow/gitlab', 1, 8]],
      [],
    ]);
  });
});

describe('context beyond the scanned lines', () => {
  it('lets a rule read the lines a diff or the keyword filter blanks: an Algolia key beside its index name', async () => {
    const key = 'deaab78bcdfe96b599497d25acc6460e'.replace('dea', 'd3a');
    const content = `export default {\n  algolia: {\n    appId: '7H67QR5P0A',\n    apiKey: '${key}',\n    indexName: 'docs',\n  },\n};\n`;
    const [found] = await scanTexts([{ path: 'docs/config.ts', content, lines: new Set([4]) }]);
    assert.deepEqual(found!.map((secret) => [secret.rule, secret.severity]), [['mcflow/algolia', 'warning']]);
  });
});

describe('keyword search on texts that repeat keywords', () => {
  // Built at run time: no scannable literal in this file.
  const gitlab = 'gl' + 'pat-' + 'AUsdMlHUvTCQCyEZDz-T';
  const stripe = (i: number) => `sk${'_live_'}${fake(`stripe-${i}`, 24)}`;

  it('still finds a rule whose keyword first appears after thousands of other keywords', async () => {
    const begin = `${'-----BEGIN ' + 'PRIVATE KEY-----'}\n`.repeat(5000);
    const findings = Array.from({ length: 300 }, (_, i) => `API_KEY_${i}=${stripe(i)}\n`).join('');
    const [found] = await scanTexts([{ path: 'a.txt', content: `${begin}${findings}token: ${gitlab}\n` }]);
    assert.equal(found!.filter((secret) => secret.rule === 'mcflow/stripe').length, 300);
    assert.deepEqual(found!.filter((secret) => secret.rule === 'mcflow/gitlab').map((secret) => secret.line), [5000 + 300 + 1]);
  });
});

describe('preset rules ours replace', () => {
  it('are not reported even when secretlint runs on the text (one rule, one verdict per format)', async () => {
    // The database URL on the same line hands the line to secretlint, whose slack rule flags
    // Slack's documented placeholder; ours knows it for one, and ours is the verdict.
    const placeholder = 'xoxe.xoxp-1-' + 'RANDOMSTRINGHERE';
    const content = `notify --db postgres://app:Zq8vLr2mXw9tKp4s@db.internal:5432/app --slack-token ${placeholder}\n`;
    const [found] = await scanTexts([{ path: 'notify.sh', content }]);
    assert.deepEqual(found!.map(({ rule }) => rule), ['secretlint/database-connection-string']);
  });
});
