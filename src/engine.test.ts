import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { levelFor, parseSkipList, runChecks } from './engine.js';
import { UsageError } from './errors.js';

describe('levelFor', () => {
  it('defaults to error, takes one level, or a level per stage', () => {
    assert.equal(levelFor({}, 'commit-message', 'commit-msg'), 'error');
    assert.equal(levelFor({ checks: { 'commit-message': 'off' } }, 'commit-message', 'commit-msg'), 'off');
    const perStage = { checks: { 'commit-message': { 'commit-msg': 'warning', verify: 'error' } as const } };
    assert.equal(levelFor(perStage, 'commit-message', 'commit-msg'), 'warning');
    assert.equal(levelFor(perStage, 'commit-message', 'verify'), 'error');
    assert.equal(levelFor(perStage, 'commit-message', 'audit'), 'error');
  });
});

describe('parseSkipList', () => {
  it('reads comma-separated ids, tolerating spaces and empty entries', () => {
    assert.deepEqual(parseSkipList(' commit-message ,,'), ['commit-message']);
    assert.deepEqual(parseSkipList(undefined), []);
  });
  it('rejects unknown ids', () => {
    assert.throws(() => parseSkipList('commit-message,nope'), (error: unknown) => error instanceof UsageError && /nope/.test(error.message));
  });
});

describe('runChecks', () => {
  const bad = { stage: 'commit-msg' as const, messages: [{ text: 'Bad.' }] };
  it('runs the checks of the stage and stamps check id and severity', async () => {
    const report = await runChecks(bad, { config: {} });
    assert.ok(report.findings.length > 0);
    assert.ok(report.findings.every((f) => f.check === 'commit-message' && f.severity === 'error'));
    assert.match(report.reasons['commit-message']!, /release notes/);
  });
  it('a check set to "warning" only warns; "off" does not run', async () => {
    const warned = await runChecks(bad, { config: { checks: { 'commit-message': 'warning' } } });
    // The same findings as at "error", each demoted: an empty list would pass `every` and prove nothing.
    const errors = (await runChecks(bad, { config: {} })).findings;
    assert.ok(errors.length > 0);
    assert.deepEqual(warned.findings.map((f) => f.message), errors.map((f) => f.message));
    assert.ok(warned.findings.every((f) => f.severity === 'warning'));
    assert.deepEqual((await runChecks(bad, { config: { checks: { 'commit-message': 'off' } } })).findings, []);
  });
  it('skips what MCFLOW_SKIP names and reports it', async () => {
    const report = await runChecks(bad, { config: {}, skip: ['commit-message'] });
    assert.deepEqual(report.findings, []);
    assert.deepEqual(report.skipped, ['commit-message']);
  });
  it('runs nothing for a stage no check declares', async () => {
    assert.deepEqual((await runChecks({ stage: 'post-checkout' }, { config: {} })).findings, []);
  });
});
