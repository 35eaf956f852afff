/**
 * Where `verify` takes its policy from. In a pull/merge request: the target branch's commit,
 * never the pull request (which could otherwise loosen the rules that judge it); on a push: the
 * commit before the push (a new branch: the default branch). `--config` always wins. The
 * change's own config is resolved beside it, without running code, so `policy-change` can list
 * what it would weaken. When the target has no policy yet (the pull request that brings
 * mcflow-hooks), the change's config applies and the report says so.
 */
import path from 'node:path';
import { loadConfig, loadConfigFile, loadDefaultPreset, SEARCH_PLACES, type ResolvedConfig } from '../config/load.js';
import { COMMITLINT_FILES } from '../commitlint/setup.js';
import { loadConfigAtCommit, type CommitConfig } from '../config/at-commit.js';
import { isLocked } from '../config/locks.js';
import { findWeakenings } from '../config/policy-diff.js';
import { resolveCommit, unresolvedRevision } from '../git/log.js';
import { prefetchCommitFiles, startRevisionPrefetch, type EarlyPrefetch } from '../git/prefetch.js';
import { treeContains } from '../git/tree.js';
import type { Repository } from '../git/repo.js';
import { isMcflowError } from '../errors.js';
import { messages } from '../messages.js';
import type { PolicyReview } from '../types.js';
import type { RangeRequest } from './event.js';

export interface VerifyPolicy {
  /** The policy the checks run with. */
  resolved: ResolvedConfig;
  /** One line saying where the policy came from, for the report's header. */
  source: string;
  /** What `policy-change` compares (unset for `--staged`). */
  review?: PolicyReview;
  /** The commit the policy was read from (the target branch's), when it was. */
  baseCommit?: string;
  /** The change's head commit. */
  headCommit?: string;
}

const text = messages.policy.source;

/** Files whose mention of mcflow-hooks says a repository has adopted it (its policy is then the default preset, not "none yet"). */
const ADOPTION_FILES = ['package.json', '.gitlab-ci.yml', '.github/workflows', '.husky'];

/** Every top-level file the policy may come from: the config's search places, the commitlint config's, package.json. */
const POLICY_FILES = [...new Set([...SEARCH_PLACES, ...COMMITLINT_FILES, 'package.json'])];

/** The revisions verify's policy reads, asked of git before the repository is known ({@link startRevisionPrefetch}). */
export function startPolicyPrefetch(cwd: string, request: RangeRequest): EarlyPrefetch {
  return startRevisionPrefetch(cwd, policyRevisions(request));
}

function policyRevisions(request: RangeRequest): string[] {
  return [request.head, ...policyCandidates(request).map(({ revision }) => revision)];
}

export async function resolveVerifyPolicy(repo: Repository, cwd: string, request: RangeRequest | undefined, configFlag: string | undefined, early?: EarlyPrefetch): Promise<VerifyPolicy> {
  const show = (file: string | undefined) => (file ? path.relative(repo.root, file).split(path.sep).join('/') || file : undefined);
  // Every revision and policy file this run reads before the range, from one git process: the
  // readers below (and the range's source) then find the answers in the run's cache.
  if (request) {
    const files = !configFlag && path.resolve(cwd) === repo.root ? POLICY_FILES : [];
    await prefetchCommitFiles(repo, policyRevisions(request), () => [policyBase(repo, request)?.sha, resolveCommit(repo, request.head)], files, early);
  } else early?.store.close();
  const head = request ? resolveCommit(repo, request.head) : undefined;
  if (configFlag) {
    // A pinned policy (an organisation's): nothing the change brings replaces it; added inline markers are still reported.
    const resolved = await loadConfigFile(path.resolve(cwd, configFlag));
    return { resolved, source: text.explicit(resolved.filepath ?? configFlag), review: request ? emptyReview(resolved, request) : undefined };
  }
  if (request && !head) {
    // Never fall back to the work tree here: that is the pull request's checkout.
    throw unresolvedRevision(repo, request.head, 'head');
  }
  if (!request || !head) {
    const resolved = await loadConfig(cwd, repo.root);
    return { resolved, source: text.workTree(show(resolved.filepath)) };
  }
  const labels = request.pullRequest?.labels ?? [];
  const baseCommit = policyBase(repo, request);
  const baseConfig = baseCommit ? await loadConfigAtCommit(repo, baseCommit.sha, cwd, { runCode: true }) : undefined;
  const headConfig = await loadHeadConfig(repo, head, cwd, baseConfig?.importedPresets ?? []);
  if (!baseCommit || !baseConfig) return fromChange(repo, request, headConfig, text.newBranch(headConfig.file), false);
  // Neither end has a config file: both are the default preset, nothing changes hands.
  if (!baseConfig.resolved && headConfig.file && !treeContains(repo, baseCommit.sha, 'mcflow-hooks', ADOPTION_FILES)) {
    return fromChange(repo, request, headConfig, text.newPolicy(headConfig.file), true);
  }
  const where = `${baseCommit.name} (${baseCommit.sha.slice(0, 12)})`;
  const base = baseConfig.resolved ?? (await loadDefaultPreset(repo.root));
  const source = baseConfig.resolved ? text.base(baseConfig.file!, where) : text.baseDefault(where);
  const review: PolicyReview = {
    base: base.config,
    ...(headConfig.error ? { headError: headConfig.error } : {}),
    lockViolations: headConfig.lockViolations.flatMap((violation) => violation.weakenings),
    event: request.event,
    label: base.config.policy?.reviewedLabel,
    headFile: headConfig.file,
  };
  // The same config blob at both ends is the same code: its policy is the base's, nothing to run again.
  const unchangedCode = headConfig.code !== undefined && headConfig.blob === baseConfig.blob && headConfig.file === baseConfig.file;
  if (headConfig.code && !unchangedCode) review.code = { file: headConfig.code, added: headConfig.file !== baseConfig.file || !baseConfig.blob };
  review.head = unchangedCode
    ? base.config
    : (headConfig.resolved?.config ?? (headConfig.code || headConfig.error ? undefined : (await loadDefaultPreset(repo.root)).config));
  const label = review.label;
  if (label && request.event === 'pull-request' && labels.includes(label)) review.acceptedLabel = label;
  // A reviewed change (the label) is judged by its own declarative policy, unless it weakens a locked key.
  if (review.acceptedLabel && review.head && headConfig.resolved && review.lockViolations.length === 0 && !weakensLocked(base.config, review.head)) {
    return { resolved: headConfig.resolved, source: `${source}; ${text.accepted(headConfig.file!, review.acceptedLabel)}`, review, baseCommit: baseCommit.sha, headCommit: head };
  }
  return { resolved: base, source, review, baseCommit: baseCommit.sha, headCommit: head };
}

