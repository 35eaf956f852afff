import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maskDeep, maskTexts } from './secrets.mask.js';
import { SECRET_RULES } from './secret-rules/index.js';
import { prefilter } from './secrets.keywords.js';
import { mayContainSecret } from './secrets.scan.js';
import { stripUserinfo } from '../url-userinfo.js';

// Built at run time so this file holds no scannable token.
const TOKEN = 'ghp_' + '1a2B3c4D5e6F7g8H9i0JkLmNoPqRsTuVwXyZ';

describe('masking echoed text', () => {
  it('removes userinfo from every URL, with or without a password', () => {
    assert.equal(stripUserinfo('push to https://x-access-token:abc123@github.com/acme/app.git now'), 'push to https://github.com/acme/app.git now');
    assert.equal(stripUserinfo('https://tok3n@host/x and ssh://git@host/y'), 'https://host/x and ssh://host/y');
    assert.equal(stripUserinfo('git@github.com:acme/app.git and a@b.c'), 'git@github.com:acme/app.git and a@b.c', 'no scheme: not a URL with userinfo');
  });

  it('masks what the secret rules find, as file findings are masked, and leaves other text alone', async () => {
    const [message, assignment, plain, fix] = await maskTexts([
      `for example: "feat: rotate key ${TOKEN}"`,
      'DB_PASSWORD=Summer2024! in the title',
      'feature/login-form is not allowed',
      'add { "fingerprint": "fp2-0123456789abcdef", "reason": "…" } to secrets.allow',
    ]);
    assert.equal(message, 'for example: "feat: rotate key ghp_****...wXyZ"');
    assert.equal(assignment, 'DB_PASSWORD=**** in the title');
    assert.equal(plain, 'feature/login-form is not allowed');
    assert.equal(fix, 'add { "fingerprint": "fp2-0123456789abcdef", "reason": "…" } to secrets.allow');
  });

  it("picks the texts to scan as the keyword regex does once a scan has built the prefilter's tables", async () => {
    prefilter('x');
    const samples = SECRET_RULES.flatMap((rule) => [...rule.samples.secrets, ...rule.samples.notSecrets]);
    for (const sample of [...samples, 'feature/login-form', 'plain words', `"reason": "…" ${TOKEN}`, 'İ secret = 1']) {
      for (const text of [sample, sample.toUpperCase(), `${sample} …`]) {
        assert.equal(prefilter(text)?.any ?? mayContainSecret(text), mayContainSecret(text), JSON.stringify(text.slice(0, 80)));
      }
    }
    const [message, plain, fix] = await maskTexts([`rotate key ${TOKEN} …`, 'feature/login-form is not allowed', 'add { "reason": "…" } to secrets.allow']);
    assert.equal(message, 'rotate key ghp_****...wXyZ …');
    assert.equal(plain, 'feature/login-form is not allowed');
    assert.equal(fix, 'add { "reason": "…" } to secrets.allow');
  });

  it('masks each of many texts as it masks that text alone, whatever its neighbours and lines', async () => {
    prefilter('x');
    const samples = SECRET_RULES.flatMap((rule) => rule.samples.secrets);
    // Secrets among plain texts, texts of several lines (a key block among them), empty ones,
    // repeats, and characters beyond Latin-1: the texts are searched for keywords together.
    const texts = samples.flatMap((sample, index) => [
      sample,
      'plain words',
      '',
      `line one\n${sample}\nline three …`,
      index % 3 === 0 ? 'feature/login-form' : `${sample} …`,
      sample,
    ]);
    const together = await maskTexts(texts);
    const alone = await Promise.all(texts.map(async (text) => (await maskTexts([text]))[0]!));
    assert.deepEqual(together, alone);
    assert.ok(together.filter((text, index) => text !== texts[index]).length >= samples.length, 'the secrets are masked');
  });

  it('masks every string of a report, keeping its shape', async () => {
    const report = { findings: [{ check: 'branch-name', message: `Branch "feature/${TOKEN}"`, line: 3, ok: true }], skipped: [], reasons: { x: 'why' } };
    const masked = await maskDeep(report);
    assert.deepEqual(masked, { findings: [{ check: 'branch-name', message: 'Branch "feature/ghp_****...wXyZ"', line: 3, ok: true }], skipped: [], reasons: { x: 'why' } });
    assert.ok(report.findings[0]!.message.includes(TOKEN), 'the input is not changed');
  });

  it('masks keys too: a secret used as a key (a map keyed by value) is not printed', async () => {
    const other = TOKEN.replace('1a2B', '9z8Y');
    const report = { byValue: { [TOKEN]: 2, [other]: 1, plain: 0 }, nested: [{ [`feature/${TOKEN}`]: { [TOKEN]: 'x' } }] };
    const masked = await maskDeep(report);
    const text = JSON.stringify(masked);
    assert.ok(!text.includes(TOKEN.slice(4, 20)) && !text.includes(other.slice(4, 20)), text);
    // Two keys that mask alike both stay: nothing in the report is silently dropped.
    assert.equal(Object.keys(masked.byValue).length, 3, text);
    assert.deepEqual(Object.values(masked.byValue).sort(), [0, 1, 2]);
    assert.deepEqual(masked.nested, [{ 'feature/ghp_****...wXyZ': { 'ghp_****...wXyZ': 'x' } }]);
  });
});
