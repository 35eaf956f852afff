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
import { entropy, findSecrets, toSecretlintRule } from './define.js';
import { PRESET_TRIGGERS, SECRET_RULES } from './index.js';
import { hasInterleavedSequence, hasSequence, isMadeOfFillerWords, isPlaceholder, isRepetitive } from './placeholder.js';
import { findPrivateKeys } from './private-key.js';
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
    const helpers = new Set(['checksum.js', 'define.js', 'fake.js', 'index.js', 'placeholder.js', 'required-literal.js', 'required-literal.test.js', 'secret-rules.test.js']);
    const files = fs.readdirSync(dir).filter((file) => file.endsWith('.js') && !helpers.has(file));
    assert.deepEqual(files.map((file) => `mcflow/${file.replace(/\.js$/, '')}`).sort(), SECRET_RULES.map((rule) => rule.id).sort());
  });
});

describe('isPlaceholder', () => {
  const placeholders = [
    '${SECRET_KEY}', '${{ secrets.STRIPE_KEY }}', 'process.env.API_KEY', 'os.environ["X"]', 'changeme', '<your-token>',
    'ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', '********',
    'your_api_key_here', '{{ .Values.password }}', '$DB_PASSWORD', 'T00000000',
    'testtoken', 'abc@def-secret', 'user:pass@word-secret', 'my-api-key-123', 'sk-ant-api03-...', 'abcdef123456', 'xoxb-xoxb-xoxb-xoxb', 'user:pa:ss@word-secret', 'to-ken_val-ue',
  ];
  for (const value of placeholders) it(`${value} is a placeholder`, () => assert.equal(isPlaceholder(value), true));
  const real = ['u8jzPde0IgxLd6GncfBAepfJ', 'HgxzNN&AL5#wIS', 'bfe228f219e9cb0eb53f16947ccf25ec', 'Tr0ub4dor&3', 'correcthorsebatterystaple'];
  for (const value of real) it(`${value} is not`, () => assert.equal(isPlaceholder(value), false));
});

describe('placeholder and entropy helpers (allocation-free paths)', () => {
  it('entropy is the Shannon entropy per character, ASCII or not', () => {
    const reference = (value: string) => {
      const counts = new Map<string, number>();
      for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
      return [...counts.values()].reduce((bits, count) => bits - (count / value.length) * Math.log2(count / value.length), 0);
    };
    for (const value of ['aaaa', 'abcd', 'u8jzPde0IgxLd6GncfBAepfJ', 'clé-secrète-42', 'ab€€ab', '']) assert.equal(entropy(value), reference(value), value);
    assert.equal(entropy('abcd'), 2);
    // The reused counters are cleared after a value that stops at a non-ASCII character.
    entropy('aaaaé');
    assert.equal(entropy('ab'), 1);
  });
  it('isRepetitive reuses its buffer without carrying state between values', () => {
    assert.equal(isRepetitive('x'.repeat(1000)), true);
    assert.equal(isRepetitive('abcabcabc'), true);
    assert.equal(isRepetitive('abcabcabd'), false);
    assert.equal(isRepetitive('a'), false);
  });
  it('isMadeOfFillerWords reads letter and digit runs, and stops at the first one that is no filler', () => {
    for (const value of ['my-api-key-123', 'testtoken', 'abc@def-secret', 'Secret2024Token']) assert.equal(isMadeOfFillerWords(value), true, value);
    for (const value of ['sk_live_4eC39HqLyjWD', 'token-12345', 'a-b-c-d-test', 'secret' + 'q'.repeat(40), '123']) assert.equal(isMadeOfFillerWords(value), false, value);
  });
  it('hasSequence counts runs of letters and digits only', () => {
    assert.equal(hasSequence('xx123456yy'), true);
    assert.equal(hasSequence('fedcba'), true);
    assert.equal(hasSequence('12345'), false);
    assert.equal(hasSequence('XYZ[\\]^'), false);
  });
  it('hasInterleavedSequence finds letters and digits counting up in turn, four pairs or more', () => {
    for (const value of ['a1b2c3d4', 'tok_1a2b3c4d5e', 'x-k5l6m7n8-y', 'A0B1C2D3', 'px-d4c3b2a1-x']) assert.equal(hasInterleavedSequence(value), true, value);
    for (const value of ['a1b2c3', 'a1b2x3d4', 'ab12cd34', 'q7Hn2Lk9pX4m', 'a1a1a1a1', 'a1b2c1b0']) assert.equal(hasInterleavedSequence(value), false, value);
  });
});

/**
 * Quantifiers in a regex source that have no upper bound (`*`, `+`, `{n,}`), outside character
 * classes and escapes. A rule built only from bounded quantifiers does a bounded amount of work
 * from each start position, so its time is linear in the text; the timing of a regex is not
 * something a test on a shared machine can assert.
 */
export function unboundedQuantifiers(source: string): string[] {
  const found: string[] = [];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === '*' || ch === '+') found.push(`${ch} at ${i}`);
    else if (ch === '{' && /^\{\d+,\}/.test(source.slice(i))) found.push(`{n,} at ${i}`);
  }
  return found;
}

