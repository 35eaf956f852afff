/**
 * Builds the Change for `verify`: every commit a pull request or push brings (one `git log`),
 * what each commit added (one streamed `git log -p`), and blob content on demand (one
 * `git cat-file --batch`). Each changed file is tied to the commit that added its lines, so a
 * finding names the commit to fix.
 *
 * A range whose base is missing is an error, never a silent pass: in a shallow clone the fix is
 * to fetch more history.
 */
import { GitError } from '../errors.js';
import { messages } from '../messages.js';
import { compileMatcher } from '../config/glob.js';
import { readCommitContent, startCommitContent, streamCommitContent, toChangedFiles } from '../git/content-reader.js';
import { fullRefName, listRangeCommits, mergeBase, resolveCommit, unresolvedRevision, type RevisionRange } from '../git/log.js';
import { ObjectStore } from '../git/object-store.js';
import { listBranchRefs } from '../git/refs.js';
import { readCurrentBranch, type Repository } from '../git/repo.js';
import { isShallowRepository as isShallow } from '../git/refs.js';
import { addProductionReachability } from './release-reachability.js';
import type { RangeRequest } from '../ci/event.js';
import type { Change, ChangedFile } from '../types.js';

export interface RangeChange {
  change: Change;
  /** What was given to git (`<head> ^<base>`), for the report's header. */
  range: RevisionRange;
  /** Ends the object reader's git process. */
  close(): void;
  /**
   * With `stream`: the files, a batch of commits at a time (change.files stays empty), so that
   * a check run per batch holds one batch's files, not the range's.
   */
  fileBatches?: (onBatch: (files: ChangedFile[]) => Promise<void>) => Promise<void>;
}

export interface RangeOptions {
  /** `branches.production`: a pushed release tag is checked against them, as the pre-push hook does. */
  production?: readonly string[];
  /** `branches.protected`: a push that creates or rewrites one is checked against the others only. */
  protectedBranches?: readonly string[];
  /** False when no check reads files: then no diff is read at all. */
  readFiles?: boolean;
  /** Hand the files out in batches ({@link RangeChange.fileBatches}) instead of all at once in change.files. */
  stream?: boolean;
}

/**
 * @param options production and protected branch patterns, and whether any check reads files.
 */
export async function collectRangeChange(repo: Repository, request: RangeRequest, options: RangeOptions | readonly string[] = {}): Promise<RangeChange> {
  const { production = [], protectedBranches = [], readFiles = true, stream = false } = Array.isArray(options) ? { production: options as readonly string[] } : (options as RangeOptions);
  const change: Change = {
    stage: 'verify',
    branch: request.branch ?? branchOf(repo, request.head),
    targetBranch: request.targetBranch ?? (request.event === 'range' ? branchName(repo, request.base[0]) : undefined),
    pullRequest: request.pullRequest,
    ci: { provider: request.provider, event: request.event, ref: request.ref, created: request.created },
    repo: { root: repo.root, gitDir: repo.gitDir, hasHead: true },
    messages: [],
    files: [],
    commits: [],
  };
  const store = new ObjectStore(repo);
  const close = () => store.close();
  if (request.deleted) return { change, range: EMPTY, close };

  const head = resolveCommit(repo, request.head);
  if (!head) throw missing(repo, request.head, 'head');
  if (request.ref && request.ref.startsWith('refs/')) {
    const kind = request.created ? 'create' : request.forced ? 'force' : 'update';
    const update = { localRef: request.ref, localSha: head, remoteRef: request.ref, remoteSha: request.base[0] ?? '0'.repeat(40), kind } as const;
    change.refUpdates = addProductionReachability(repo, [update], production, 'origin');
  }
  // A tag push is judged by its name, and by the commits that no branch has (a commit made for the
  // tag alone was never checked on a branch); those on a branch were checked there. A shallow
  // clone cannot tell which are which: the name only.
  const tagged = request.ref?.startsWith('refs/tags/');
  if (tagged && isShallow(repo)) return { change, range: EMPTY, close };
  const range = tagged ? newBranchRange(repo, { ...request, branch: undefined }, head) : boundRange(repo, request, head, protectedBranches);
  // The content stream's git starts first and walks the range while the commits are listed
  // (two processes side by side, not one after the other); a range with no commit ends it.
  const started = readFiles && stream && range.revisions.length > 0 ? startCommitContent(repo, range) : undefined;
  let commits: ReturnType<typeof listRangeCommits>;
  try {
    commits = listRangeCommits(repo, range);
  } catch (error) {
    started?.kill();
    throw error;
  }
  change.commits = commits.map(({ message: _message, ...info }) => info);
  change.messages = commits.map((commit) => ({ text: commit.message, commit: commit.sha, author: commit.author, committer: commit.committer }));
  if (started && commits.length > 0) {
    const fileBatches = async (onBatch: (files: ChangedFile[]) => Promise<void>) => {
      // One batch is checked while the next one's contents are read: git (log, cat-file) and the
      // scan run side by side instead of in turn. Two batches at most are held.
      let checking: Promise<void> = Promise.resolve();
      await streamCommitContent(
        repo,
        range,
        async (batch) => {
          const files = prefetched(await toChangedFiles(store, batch));
          await checking;
          checking = onBatch(files);
          // Awaited with the next batch or at the end; a failure meanwhile is not "unhandled".
          checking.catch(() => {});
        },
        {},
        started,
      );
      await checking;
    };
    return {
      change,
      range,
      // A run that stopped before reading the files ends that git too.
      close: () => {
        started.kill();
        close();
      },
      fileBatches,
    };
  }
  started?.kill();
  if (readFiles && commits.length > 0) change.files = await toChangedFiles(store, await readCommitContent(repo, range));
  return { change, range, close };
}

