import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { changedFile } from './checks/check.fixtures.js';
import { runChecks } from './engine.js';
import { runChecksOverBatches, type FileBatches } from './engine-batches.js';
import type { Change, ChangedFile } from './types.js';

// Built at run time: no scannable value in this file.
const STRIPE = 'sk_' + 'live_';
const ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A deterministic, random-looking key body (a linear congruential generator). */
function keyBody(seed: number): string {
  let state = seed * 2654435761 + 12345;
  let body = '';
  for (let i = 0; i < 24; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    body += ALPHABET[state % ALPHABET.length];
  }
  return body;
}

/** 60 files of 25 keys each (past the per-file cap of 20 and, together, the per-run cap of 1000), a `.env`, a marker. */
function files(): ChangedFile[] {
  const list: ChangedFile[] = [];
  for (let f = 0; f < 60; f++) {
    const lines = Array.from({ length: 25 }, (_, k) => `export const key${k} = '${STRIPE}${keyBody(f * 100 + k)}';`);
    list.push(changedFile(`src/keys-${f}.ts`, `${lines.join('\n')}\n`, { commit: `${f % 3}`.repeat(40) }));
  }
  list.splice(7, 0, changedFile('deploy/.env', 'MODE=production\n', { commit: 'a'.repeat(40) }));
  list.splice(30, 0, changedFile('src/allowed.ts', `const k = '${STRIPE}${keyBody(9999)}'; // mcflow-allow-secret: demo\n`, { commit: 'b'.repeat(40) }));
  return list;
}

const config = { checks: { 'branch-name': 'off', 'pr-body': 'off' } } as const;

function change(withFiles: ChangedFile[]): Change {
  return {
    stage: 'verify',
    files: withFiles,
    messages: [{ text: `feat: add payments\n\nkey ${STRIPE}${keyBody(4242)}`, commit: '1'.repeat(40) }],
    pullRequest: { title: `feat: payments ${STRIPE}${keyBody(77)}`, body: 'body', number: 12 },
    policyReview: { base: config, head: { ...config, checks: { ...config.checks, 'large-files': 'warning' } }, lockViolations: [], event: 'pull-request', label: 'policy-reviewed', headFile: '.mcflowrc.json' },
  };
}

function inBatchesOf(all: readonly ChangedFile[], size: number): FileBatches {
  return async (onBatch) => {
    for (let i = 0; i < all.length; i += size) await onBatch(all.slice(i, i + size));
  };
}

describe('checks over batches of files', () => {
  it('report exactly what one run over every file reports, whatever the batch size (caps, order, reasons)', async () => {
    const all = files();
    const options = { config };
    const once = await runChecks(change(all), options);
    const secrets = once.findings.filter((finding) => finding.check === 'secrets');
    // The case is what it claims: both caps reached, findings from messages, the title, .env and the marker.
    assert.ok(secrets.some((finding) => /more possible secret/.test(finding.message)), 'the per-run cap must be reached');
    assert.ok(secrets.some((finding) => /more in this file/i.test(finding.message) || finding.count !== undefined));
    assert.ok(once.findings.some((finding) => finding.check === 'sensitive-files'));
    assert.ok(once.findings.filter((finding) => finding.check === 'policy-change').length >= 2, 'a weakening and a marker');
    for (const size of [1, 7, 55, 1000]) {
      const batched = await runChecksOverBatches(change([]), options, inBatchesOf(all, size));
      assert.deepEqual(batched, once, `batches of ${size}`);
    }
  });

  it('checks files the change already holds as one more batch, after the streamed ones', async () => {
    const all = files();
    const once = await runChecks(change(all), { config });
    assert.deepEqual(await runChecksOverBatches(change(all.slice(40)), { config }, inBatchesOf(all.slice(0, 40), 9)), once);
  });

  it('runs the content checks over nothing when no batch comes, and the others as usual', async () => {
    const once = await runChecks(change([]), { config });
    assert.deepEqual(await runChecksOverBatches(change([]), { config }, inBatchesOf([], 5)), once);
  });

  it('stops reading batches when the checks over the whole change fail, and reports that failure', async () => {
    let fed = 0;
    let stopped: unknown;
    const endless: FileBatches = async (onBatch) => {
      try {
        for (let i = 0; i < 1000; i++) {
          fed++;
          await onBatch([changedFile(`src/f${i}.ts`, 'const a = 1;\n')]);
          await new Promise((resolve) => setTimeout(resolve, 1));
        }
      } catch (error) {
        stopped = error;
        throw error;
      }
    };
    const broken = { config, commitlint: async () => Promise.reject(new Error('commitlint config is broken')) };
    await assert.rejects(runChecksOverBatches(change([]), broken, endless), /commitlint config is broken/);
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.ok(stopped instanceof Error, 'the batch source must be told to stop');
    assert.ok(fed < 1000, `fed ${fed} batches`);
  });
});
