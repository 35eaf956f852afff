import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SECRET_RULES } from './secret-rules/index.js';
import { prefilter, type Prefiltered } from './secrets.keywords.js';
import { prefilterByRegex, prefilterText } from './secrets.scan.js';
import { asciiWalk, walked, walkMemoryBytes } from './secrets.walk.js';
import { WASM } from './secrets.walk.wasm.js';

// Tests run from .build/src/checks/; the .wat source and the scripts are read from the repository.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const summary = (result: Prefiltered | undefined) => result && { ...result, rules: result.rules.map((rule) => rule.id) };

// Built at run time: no scannable literal in this file.
const stripe = (i: number) => `API_KEY_${i}=${'sk_' + 'live_'}${String(i).padStart(24, 'a1B2c3D4e5F6g7H8i9J0kLmN')}`;
const begin = '-----BEGIN ' + 'EC PRIVATE KEY-----';
const keyId = 'AKIA' + 'Q3EGRHJ2LX7NV5MW';

describe('the dense pass in WebAssembly', () => {
  it('carries the module its .wat source assembles to (run node scripts/wasm.mjs after editing it)', async () => {
    const { wasmModuleSource } = (await import(pathToFileURL(path.join(root, 'scripts/wasm-source.mjs')).href)) as { wasmModuleSource: (file: string) => Promise<string> };
    const wanted = await wasmModuleSource(path.join(root, 'src/checks/secrets.walk.wat'));
    assert.equal(fs.readFileSync(path.join(root, 'src/checks/secrets.walk.wasm.ts'), 'utf8'), wanted);
    assert.ok(WASM.length > 100);
  });

  it('walks ASCII texts dense with keywords, and keeps what the regexes keep', () => {
    const keywords = [...new Set(SECRET_RULES.flatMap((rule) => rule.keywords))];
    // What may interrupt a long run: lines without a keyword, openers, key ids, a trigger's text
    // first on a line (its regex decides), a keyword not seen yet, the text's end without newline.
    const breaks = [
      'plain words\n', `${begin}\n`, `x ${begin}\nAAAA\n-----END EC PRIVATE KEY-----\n`, `token ${keyId}\n1\n2\n3\n`, 'a\n\n\n',
      'https://u:p@h.example\n', '://plain\n', `ops_${'b'.repeat(20)}\n`, 'ops_short\n', 'ops_short secret\n', 'kind: Secret\n', 'secret = last', 'x sk\n',
      'q~ \0 x-\n',
    ];
    let seed = 17;
    const next = (below: number) => (seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) % below;
    const before = { ...walked };
    let texts = 0;
    for (let i = 0; i < 150; i++) {
      let text = '';
      for (let part = 1 + next(4); part > 0; part--) {
        const lines = 100 + next(120);
        for (let n = 0; n < lines; n++) {
          const word = keywords[next(keywords.length)]!;
          // Mostly look-alikes; now and then another keyword, in any case, first on its line or after one.
          const cased = next(2) ? word.toUpperCase() : word;
          const kind = next(6);
          text += kind === 0 ? `${'x'.repeat(next(3))}${cased} = v${n}\n` : kind === 1 ? `${stripe(n + i)} ${cased}\n` : `${stripe(n + i)}\n`;
        }
        text += breaks[next(breaks.length)]!;
      }
      if (i % 7 === 0) text = text.replace(/\n/g, '\r\n');
      const fast = prefilter(text);
      assert.ok(fast, 'an ASCII text stays on the one-pass prefilter');
      assert.deepEqual(summary(fast), summary(prefilterByRegex(text)), JSON.stringify(text.slice(0, 200)));
      texts++;
    }
    // Every text is ASCII: each is walked in WebAssembly to its end.
    assert.equal(walked.texts - before.texts, texts);
    assert.equal(walked.stopped, before.stopped);
  });

  it('leaves the rest of a text to the JavaScript where it stops being ASCII, which answers alike', () => {
    const run = Array.from({ length: 200 }, (_, i) => stripe(i)).join('\n');
    // Past one stretch copied ahead of the walk (64 KB), and within the first.
    const long = Array.from({ length: 3000 }, (_, i) => stripe(i)).join('\n');
    for (const text of [
      `${run}\nsecret = é\n${run}\n`,
      `${run}\n😀 token\n`,
      `${run}\n${run.replace('API_KEY_150', 'API_KEY_\u0130')}\n`,
      `é\n${run}\n`,
      `${long}\nsecret = é\n${run}\n`,
      `${long}\n${long.replace('API_KEY_2500', 'API_KEY_\u212a')}\n`,
      `kind: Secret\n${long}\ntoken ü\n`,
    ]) {
      const before = { ...walked };
      // İ and the Kelvin sign send the whole text to the regexes (secrets.keywords.ts); the others stay on the one pass.
      assert.deepEqual(summary(prefilterText(text)), summary(prefilterByRegex(text)), JSON.stringify(text.slice(-60)));
      assert.equal(walked.texts - before.texts, 1);
      assert.equal(walked.stopped - before.stopped, 1, JSON.stringify(text.slice(-60)));
    }
  });

  it('answers alike where WebAssembly is missing (node --jitless)', () => {
    const script = `
      const { prefilter } = await import(${JSON.stringify(pathToFileURL(path.join(root, '.build/src/checks/secrets.keywords.js')).href)});
      const { walked } = await import(${JSON.stringify(pathToFileURL(path.join(root, '.build/src/checks/secrets.walk.js')).href)});
      const text = Array.from({ length: 300 }, (_, i) => 'API_KEY_' + i + '=v' + i + (i === 250 ? ' password' : '')).join('\\n') + '\\n';
      const result = prefilter(text);
      console.log(JSON.stringify({ kept: result.kept === text, rules: result.rules.map((rule) => rule.id), walked: walked.texts, wasm: typeof WebAssembly }));`;
    const child = spawnSync(process.execPath, ['--jitless', '--input-type=module', '-e', script], { encoding: 'utf8' });
    assert.equal(child.status, 0, child.stderr);
    const answer = JSON.parse(child.stdout) as { kept: boolean; rules: string[]; walked: number; wasm: string };
    assert.equal(answer.wasm, 'undefined');
    assert.equal(answer.walked, 0);
    assert.equal(answer.kept, true);
    const text = Array.from({ length: 300 }, (_, i) => `API_KEY_${i}=v${i}${i === 250 ? ' password' : ''}`).join('\n') + '\n';
    assert.deepEqual(answer.rules, prefilterByRegex(text).rules.map((rule) => rule.id));
    assert.ok(answer.rules.length >= 2, 'the keyword found late is found');
  });
});