describe('linear time on hostile input', () => {
  it('recognises unbounded quantifiers', () => {
    assert.deepEqual(unboundedQuantifiers('a+b*[+*]\\+c{2,}d{2,5}'), ['+ at 1', '* at 3', '{n,} at 11']);
  });
  for (const rule of SECRET_RULES) {
    it(`${rule.id} uses only bounded quantifiers`, () => {
      for (const pattern of rule.patterns) assert.deepEqual(unboundedQuantifiers(pattern.source), [], pattern.source);
    });
  }
  it('the preset triggers use only bounded quantifiers', () => {
    for (const trigger of PRESET_TRIGGERS) assert.deepEqual(unboundedQuantifiers(trigger), [], trigger);
  });

  const begin = '-----BEGIN PRIVATE KEY-----\n';
  const megabyte = begin.repeat(Math.ceil(1024 * 1024 / begin.length));
  const body = 'MHcCAQEEIBd0Kh8oOOL8dKLzdocJ2isAjIhKtJ0RlgLKOmxgJu8joAoGCCqGSM49\nAwEHoUQDQgAEmwufUxbvJDCTbyvHNsG9eh6Yo4gfqrc5XlrWi0B26R08HgxzNNAL\n';
  it('a megabyte of BEGIN lines with no END holds no private key', () => {
    assert.deepEqual([...findPrivateKeys(megabyte)], []);
  });
  it('the key after a megabyte of unterminated BEGIN lines is found once, at its body', () => {
    const text = `${megabyte}${begin}${body}-----END PRIVATE KEY-----\n`;
    assert.deepEqual([...findPrivateKeys(text)], [{ index: megabyte.length + begin.length - 1, value: `\n${body}` }]);
  });
  it('the whole scan of a megabyte of unterminated BEGIN lines finds nothing', async () => {
    const [found] = await scanTexts([{ path: 'keys.pem', content: megabyte }]);
    assert.deepEqual(found, []);
  });

  // Repeated prefixes and long runs a hostile file may hold: every rule and the whole pass must finish and find nothing.
  const size = 256 * 1024;
  const hostile: Record<string, string> = {
    'repeated xoxb-': 'xoxb-'.repeat(size / 5),
    'a run of letters and digits': 'aB3'.repeat(size / 3),
    'a URL followed by colons': `x://${':'.repeat(size)}`,
    'a database URL of colons': `postgres://a${':a'.repeat(size / 2)}`,
    'repeated key names': 'heroku_api_key'.repeat(size / 14) + 'twilio_auth_token'.repeat(size / 17),
    'repeated eyJ segments': 'eyJaaaaaaaaaaaa.'.repeat(size / 16),
    'repeated assignments': 'secret_token='.repeat(size / 13),
    'repeated Authorization headers': 'Authorization: Bearer '.repeat(size / 22),
    'key ids on one line, no secret near': 'AKIAIOSFODNN7EXAMPLE '.repeat(size / 21),
    'account SIDs and no token': `AC${'0123456789abcdef'.repeat(2)} `.repeat(size / 35),
    'PuTTY headers': 'PuTTY-User-Key-File-3: x\n'.repeat(size / 26),
    'a Kubernetes Secret of placeholders': `kind: Secret\ndata:\n${'  a: Y2hhbmdlbWU=\n'.repeat(size / 19)}`,
    'SAS, netrc, Jenkins and curl prefixes': 'sig=machine <password>{AQAAABAAAA -u a: SECRET_KEY = "'.repeat(size / 55),
    'base64 PEM prefixes and escaped auth keys': 'LS0tLS1CRUdJTi\\"auth\\":\\"'.repeat(size / 26),
    'Entra-shaped segments': `0.A${'b'.repeat(100)}.AgAB`.repeat(size / 108),
    'a Kubernetes block scalar of placeholders': `kind: Secret\ndata:\n  token: |\n${'    Y2hhbmdlbWU=\n'.repeat(size / 17)}`,
    'unterminated appSettings': '<add key="SmtpPassword" value="'.repeat(size / 32),
  };
  for (const [name, text] of Object.entries(hostile)) {
    it(`finds nothing in ${name}`, async () => {
      for (const rule of SECRET_RULES) assert.deepEqual(findSecrets(rule, text, '.env'), [], rule.id);
      const [found] = await scanTexts([{ path: 'hostile.env', content: text }]);
      assert.deepEqual(found, []);
    });
  }
});

describe('counting past the judging cap', () => {
  /** Where the judging loop places each match's secret: the `secret` group by its indices (the reference). */
  function spansByIndices(rule: (typeof SECRET_RULES)[number], text: string): number[] {
    const spans: number[] = [];
    for (const pattern of rule.patterns) {
      const withIndices = new RegExp(pattern.source, pattern.flags.includes('d') ? pattern.flags : `${pattern.flags}d`);
      for (const match of text.matchAll(withIndices)) {
        if (match[0] === '') continue;
        const span = match.indices!.groups?.secret;
        if (match.groups?.secret !== undefined && span) spans.push(span[0], span[1]);
        else spans.push(match.index, match.index + match[0].length);
      }
    }
    return spans;
  }

  it('locates every unjudged match where the indices put it, for every rule', () => {
    // Every rule's samples, each several times and side by side, plus a value that occurs twice
    // in its own match (`key=key=…`: its place is not its first occurrence).
    const samples = SECRET_RULES.flatMap((rule) => [...rule.samples.secrets, ...rule.samples.notSecrets]);
    const text = [...samples, ...samples.map((sample) => `x ${sample} ${sample}`), 'key=key=key=key=key', `token: "token: token: token"`].join('\n');
    let counted = 0;
    for (const rule of SECRET_RULES) {
      const unjudged: number[] = [];
      findSecrets(rule, text, '.env', { prefiltered: true, judgeAtMost: 0, unjudged });
      assert.deepEqual(unjudged, spansByIndices(rule, text), rule.id);
      counted += unjudged.length / 2;
    }
    assert.ok(counted > samples.length, 'the text holds many matches to count');
  });
});
