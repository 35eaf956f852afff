import assert from 'node:assert/strict';
import { createHash, scryptSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { secrets } from './secrets.js';
import { FINGERPRINT_PREFIX, fingerprintSecret, needsSlowFingerprint, SCRYPT_PARAMS } from './secrets.redact.js';
import { changedFile } from './check.fixtures.js';

const README = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../README.md');

/** A dictionary as an attacker would try it: common words, seasons and years, the usual suffixes. */
function dictionary(): string[] {
  const words = ['password', 'letmein', 'welcome', 'qwerty', 'dragon', 'monkey', 'admin', 'secret', 'winter', 'spring', 'summer', 'autumn', 'fall', 'company'];
  const out: string[] = [];
  for (const word of words)
    for (const cased of [word, word[0]!.toUpperCase() + word.slice(1), word.toUpperCase()])
      for (let year = 1990; year <= 2030; year++) for (const suffix of ['', '!', '#', '?', '1', '123']) out.push(`${cased}${year}${suffix}`);
  return out;
}

/** Every fast way a fingerprint could have been made from rule + value. */
function fastCandidates(rule: string, value: string): string[] {
  const inputs = [value, `${rule}\0${value}`, `${rule}${value}`, `${rule}:${value}`, `mcflow-hooks fingerprint v2\0${rule}\0${value}`];
  return ['md5', 'sha1', 'sha256', 'sha512'].flatMap((algorithm) =>
    inputs.map((input) => createHash(algorithm).update(input).digest('hex').slice(0, 16)),
  );
}

describe('fingerprints', () => {
  it("a printed fingerprint of Summer2024! is matched by no fast hash of a dictionary that holds it, only by scrypt at the README's cost", async () => {
    // The finding as any stage prints it.
    const [finding] = await secrets.run({ stage: 'pre-commit', files: [changedFile('app.env', 'DB_PASSWORD=Summer2024!\n')] }, { config: {}, stage: 'pre-commit' });
    const printed = finding!.fingerprint!;
    assert.ok(printed.startsWith(FINGERPRINT_PREFIX));
    assert.match(finding!.message, /mcflow\/secret-assignment/);
    const rule = 'mcflow/secret-assignment';
    const words = dictionary();
    assert.ok(words.includes('Summer2024!') && words.length > 3000);
    const digest = printed.slice(FINGERPRINT_PREFIX.length);
    const fast = words.filter((word) => fastCandidates(rule, word).includes(digest));
    assert.deepEqual(fast, [], 'no fast hash of any dictionary word gives the printed fingerprint');
    // Only the memory-hard function matches, and each guess costs what the README states.
    const { N, r, p, maxmem } = SCRYPT_PARAMS;
    const guess = scryptSync('Summer2024!', `mcflow-hooks fingerprint v2\0${rule}`, 8, { N, r, p, maxmem }).toString('hex');
    assert.equal(guess, digest);
    const mebibytes = (128 * N * r) / 2 ** 20;
    assert.ok(mebibytes >= 16, 'at least 16 MiB of memory per guess');
    const readme = fs.readFileSync(README, 'utf8');
    assert.match(readme, new RegExp(`scrypt \\(N=2\\^${Math.log2(N)}, r=${r}, p=${p}\\): ${mebibytes} MiB`), 'the README states these parameters');
  });

  it('uses the slow fingerprint for every rule not known to match generated tokens, including rules added later', () => {
    for (const rule of ['mcflow/secret-assignment', 'mcflow/connection-url', 'mcflow/bearer-token', 'secretlint/basicauth', 'secretlint/database-connection-string', 'secretlint/npm', 'mcflow/jwt', 'mcflow/some-new-rule'])
      assert.equal(needsSlowFingerprint(rule), true, rule);
    for (const rule of ['mcflow/stripe', 'secretlint/github', 'mcflow/private-key']) assert.equal(needsSlowFingerprint(rule), false, rule);
  });

  it('is stable, separates rules, and computes a value once per process', async () => {
    const a = fingerprintSecret('mcflow/secret-assignment', 'Hunter2!x');
    assert.equal(fingerprintSecret('mcflow/secret-assignment', ' Hunter2!x '), a, 'memoized (same promise)');
    assert.match(await a, /^fp2-[0-9a-f]{16}$/);
    assert.notEqual(await fingerprintSecret('mcflow/connection-url', 'Hunter2!x'), await a);
  });
});

describe('old-style secrets.allow entries', () => {
  it('allow nothing, and name the new fingerprint that replaces each one', async () => {
    const stripe = 'sk_' + 'live_' + 'u8jzPde0IgxLd6GncfBA9fQ2';
    const old = createHash('sha256').update(`mcflow/stripe\0${stripe}`).digest('hex').slice(0, 16);
    const config = { secrets: { allow: [{ fingerprint: old, reason: 'demo key' }, { fingerprint: '0123456789abcdef', reason: 'gone' }] } };
    const problems = await secrets.run({ stage: 'verify', files: [changedFile('a.ts', `k = "${stripe}"\n`)] }, { config, stage: 'verify' });
    const [secret, replace, regenerate] = problems;
    assert.equal(secret!.severity, undefined, 'the secret is reported again');
    assert.match(replace!.message, new RegExp(`${old}.*old-style fingerprint`));
    assert.equal(replace!.severity, 'warning');
    assert.ok(replace!.fix!.includes(`"fingerprint": "${secret!.fingerprint}"`) && replace!.fix!.includes('a.ts:1'), replace!.fix);
    assert.match(regenerate!.fix!, /fp2-… fingerprint/);
  });
});

describe('secrets in commit messages and pull requests', () => {
  const token = 'ghp_' + '1a2B3c4D5e6F7g8H9i0JkLmNoPqRsTuVwXyZ';
  it('finds them with the same rules, masked, pointing at the commit or the pull request', async () => {
    const commit = 'a'.repeat(40);
    const problems = await secrets.run(
      {
        stage: 'verify',
        messages: [{ text: `feat: rotate key ${token}`, commit }, { text: 'fix: nothing here' }],
        pullRequest: { title: `feat: add DB_PASSWORD=Summer2024!`, body: `## Description\n\nuses ${token}\n`, number: 7 },
      },
      { config: {}, stage: 'verify' },
    );
    assert.equal(problems.length, 3);
    const [message, title, body] = problems;
    assert.equal(message!.commit, commit);
    assert.match(message!.message, /in the commit message \(line 1\): ghp_\*\*\*\*\.\.\.wXyZ/);
    assert.match(message!.fix!, /git rebase --interactive aaaaaaaaaaaa~1/);
    assert.match(title!.message, /in the pull request title: \*\*\*\*/);
    assert.match(title!.fix!, /gh pr edit 7 --title/);
    assert.match(body!.message, /pull request description \(line 3\)/);
    assert.doesNotMatch(JSON.stringify(problems), /Summer2024|wXyZ[^"]*1a2B|1a2B3c4D/);
  });

  it('allows a message finding by its fingerprint', async () => {
    const change = { stage: 'commit-msg' as const, messages: [{ text: `feat: rotate key ${token}` }] };
    const [finding] = await secrets.run(change, { config: {}, stage: 'commit-msg' });
    assert.match(finding!.fix!, /git commit --edit/);
    const config = { secrets: { allow: [{ fingerprint: finding!.fingerprint!, reason: 'revoked' }] } };
    assert.deepEqual(await secrets.run(change, { config, stage: 'commit-msg' }), []);
  });
});
