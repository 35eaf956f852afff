import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CheckContext } from './check.js';
import { secrets } from './secrets.js';
import { findUnusedAllowEntries } from './secrets.allow.js';
import { fingerprintSecret, maskSecret } from './secrets.redact.js';
import { JUDGE_AT_MOST, batchBySize, scanForSecrets } from './secrets.js';
import { changedFile } from './check.fixtures.js';
import type { ChangedFile, Stage } from '../types.js';

// Built by concatenation so this file itself holds no scannable key.
const STRIPE = 'sk_' + 'live_' + 'u8jzPde0IgxLd6GncfBA9fQ2';
const context = (config: CheckContext['config'] = {}, stage: Stage = 'pre-commit'): CheckContext => ({ config, stage });
const run = (files: ChangedFile[], config?: CheckContext['config'], stage?: Stage) =>
  secrets.run({ stage: stage ?? 'pre-commit', files }, context(config, stage));

describe('secrets', () => {
  it('reports file, line, column, rule, a masked excerpt and a fingerprint, never the secret', async () => {
    const [problem, ...rest] = await run([changedFile('app/config.ts', `// config\nexport const stripe = "${STRIPE}";\n`)]);
    assert.equal(rest.length, 0);
    assert.equal(problem!.file, 'app/config.ts');
    assert.equal(problem!.line, 2);
    assert.equal(problem!.column, 24);
    assert.match(problem!.message, /Stripe live key \(mcflow\/stripe\): sk_live_\*\*\*\*\.\.\.9fQ2/);
    assert.equal(problem!.fingerprint, await fingerprintSecret('mcflow/stripe', STRIPE));
    assert.doesNotMatch(JSON.stringify(problem), new RegExp(STRIPE));
    assert.match(problem!.fix!, /git add -- app\/config\.ts/);
  });

  it('scans only the lines the change adds, in every stage: audit reports a secret at the commit that added it', async () => {
    const file = changedFile('a.env', `OLD_TOKEN=${STRIPE}\nNEW=1\n`, { added: [2] });
    assert.deepEqual(await run([file]), []);
    assert.deepEqual(await run([file], {}, 'verify'), []);
    assert.deepEqual(await run([file], {}, 'audit'), []);
    assert.equal((await run([changedFile('a.env', `OLD_TOKEN=${STRIPE}\nNEW=1\n`, { added: [1] })], {}, 'audit')).length, 1);
  });

  it('says when a finding is under a test fixture path, and reports test-mode and public-by-design keys as warnings', async () => {
    const [fixture] = await run([changedFile('test/fixtures/config.ts', `export const stripe = "${STRIPE}";\n`)]);
    assert.match(fixture!.message, /in a test fixture path/);
    assert.equal(fixture!.severity, undefined);
    const [plain] = await run([changedFile('src/config.ts', `export const stripe = "${STRIPE}";\n`)]);
    assert.doesNotMatch(plain!.message, /fixture/);
    const [testMode] = await run([changedFile('a.env', `STRIPE_KEY=${'sk_' + 'test_'}u8jzPde0IgxLd6GncfBA9fQ2\n`)]);
    assert.equal(testMode!.severity, 'warning');
    assert.match(testMode!.message, /Stripe test-mode key/);
  });

  it('honours the inline marker on the line or the line before', async () => {
    const onLine = changedFile('a.env', `KEY=${STRIPE} # mcflow-allow-secret: demo account\n`);
    const before = changedFile('b.env', `# mcflow-allow-secret\nKEY=${STRIPE}\n`);
    const twoBefore = changedFile('c.env', `# mcflow-allow-secret\n\nKEY=${STRIPE}\n`);
    assert.deepEqual((await run([onLine, before, twoBefore])).map((p) => p.file), ['c.env']);
  });

  it('honours fingerprints and path globs from the config, and names unused allow entries', async () => {
    const files = [changedFile('src/a.ts', `const k = "${STRIPE}";\n`), changedFile('test/fixtures/b.ts', `const k = "${STRIPE}";\n`)];
    const fingerprint = await fingerprintSecret('mcflow/stripe', STRIPE);
    const config = { secrets: { ignore: ['test/fixtures/**'], allow: [{ fingerprint, reason: 'demo' }, { fingerprint: 'fp2-0123456789abcdef', reason: 'gone' }] } };
    assert.deepEqual(await run(files, config), []);
    const seen = new Set<string>();
    await scanForSecrets({ stage: 'pre-commit', files }, context(config), { seen });
    assert.deepEqual(findUnusedAllowEntries([...seen].map((fingerprint) => ({ fingerprint })), config), [{ fingerprint: 'fp2-0123456789abcdef', reason: 'gone' }]);
  });

  it('with unusedAllow, the one scan also warns about the allow entries it matched to nothing', async () => {
    const files = [changedFile('src/a.ts', `const k = "${STRIPE}";\n`)];
    const fingerprint = await fingerprintSecret('mcflow/stripe', STRIPE);
    const config = { secrets: { allow: [{ fingerprint, reason: 'demo' }, { fingerprint: 'fp2-0123456789abcdef', reason: 'gone' }] } };
    const problems = await secrets.run({ stage: 'verify', files }, { ...context(config, 'verify'), unusedAllow: { configFile: '.mcflowrc.json' } });
    assert.equal(problems.length, 1, JSON.stringify(problems));
    assert.equal(problems[0]!.severity, 'warning');
    assert.match(problems[0]!.message, /fp2-0123456789abcdef \("gone"\) matches no secret/);
    assert.match(problems[0]!.fix!, /\.mcflowrc\.json/);
    // Without the option the same run says nothing about allow entries.
    assert.deepEqual(await secrets.run({ stage: 'verify', files }, context(config, 'verify')), []);
  });

  it('skips binary content and files large-files refuses before reading them as text', async () => {
    let read = 0;
    const counted = (file: ChangedFile): ChangedFile => ({ ...file, readContent: () => (read++, file.readContent!()) });
    const noise = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 151 + 7) % 256));
    const binary = changedFile('img.png', Buffer.concat([noise, Buffer.from(STRIPE)]));
    const big = counted(changedFile('big.txt', `${STRIPE}\n${'a'.repeat(2000)}`));
    assert.deepEqual(await run([binary, big], { files: { maxSize: 1024 } }), []);
    assert.equal(read, 0, 'oversized file never read');
  });

  it('scans lockfiles: any file can be named one, and a registry URL in one can carry a token', async () => {
    const renamed = changedFile('deploy/yarn.lock', `STRIPE_KEY=${STRIPE}\n`);
    const resolved = changedFile('package-lock.json', `{ "resolved": "https://ci:${STRIPE}@npm.example.com/x/-/x-1.0.0.tgz" }\n`);
    assert.equal((await run([renamed])).length, 1);
    assert.equal((await run([resolved])).length, 1);
  });

  it('still scans a large file that files.allowLarge lets in, or that large-files does not refuse', async () => {
    const big = () => changedFile('assets/big.txt', `${'a'.repeat(2000)}\nKEY=${STRIPE}\n`);
    assert.equal((await run([big()], { files: { maxSize: 1024, allowLarge: ['assets/**'] } })).length, 1);
    assert.equal((await run([big()], { files: { maxSize: 1024 }, checks: { 'large-files': 'warning' } })).length, 1);
  });

  it('reads text by content: UTF-16 with or without BOM, UTF-8 with BOM, a stray NUL', async () => {
    const line = `KEY=${STRIPE}\n`;
    const le = Buffer.from(`first\n${line}`, 'utf16le');
    const be = Buffer.from(le).swap16();
    const cases: [string, Buffer, number][] = [
      ['le-bom.ps1', Buffer.concat([Buffer.from([0xff, 0xfe]), le]), 2],
      ['le.ps1', le, 2],
      ['be-bom.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 2],
      ['be.txt', be, 2],
      ['utf8-bom.env', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`first\n${line}`)]), 2],
      ['nul.cfg', Buffer.from(`a\0b\n${line}`), 2],
    ];
    for (const [path, bytes, expected] of cases) {
      const problems = await run([changedFile(path, bytes)]);
      assert.equal(problems.length, 1, path);
      assert.equal(problems[0]!.line, expected, path);
    }
  });

  it('maps the lines git says a UTF-16 change added to the text\'s own lines', async () => {
    // git counts LF bytes: in UTF-16LE "é\n" is E9 00 0A 00, and U+0A05 (05 0A) holds an LF byte too.
    const le = Buffer.from(`OLD=${STRIPE}\n\u0a05x\nNEW=${STRIPE.replace('u8', 'v9')}\n`, 'utf16le');
    // git lines: 1 = OLD…LF, 2 = 00 + "05", 3 = "0A x 00 LF"… so text line 3 is git line 4.
    const added = changedFile('a.ps1', le, { added: [4] });
    const problems = await run([added]);
    assert.deepEqual(problems.map((p) => p.line), [3]);
  });

  it('scans a large allowed file in windows: every line once, at its own number', async () => {
    const filler = `${'a'.repeat(99)}\n`;
    const lineCount = 180_000;
    const secretLines = new Set([1, 83_886, 83_887, 83_888, 170_000, lineCount]);
    const lines: string[] = [];
    for (let line = 1; line <= lineCount; line++) lines.push(secretLines.has(line) ? `KEY=${STRIPE.slice(0, -4)}${String(line).slice(-4).padStart(4, '7')}\n` : filler);
    const file = changedFile('assets/huge.txt', lines.join(''));
    const problems = await run([file], { files: { allowLarge: ['assets/**'] } });
    assert.deepEqual(problems.map((p) => p.line), [...secretLines]);
    const added = await run([changedFile('assets/huge.txt', lines.join(''), { added: [83_887, 170_000] })], { files: { allowLarge: ['assets/**'] } });
    assert.deepEqual(added.map((p) => p.line), [83_887, 170_000], 'added lines are absolute, not per window');
  });

  it('caps findings per file with one line saying how many more', async () => {
    const lines = Array.from({ length: 60 }, (_, i) => `KEY_${i}=${STRIPE.slice(0, -4)}${String(1000 + i)}`).join('\n');
    const problems = await run([changedFile('many.env', lines)]);
    assert.equal(problems.length, 21);
    assert.match(problems[20]!.message, /and 40 more possible secrets in this file/);
    assert.equal(problems[20]!.file, 'many.env');
    assert.equal(problems[20]!.count, 40, 'the totals stay countable');
  });

  it(`past ${JUDGE_AT_MOST} findings of a rule in a file, counts matches without judging them; with an allow-list, judges all`, async () => {
    const key = (i: number) => `${STRIPE.slice(0, -6)}${String(100_000 + i)}`;
    const real = Array.from({ length: JUDGE_AT_MOST + 300 }, (_, i) => `KEY_${i}=${key(i)}`);
    // After the judged ones: 50 placeholders (counted, unjudged), 50 lines with the inline marker (never counted).
    const placeholders = Array.from({ length: 50 }, (_, i) => `KEY_P${i}=${'sk_' + 'live_'}${'x'.repeat(20)}${String(1000 + i)}`);
    const marked = Array.from({ length: 50 }, (_, i) => `KEY_M${i}=${key(10_000 + i)} # mcflow-allow-secret: fixture`);
    const content = [...real, ...placeholders, ...marked].join('\n');
    const problems = await run([changedFile('many.env', content)]);
    assert.equal(problems.length, 21);
    assert.equal(problems[20]!.count, JUDGE_AT_MOST + 300 + 50 - 20, 'the unjudged placeholders count, the marked lines do not');
    // A placeholder among the judged ones is still dropped: only matches past the limit go unjudged.
    const early = await run([changedFile('few.env', [...placeholders, ...real.slice(0, 30)].join('\n'))]);
    assert.equal(early[20]!.count, 10);
    // An allow-list needs every fingerprint: everything is judged, placeholders drop, allowed ones drop.
    const allowed = await fingerprintSecret('mcflow/stripe', key(0));
    const exact = await run([changedFile('many.env', content)], { secrets: { allow: [{ fingerprint: allowed, reason: 'demo' }] } });
    assert.equal(exact[20]!.count, JUDGE_AT_MOST + 300 - 1 - 20);
    assert.equal(exact[0]!.line, 2, 'the allow-listed first key is not shown');
  });

  it('ties a finding to its commit in pre-push and tells how to rewrite it', async () => {
    const commit = 'c'.repeat(40);
    const [problem] = await run([changedFile('a.env', `KEY=${STRIPE}\n`, { commit })], {}, 'pre-push');
    assert.equal(problem!.commit, commit);
    assert.match(problem!.fix!, /git rebase --interactive cccccccccccc~1/);
  });

});

describe('maskSecret', () => {
  const cases: [string, string][] = [
    [STRIPE, 'sk_live_****...9fQ2'],
    ['ghp_' + '1a2B3c4D5e6F7g8H9i0JkLmNoPqRsTuVwXyZ', 'ghp_****...wXyZ'],
    ['HgxzNN&AL5#wIS', '****'],
    ['postgres://app:HgxzNN@db', 'postgres://****'],
  ];
  for (const [value, masked] of cases) {
    it(`${masked}: a public prefix and at most the last 4 characters of long values`, () => assert.equal(maskSecret(value), masked));
  }

  it('reads content in batches of bounded size, keeping the order, a big file alone', () => {
    const sizes = (batches: { size?: number }[][]) => batches.map((batch) => batch.map((file) => file.size));
    assert.deepEqual(sizes(batchBySize([{ size: 4 }, { size: 4 }, { size: 4 }, { size: 20 }, { size: 1 }], 10)), [[4, 4], [4], [20], [1]]);
    assert.deepEqual(batchBySize([], 10), []);
  });
});
