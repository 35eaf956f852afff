/**
 * What `verify` is asked to check, read from flags or the CI's environment: GitHub Actions
 * (`GITHUB_*` and the event payload file), GitLab CI (`CI_*`), or `--base/--head` anywhere.
 * Only reading here: the range source asks git whether the named commits exist.
 */
import fs from 'node:fs';
import { InputError, UsageError } from '../errors.js';
import { messages } from '../messages.js';
import type { Change } from '../types.js';

export interface RangeRequest {
  provider: NonNullable<Change['ci']>['provider'];
  event: NonNullable<Change['ci']>['event'];
  /** Candidate revisions for the base, first one that exists wins; none means "a new branch". */
  base: string[];
  head: string;
  branch?: string;
  targetBranch?: string;
  pullRequest?: Change['pullRequest'];
  ref?: string;
  created?: boolean;
  /** A push that rewrote the ref (GitHub's `forced`). */
  forced?: boolean;
  deleted?: boolean;
  /** The repository's default branch (a new branch's push reads the policy from it). */
  defaultBranch?: string;
}

export interface RangeFlags {
  base?: string;
  head?: string;
  branch?: string;
  target?: string;
}

const ZERO = /^0+$/;

export function readRangeRequest(flags: RangeFlags, env: NodeJS.ProcessEnv): RangeRequest {
  if (flags.base !== undefined) {
    return { provider: 'local', event: 'range', base: [flags.base], head: flags.head ?? 'HEAD', branch: flags.branch, targetBranch: flags.target };
  }
  if (env.GITHUB_ACTIONS === 'true') return withOverrides(fromGitHub(env), flags);
  if (env.GITLAB_CI === 'true') return withOverrides(fromGitLab(env), flags);
  throw new UsageError(messages.verify.noRange, messages.verify.noRangeFix);
}

function withOverrides(request: RangeRequest, flags: RangeFlags): RangeRequest {
  return {
    ...request,
    head: flags.head ?? request.head,
    branch: flags.branch ?? request.branch,
    targetBranch: flags.target ?? request.targetBranch,
  };
}

interface GitHubPayload {
  pull_request?: {
    number?: number;
    title?: string;
    body?: string | null;
    base?: { sha?: string; ref?: string; repo?: { full_name?: string } | null };
    head?: { sha?: string; ref?: string; repo?: { full_name?: string } | null };
    labels?: { name?: string }[];
  };
  repository?: { default_branch?: string };
  before?: string;
  after?: string;
  ref?: string;
  created?: boolean;
  deleted?: boolean;
  forced?: boolean;
}

function readPayload(file: string | undefined): GitHubPayload {
  if (!file) return {};
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(messages.verify.payloadUnreadable(file, (error as Error).message), messages.verify.payloadFix);
  }
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not a JSON object');
    return value as GitHubPayload;
  } catch (error) {
    throw new InputError(messages.verify.payloadUnreadable(file, (error as Error).message), messages.verify.payloadFix);
  }
}