describe('the main walk in WebAssembly', () => {
  it('finds a keyword wherever it falls against the stretches it walks and copies (64 KB)', () => {
    const filler = 'plain words, nothing to see here\n';
    const before = { ...walked };
    let texts = 0;
    for (const at of [65_530, 65_534, 65_535, 65_536, 65_537, 131_070, 131_072]) {
      for (const [keyword, tail] of [['password', ' = hunter22\n'], ['sk', '\n'], ['AKIA', 'Q3EGRHJ2LX7NV5MW\n1\n2\n']] as const) {
        const head = filler.repeat(Math.ceil(at / filler.length)).slice(0, at);
        const text = `${head}${keyword}${tail}${filler.repeat(50)}`;
        assert.deepEqual(summary(prefilter(text)), summary(prefilterByRegex(text)), `${keyword} at ${at}`);
        texts++;
      }
    }
    assert.equal(walked.texts - before.texts, texts);
    assert.equal(walked.stopped, before.stopped);
  });
});

describe('the WebAssembly walk’s memory', () => {
  it('does not keep a huge text’s copy for the next, smaller one', () => {
    const line = (i: number) => `${stripe(i)}\n`;
    const big = Array.from({ length: 450_000 }, (_, i) => line(i % 1000)).join('');
    const small = Array.from({ length: 300 }, (_, i) => line(i)).join('');
    const before = walked.texts;
    assert.ok(prefilter(big));
    assert.equal(walked.texts, before + 1);
    assert.ok(walkMemoryBytes() > big.length, `the big text was copied (${walkMemoryBytes()} bytes)`);
    assert.deepEqual(summary(prefilter(small)), summary(prefilterByRegex(small)));
    assert.equal(walked.texts, before + 2);
    assert.ok(walkMemoryBytes() < 4 * 1024 * 1024, `${walkMemoryBytes()} bytes kept for a ${small.length}-character text`);
  });
});

describe('a WebAssembly trap', () => {
  it('ends that text’s walk as a character that is not ASCII would: nothing throws, the JavaScript goes on', () => {
    // The smallest tables the module takes: one literal, no pair that starts it.
    const tables = { rowOf: new Int32Array(128 * 128), rowStart: new Int32Array(2), pairList: new Int32Array(0), literals: [{ text: 'ab' }], starts: new Uint8Array((128 * 128 * 128) / 8) };
    const walk = asciiWalk('plain ASCII text\n', tables);
    assert.ok(walk, 'WebAssembly runs here');
    const before = walked.stopped;
    // Asked to walk far past the memory's end, the module reads out of bounds and traps.
    assert.equal(walk.nextStart(0, 2 ** 30, false), -1);
    assert.equal(walked.stopped, before + 1);
    assert.equal(walk.next(0, 4), -1, 'the walk stays stopped');
    // The next text's walk is whole again, with the prefilter's own tables.
    const text = `${Array.from({ length: 300 }, (_, i) => stripe(i)).join('\n')}\n`;
    const texts = walked.texts;
    assert.deepEqual(summary(prefilter(text)), summary(prefilterByRegex(text)));
    assert.equal(walked.texts, texts + 1);
    assert.equal(walked.stopped, before + 1);
  });
});
