import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CheckContext } from './check.js';
import { secrets } from './secrets.js';
import { findUnusedAllowEntries } from './secrets.allow.js';
import { fingerprintSecret, maskSecret } from './secrets.redact.js';
import { batchBySize, scanForSecrets } from './secrets.js';
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
    const before = await scanForSecrets({ stage: 'pre-commit', files }, context(config));
    assert.deepEqual(findUnusedAllowEntries(before, config), [{ fingerprint: 'fp2-0123456789abcdef', reason: 'gone' }]);
  });

  it('skips binary files, lockfiles and files over files.maxSize before reading them as text', async () => {
    let read = 0;
    const counted = (file: ChangedFile): ChangedFile => ({ ...file, readContent: () => (read++, file.readContent!()) });
    const binary = changedFile('img.png', Buffer.concat([Buffer.from([0x89, 0, 1]), Buffer.from(STRIPE)]));
    const lock = counted(changedFile('package-lock.json', `"x": "${STRIPE}"`));
    const big = counted(changedFile('big.txt', `${STRIPE}\n${'a'.repeat(2000)}`));
    assert.deepEqual(await run([binary, lock, big], { files: { maxSize: 1024 } }), []);
    assert.equal(read, 0, 'lockfile and oversized file never read');
  });

  it('ties a finding to its commit in pre-push and tells how to rewrite it', async () => {
    const commit = 'c'.repeat(40);
    const [problem] = await run([changedFile('a.env', `KEY=${STRIPE}\n`, { commit })], {}, 'pre-push');
    assert.equal(problem!.commit, commit);
    assert.match(problem!.fix!, /git rebase --interactive cccccccccccc~1/);
  });

  it('warns when a push scan stopped at its bound', async () => {
    const problems = await secrets.run({ stage: 'pre-push', files: [], history: { commits: [], limit: 1000, truncated: true } }, context({}, 'pre-push'));
    assert.equal(problems[0]!.severity, 'warning');
    assert.match(problems[0]!.message, /only the newest 1000 were scanned/);
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
