import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Change, Stage } from '../types.js';
import { SECRET_RULES } from './secret-rules/index.js';
import { secrets } from './secrets.js';
import { PLAIN_KEYWORDS } from './secrets.keyword-list.js';
import { mayHoldSecret, secretsMayFind } from './secrets.prefilter.js';
import { mayContainSecret, scanTexts } from './secrets.scan.js';

/** Every rule's samples, as they are and as people put them in a commit message. */
function texts(): string[] {
  const samples = SECRET_RULES.flatMap((rule) => [...rule.samples.secrets, ...rule.samples.notSecrets]);
  const ordinary = ['feat: add login form', 'fix(ui): align the header', 'docs: explain the release steps', 'chore: bump deps', '', 'Ünïcödé ſ K İ ς σ'];
  return [...ordinary, ...samples].flatMap((sample) => [
    sample,
    sample.toUpperCase(),
    `feat: rotate the credentials\n\n${sample}\n`,
    `fix: ${sample.replace(/\n/g, ' ')}`,
  ]);
}

const messageChange = (text: string, stage: Stage = 'commit-msg'): Change => ({ stage, messages: [{ text }] });

describe('secrets prefilter', () => {
  it("says yes to every text the scanner's own keyword filter lets through", () => {
    for (const text of texts()) if (mayContainSecret(text)) assert.ok(mayHoldSecret(text), JSON.stringify(text.slice(0, 80)));
  });

  it('says yes to every text in which the scan finds a secret (every rule, every sample)', async () => {
    const all = texts();
    const results = await scanTexts(all.map((content) => ({ path: '', content })));
    let found = 0;
    all.forEach((text, index) => {
      if (results[index]!.length === 0) return;
      found++;
      assert.ok(mayHoldSecret(text), `${results[index]![0]!.rule}: ${JSON.stringify(text.slice(0, 80))}`);
    });
    // The property is about texts with findings: there must be plenty of them.
    assert.ok(found >= SECRET_RULES.length * 2, `only ${found} texts with findings`);
  });

  it('where it says no, the check itself finds nothing (a table of messages, commit-msg and audit)', async () => {
    let skipped = 0;
    for (const text of texts()) {
      for (const stage of ['commit-msg', 'audit'] as const) {
        const change = messageChange(text, stage);
        if (secretsMayFind(change, {})) continue;
        skipped++;
        assert.deepEqual(await secrets.run(change, { config: {}, stage }), [], JSON.stringify(text));
      }
    }
    assert.ok(skipped > 0, 'some ordinary messages are skipped');
  });

  it('says no to an ordinary message and yes to one with a key in it', () => {
    assert.equal(secretsMayFind(messageChange('feat: add login form'), {}), false);
    // Built by concatenation so this file itself holds no scannable key.
    assert.equal(secretsMayFind(messageChange(`feat: rotate\n\nSTRIPE=sk_${'live'}_u8jzPde0IgxLd6GncfBA9fQ2`), {}), true);
    assert.equal(secretsMayFind({ stage: 'verify', messages: [], pullRequest: { title: 'feat: add login', body: `token: ${'ghp'}_x` } }, {}), true);
  });

  it('always lets the check run where it scans files or reports unused allow entries', () => {
    assert.equal(secretsMayFind({ stage: 'pre-commit', files: [] }, {}), true);
    assert.equal(secretsMayFind(messageChange('feat: add login form', 'verify'), { unusedAllow: { configFile: '.mcflowrc.json' } }), true);
  });

  it('holds every keyword in lower case, ready for a lower-cased text', () => {
    assert.ok(PLAIN_KEYWORDS.length > 50);
    for (const keyword of PLAIN_KEYWORDS) assert.equal(keyword, keyword.toLowerCase());
  });
});
