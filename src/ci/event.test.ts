import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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

  it('says when a pull request comes from a fork (GitHub payload, GitLab project ids), and not otherwise', (t) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcflow-event-'));
    t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
    const github = (head: unknown) => {
      const file = path.join(dir, 'event.json');
      const pr = { number: 3, base: { sha: 'b'.repeat(40), ref: 'main-production', repo: { full_name: 'acme/app' } }, head: { sha: 'h'.repeat(40), ref: 'release/v9.9.9', repo: head } };
      fs.writeFileSync(file, JSON.stringify({ pull_request: pr }));
      return readRangeRequest({}, { GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: file }).pullRequest?.fork;
    };
    assert.equal(github({ full_name: 'mallory/app' }), 'mallory/app');
    assert.equal(github(null), 'a deleted fork');
    assert.equal(github({ full_name: 'acme/app' }), undefined);
    const gitlab = (source: string) =>
      readRangeRequest({}, { GITLAB_CI: 'true', CI_MERGE_REQUEST_IID: '4', CI_MERGE_REQUEST_PROJECT_ID: '10', CI_MERGE_REQUEST_SOURCE_PROJECT_ID: source, CI_MERGE_REQUEST_SOURCE_PROJECT_PATH: 'mallory/app' }).pullRequest?.fork;
    assert.equal(gitlab('11'), 'mallory/app');
    assert.equal(gitlab('10'), undefined);
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