const EMPTY: RevisionRange = { options: [], revisions: [] };

/**
 * Files up to this size are read as soon as their batch arrives; larger ones when a check asks.
 * The size the secrets check reads and scans at once (its batches and windows): a file of a few
 * megabytes is inflated by git while the messages are linted, not after (4.5 MB: ~15 ms of
 * waiting, when it was asked for only once the scan reached it).
 */
const PREFETCH_BYTES = 8 * 1024 * 1024;
/**
 * …up to this many bytes per batch. A batch is a number of commits, and one commit can add
 * anything: a vendored library of 16 000 files (167 MB) was read into memory at once (peak RSS
 * 400 MB for that one commit, 330–350 MB with this bound). Past it, files are read when a check
 * asks (the secrets check reads in batches of 8 MB).
 */
const PREFETCH_BATCH_BYTES = 32 * 1024 * 1024;

/** Starts reading each small file's content now; the checks get the same read when they ask. */
function prefetched(files: ChangedFile[]): ChangedFile[] {
  let budget = PREFETCH_BATCH_BYTES;
  return files.map((file) => {
    if (!file.readContent || file.size === undefined || file.size > PREFETCH_BYTES || file.size > budget) return file;
    budget -= file.size;
    const content = file.readContent();
    content.catch(() => {});
    return { ...file, readContent: () => content };
  });
}

/**
 * `<head> ^<base>`, or for a new branch `<head>` minus every other branch. A push that creates a
 * protected branch (or rewrites one whose old tip CI cannot see) is judged against the other
 * *protected* branches only: commits that are merely on some feature branch have not been
 * through a pull request, and excluding them would check nothing.
 */
function boundRange(repo: Repository, request: RangeRequest, head: string, protectedBranches: readonly string[]): RevisionRange {
  const shallow = isShallow(repo);
  const isProtected = request.event === 'push' && request.branch !== undefined && compileMatcher(protectedBranches)(request.branch);
  if (request.base.length > 0) {
    const base = request.base.map((candidate) => resolveCommit(repo, candidate)).find(Boolean);
    if (!base) {
      // A forced push's old tip is not fetched by CI: compare with the other branches instead.
      if (request.event === 'push' && !shallow) return isProtected ? otherProtectedRange(repo, request.branch!, head, protectedBranches) : newBranchRange(repo, request, head);
      throw missing(repo, request.base[0]!, 'base', shallow);
    }
    // In a shallow clone `head ^base` silently stops at the shallow boundary: require the fork point.
    if (shallow && !mergeBase(repo, base, head)) throw missing(repo, request.base[0]!, 'base', true);
    return { options: [], revisions: [head, `^${base}`] };
  }
  if (shallow) throw new GitError(messages.verify.shallowNewBranch, messages.verify.shallowFix);
  return isProtected ? otherProtectedRange(repo, request.branch!, head, protectedBranches) : newBranchRange(repo, request, head);
}

/** `<head> ^<tip>…` for every other protected branch, local or remote-tracking. */
function otherProtectedRange(repo: Repository, branch: string, head: string, protectedBranches: readonly string[]): RevisionRange {
  const matches = compileMatcher(protectedBranches);
  const others = listBranchRefs(repo, 'origin').filter((ref) => {
    const short = ref.replace(/^refs\/(?:heads|remotes\/origin)\//, '');
    return short !== branch && matches(short);
  });
  return { options: [], revisions: [head, ...others.map((ref) => `^${ref}`)] };
}

function newBranchRange(repo: Repository, request: RangeRequest, head: string): RevisionRange {
  const branch = request.branch;
  // `--not … --not`: everything on another local or remote branch is excluded, then `head` counts again.
  const others = branch ? [`--exclude=${branch}`, '--branches', `--exclude=*/${branch}`, '--remotes'] : ['--branches', '--remotes'];
  return { options: ['--not', ...others, '--not'], revisions: [head] };
}

function missing(repo: Repository, revision: string, which: 'base' | 'head', shallow = isShallow(repo)): GitError {
  return unresolvedRevision(repo, revision, which, shallow ? new GitError(messages.verify.shallowMissing(revision, which), messages.verify.shallowFix) : undefined);
}

/** The short branch name a revision is, when it is one (`origin/develop` → `develop`). */
function branchName(repo: Repository, revision: string | undefined): string | undefined {
  if (!revision) return undefined;
  const full = fullRefName(repo, revision);
  if (full?.startsWith('refs/heads/')) return full.slice('refs/heads/'.length);
  if (full?.startsWith('refs/remotes/')) return full.replace(/^refs\/remotes\/[^/]+\//, '');
  return undefined;
}

function branchOf(repo: Repository, head: string): string | undefined {
  if (head === 'HEAD') return readCurrentBranch(repo);
  return branchName(repo, head);
}