/** The commit to read the policy from, and how to name it: the target's tip, the commit before a push, or the default branch for a new one. */
export function policyBase(repo: Repository, request: RangeRequest): { sha: string; name: string } | undefined {
  for (const { revision, name } of policyCandidates(request)) {
    const sha = resolveCommit(repo, revision);
    if (sha) return { sha, name };
  }
  return undefined;
}

function policyCandidates(request: RangeRequest): { revision: string; name: string }[] {
  const candidates = request.base.map((revision) => ({ revision, name: request.event === 'pull-request' ? (request.targetBranch ?? revision) : request.event === 'push' ? 'the commit before the push' : revision }));
  // A new branch, or a forced push whose old tip CI did not fetch: the default branch's policy.
  if (request.event === 'push' && request.defaultBranch) {
    for (const revision of [`refs/remotes/origin/${request.defaultBranch}`, `refs/heads/${request.defaultBranch}`]) candidates.push({ revision, name: request.defaultBranch });
  }
  return candidates;
}

/** No policy to judge by but the change's own: its declarative config, or the default preset when it is code. */
async function fromChange(repo: Repository, request: RangeRequest, headConfig: CommitConfig & { error?: string }, source: string, newPolicy: boolean): Promise<VerifyPolicy> {
  const resolved = headConfig.resolved ?? (await loadDefaultPreset(repo.root));
  const review: PolicyReview = { ...emptyReview(resolved, request), headFile: headConfig.file, ...(headConfig.error ? { headError: headConfig.error } : {}) };
  if (newPolicy) review.newPolicy = { file: headConfig.code ?? headConfig.file, code: headConfig.code !== undefined };
  // Locked keys hold even for a policy that is new.
  review.lockViolations = headConfig.lockViolations.flatMap((violation) => violation.weakenings);
  return { resolved, source, review };
}

function emptyReview(resolved: ResolvedConfig, request: RangeRequest): PolicyReview {
  const label = resolved.config.policy?.reviewedLabel;
  const labels = request.pullRequest?.labels ?? [];
  return {
    base: resolved.config,
    head: resolved.config,
    lockViolations: [],
    event: request.event,
    label,
    ...(label && request.event === 'pull-request' && labels.includes(label) ? { acceptedLabel: label } : {}),
  };
}

function weakensLocked(base: PolicyReview['base'], head: NonNullable<PolicyReview['head']>): boolean {
  const locked = base.policy?.locked ?? [];
  return locked.length > 0 && findWeakenings(base, head).some((weakening) => isLocked(weakening.key, locked));
}

/**
 * The change's own config, resolved without running code. One it cannot resolve (a broken file,
 * a preset it does not have, a symbolic link) is a policy-change finding, not the end of the run:
 * the target's policy still judges everything else.
 */
async function loadHeadConfig(repo: Repository, head: string, cwd: string, trustedPresets: readonly string[]): Promise<CommitConfig & { error?: string }> {
  try {
    return await loadConfigAtCommit(repo, head, cwd, { runCode: false, collectLocks: true, trustedPresets });
  } catch (error) {
    if (!isMcflowError(error)) throw error;
    return { commit: head, lockViolations: [], importedPresets: [], error: error.message };
  }
}