const shortRef = (ref: string | undefined) => ref?.replace(/^refs\/(heads|tags)\//, '');

/**
 * The fork a GitHub pull request comes from, when it is not the base repository. A head
 * repository of `null` is a fork that was deleted: still not this repository.
 */
function gitHubFork(pr: GitHubPayload['pull_request']): { fork?: string } {
  const base = pr?.base?.repo?.full_name;
  const head = pr?.head?.repo;
  if (!base || head === undefined) return {};
  if (head === null) return { fork: 'a deleted fork' };
  return head.full_name && head.full_name !== base ? { fork: head.full_name } : {};
}

function fromGitHub(env: NodeJS.ProcessEnv): RangeRequest {
  const payload = readPayload(env.GITHUB_EVENT_PATH);
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const pr = payload.pull_request;
  if (pr || eventName.startsWith('pull_request')) {
    const target = env.GITHUB_BASE_REF || pr?.base?.ref;
    return {
      provider: 'github',
      event: 'pull-request',
      base: [pr?.base?.sha, target && `refs/remotes/origin/${target}`, target].filter((value): value is string => Boolean(value)),
      head: pr?.head?.sha ?? 'HEAD',
      branch: env.GITHUB_HEAD_REF || pr?.head?.ref,
      targetBranch: target,
      pullRequest: { title: pr?.title, body: pr?.body ?? undefined, number: pr?.number, labels: labelNames(pr?.labels), ...gitHubFork(pr) },
    };
  }
  // schedule, workflow_dispatch, merge_group…: no range to take; guessing one could check all history.
  if (eventName !== 'push') throw new UsageError(messages.verify.unknownEvent(`GitHub event "${eventName || '(unset)'}"`), messages.verify.noRangeFix);
  const ref = payload.ref ?? env.GITHUB_REF;
  const before = payload.before;
  const created = payload.created === true || (before !== undefined && ZERO.test(before));
  return {
    provider: 'github',
    event: 'push',
    base: created || !before ? [] : [before],
    head: payload.after && !ZERO.test(payload.after) ? payload.after : (env.GITHUB_SHA ?? 'HEAD'),
    branch: ref?.startsWith('refs/heads/') ? shortRef(ref) : undefined,
    ref,
    created,
    forced: payload.forced === true,
    deleted: payload.deleted === true,
    defaultBranch: payload.repository?.default_branch,
  };
}

/** The fork a GitLab merge request comes from: its source project is not the target project. */
function gitLabFork(env: NodeJS.ProcessEnv): { fork?: string } {
  const source = env.CI_MERGE_REQUEST_SOURCE_PROJECT_ID;
  const target = env.CI_MERGE_REQUEST_PROJECT_ID;
  if (!source || !target || source === target) return {};
  return { fork: env.CI_MERGE_REQUEST_SOURCE_PROJECT_PATH || `project ${source}` };
}

function fromGitLab(env: NodeJS.ProcessEnv): RangeRequest {
  if (env.CI_MERGE_REQUEST_IID) {
    const target = env.CI_MERGE_REQUEST_TARGET_BRANCH_NAME;
    return {
      provider: 'gitlab',
      event: 'pull-request',
      base: [env.CI_MERGE_REQUEST_DIFF_BASE_SHA, target && `refs/remotes/origin/${target}`, target].filter((value): value is string => Boolean(value)),
      head: env.CI_COMMIT_SHA ?? 'HEAD',
      branch: env.CI_MERGE_REQUEST_SOURCE_BRANCH_NAME,
      targetBranch: target,
      pullRequest: {
        title: env.CI_MERGE_REQUEST_TITLE,
        body: env.CI_MERGE_REQUEST_DESCRIPTION,
        number: Number(env.CI_MERGE_REQUEST_IID),
        // GitLab joins the merge request's labels with commas.
        labels: env.CI_MERGE_REQUEST_LABELS ? env.CI_MERGE_REQUEST_LABELS.split(',').map((label) => label.trim()).filter(Boolean) : [],
        ...gitLabFork(env),
      },
    };
  }
  const source = env.CI_PIPELINE_SOURCE;
  if (source !== undefined && source !== 'push') throw new UsageError(messages.verify.unknownEvent(`GitLab pipeline source "${source}"`), messages.verify.noRangeFix);
  const before = env.CI_COMMIT_BEFORE_SHA;
  const created = !before || ZERO.test(before);
  const tag = env.CI_COMMIT_TAG;
  return {
    provider: 'gitlab',
    event: 'push',
    base: created ? [] : [before],
    head: env.CI_COMMIT_SHA ?? 'HEAD',
    branch: tag ? undefined : (env.CI_COMMIT_BRANCH ?? env.CI_COMMIT_REF_NAME),
    ref: tag ? `refs/tags/${tag}` : env.CI_COMMIT_BRANCH ? `refs/heads/${env.CI_COMMIT_BRANCH}` : undefined,
    created,
    defaultBranch: env.CI_DEFAULT_BRANCH,
  };
}

/** The names of a GitHub pull request's labels (the payload's `labels[].name`). */
function labelNames(labels: unknown): string[] {
  if (!Array.isArray(labels)) return [];
  return labels.flatMap((label) => (typeof label === 'object' && label !== null && typeof (label as { name?: unknown }).name === 'string' ? [(label as { name: string }).name] : []));
}
