/**
 * Simulated CI environments for `verify` tests: the variables GitHub Actions and GitLab CI set,
 * and GitHub's event payload written to a file, as the runners do.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { TestRepo } from './repo.js';

export const ZERO_SHA = '0'.repeat(40);

export interface PullRequestEvent {
  base: string;
  head: string;
  title?: string;
  body?: string;
  number?: number;
  /** Labels on the pull request (GitHub payload `labels[].name`, GitLab `CI_MERGE_REQUEST_LABELS`). */
  labels?: string[];
}

/** GitHub Actions on `pull_request`: payload file, GITHUB_BASE_REF/HEAD_REF, and a job summary file. */
export function githubPullRequestEnv(repo: TestRepo, event: PullRequestEvent): NodeJS.ProcessEnv {
  const payload = {
    action: 'opened',
    number: event.number ?? 7,
    pull_request: {
      number: event.number ?? 7,
      title: event.title ?? 'feat: add login form',
      body: event.body ?? GOOD_BODY,
      base: { ref: event.base, sha: repo.git(['rev-parse', event.base]).stdout.trim() },
      head: { ref: event.head, sha: repo.git(['rev-parse', event.head]).stdout.trim() },
      labels: (event.labels ?? []).map((name) => ({ name })),
    },
  };
  return githubEnv(repo, 'pull_request', payload, { GITHUB_BASE_REF: event.base, GITHUB_HEAD_REF: event.head, GITHUB_REF: `refs/pull/${event.number ?? 7}/merge` });
}

/** GitHub Actions on `push`: `before` is all zeros for a new branch. */
export function githubPushEnv(repo: TestRepo, push: { ref: string; before: string; after: string; created?: boolean }): NodeJS.ProcessEnv {
  const payload = { ref: push.ref, before: push.before, after: push.after, created: push.created ?? push.before === ZERO_SHA, deleted: false, repository: { default_branch: 'main' } };
  return githubEnv(repo, 'push', payload, { GITHUB_REF: push.ref, GITHUB_SHA: push.after });
}

function githubEnv(repo: TestRepo, eventName: string, payload: unknown, extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const dir = path.join(repo.home, 'runner');
  fs.mkdirSync(dir, { recursive: true });
  const eventPath = path.join(dir, `event-${eventName}.json`);
  fs.writeFileSync(eventPath, JSON.stringify(payload, null, 2));
  const summary = path.join(dir, 'step-summary.md');
  fs.writeFileSync(summary, '');
  return { CI: 'true', GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: eventName, GITHUB_EVENT_PATH: eventPath, GITHUB_STEP_SUMMARY: summary, ...extra };
}

export function readStepSummary(env: NodeJS.ProcessEnv): string {
  return fs.readFileSync(env.GITHUB_STEP_SUMMARY!, 'utf8');
}

/** GitLab CI in a merge request pipeline. */
export function gitlabMergeRequestEnv(repo: TestRepo, mr: PullRequestEvent): NodeJS.ProcessEnv {
  const base = repo.git(['merge-base', mr.base, mr.head]).stdout.trim();
  return {
    CI: 'true',
    GITLAB_CI: 'true',
    CI_PIPELINE_SOURCE: 'merge_request_event',
    CI_MERGE_REQUEST_IID: String(mr.number ?? 5),
    CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: mr.head,
    CI_MERGE_REQUEST_TARGET_BRANCH_NAME: mr.base,
    CI_MERGE_REQUEST_DIFF_BASE_SHA: base,
    CI_MERGE_REQUEST_TITLE: mr.title ?? 'feat: add login form',
    CI_MERGE_REQUEST_DESCRIPTION: mr.body ?? GOOD_BODY,
    CI_COMMIT_SHA: repo.git(['rev-parse', mr.head]).stdout.trim(),
    ...(mr.labels ? { CI_MERGE_REQUEST_LABELS: mr.labels.join(',') } : {}),
  };
}

/** GitLab CI on a branch push. */
export function gitlabPushEnv(branch: string, before: string, after: string): NodeJS.ProcessEnv {
  return { CI: 'true', GITLAB_CI: 'true', CI_PIPELINE_SOURCE: 'push', CI_COMMIT_BRANCH: branch, CI_COMMIT_REF_NAME: branch, CI_COMMIT_BEFORE_SHA: before, CI_COMMIT_SHA: after, CI_DEFAULT_BRANCH: 'main' };
}

/** A description that keeps the gitflow preset's template. */
export const GOOD_BODY = `## Description
Adds the login form.

## Type of change
- [x] New feature (non-breaking)

## Testing
- [x] Unit tests pass

## Security
- [x] No sensitive data exposed

## Deployment
- [ ] Database migrations included
`;
