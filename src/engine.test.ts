import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { levelFor, parseSkipList, planChecks, runChecks } from './engine.js';
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
    const off = await runChecks(bad, { config: { checks: { 'commit-message': 'off' } } });
    assert.deepEqual(off.findings, []);
    assert.ok(!off.checks?.some((check) => check.id === 'commit-message'), 'an "off" check must not run');
    assert.deepEqual(off.skipped, []);
  });
  it('skips what MCFLOW_SKIP names and reports it', async () => {
    const report = await runChecks(bad, { config: {}, skip: ['commit-message'] });
    assert.deepEqual(report.findings, []);
    assert.deepEqual(report.skipped, ['commit-message']);
    assert.ok(!report.checks?.some((check) => check.id === 'commit-message'), 'a skipped check must not run');
  });
  it('runs exactly the planned checks, and nothing for a stage no check declares', async () => {
    const report = await runChecks({ stage: 'post-checkout', branch: 'feature/login' }, { config: {} });
    assert.deepEqual(report.checks?.map((check) => check.id), planChecks({}, 'post-checkout').run.map((check) => check.id));
    assert.deepEqual(report.findings, []);
    const bare = await runChecks({ stage: 'prepare-commit-msg' }, { config: {} });
    assert.deepEqual(bare.checks, []);
  });
});

describe('planChecks', () => {
  it('takes the stages from the registry and the levels from the config', () => {
    const plan = planChecks({ checks: { 'large-files': 'warning', 'sensitive-files': 'off' } }, 'pre-commit');
    const ids = plan.run.map((check) => check.id);
    assert.ok(ids.includes('secrets') && ids.includes('protected-branch'));
    assert.ok(!ids.includes('commit-message'), 'commit-message runs at commit-msg, not pre-commit');
    assert.ok(!ids.includes('sensitive-files'), 'an "off" check is not planned');
    assert.deepEqual(plan.run.find((check) => check.id === 'large-files'), { id: 'large-files', level: 'warning' });
    assert.deepEqual(plan.skipped, []);
  });
  it('lists skipped checks apart, and `only` narrows without widening', () => {
    const plan = planChecks({}, 'commit-msg', { skip: ['secrets'] });
    assert.deepEqual(plan.skipped, ['secrets']);
    assert.ok(!plan.run.some((check) => check.id === 'secrets'));
    // audit asks for its sections' checks; one the stage does not run stays out.
    assert.deepEqual(planChecks({}, 'audit', { only: ['tag-name', 'pr-title'] }).run, [{ id: 'tag-name', level: 'error' }]);
  });
  it('reads a per-stage level for the stage asked about', () => {
    const config = { checks: { 'branch-name': { 'pre-commit': 'off', verify: 'warning' } as const } };
    assert.ok(!planChecks(config, 'pre-commit').run.some((check) => check.id === 'branch-name'));
    assert.deepEqual(planChecks(config, 'verify', { only: ['branch-name'] }).run, [{ id: 'branch-name', level: 'warning' }]);
    assert.deepEqual(planChecks(config, 'pre-push', { only: ['branch-name'] }).run, [{ id: 'branch-name', level: 'error' }]);
  });
});
