import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UsageError } from '../errors.js';
import { readRangeRequest } from './event.js';

describe('readRangeRequest', () => {
  it('flags win over the CI environment', () => {
    const request = readRangeRequest({ base: 'origin/develop', target: 'develop' }, { GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'push' });
    assert.deepEqual(request, { provider: 'local', event: 'range', base: ['origin/develop'], head: 'HEAD', branch: undefined, targetBranch: 'develop' });
  });

  it('reads a GitLab merge request from CI_MERGE_REQUEST_*', () => {
    const request = readRangeRequest({}, {
      GITLAB_CI: 'true',
      CI_PIPELINE_SOURCE: 'merge_request_event',
      CI_MERGE_REQUEST_IID: '12',
      CI_MERGE_REQUEST_DIFF_BASE_SHA: 'b'.repeat(40),
      CI_COMMIT_SHA: 'h'.repeat(40),
      CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: 'feature/x',
      CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'develop',
      CI_MERGE_REQUEST_TITLE: 'feat: x',
    });
    assert.equal(request.event, 'pull-request');
    assert.deepEqual(request.base, ['b'.repeat(40), 'refs/remotes/origin/develop', 'develop']);
    assert.deepEqual(request.pullRequest, { title: 'feat: x', body: undefined, number: 12, labels: [] });
  });

  it('reads a GitLab tag pipeline as a tag push', () => {
    const request = readRangeRequest({}, { GITLAB_CI: 'true', CI_PIPELINE_SOURCE: 'push', CI_COMMIT_TAG: 'v1.0.0', CI_COMMIT_BEFORE_SHA: '0'.repeat(40), CI_COMMIT_SHA: 'h'.repeat(40) });
    assert.equal(request.ref, 'refs/tags/v1.0.0');
    assert.equal(request.branch, undefined);
    assert.equal(request.created, true);
  });

  it('refuses events that name no range instead of guessing one', () => {
    assert.throws(() => readRangeRequest({}, { GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'schedule' }), (error: Error) => error instanceof UsageError && /GitHub event "schedule" names no range/.test(error.message));
    assert.throws(() => readRangeRequest({}, { GITLAB_CI: 'true', CI_PIPELINE_SOURCE: 'schedule' }), /GitLab pipeline source "schedule"/);
    assert.throws(() => readRangeRequest({}, {}), /no --base was given/);
  });
});
