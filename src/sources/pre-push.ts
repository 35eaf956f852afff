/**
 * Builds the Change a push is about to make from what git writes to the pre-push hook: the
 * remote's name and URL as arguments, and one line per ref on stdin,
 *   <local ref> SP <local sha> SP <remote ref> SP <remote sha> LF
 *   refs/heads/feature/login 3f1c… refs/heads/feature/login 0000…   (a new branch)
 *   (delete) 0000… refs/heads/develop 9a2b…                          (a deletion)
 * Decisions are made from these lines, never from the current branch: `git push origin
 * HEAD:main` updates main whatever is checked out.
 */
import { addProductionReachability } from './release-reachability.js';
import type { McflowConfig } from '../config/types.js';
import { InputError } from '../errors.js';
import { messages } from '../messages.js';
import { classifyRefUpdates } from '../git/refs.js';
import { readCommitContent, toChangedFiles } from '../git/content-reader.js';
import { ObjectStore } from '../git/object-store.js';
import { readLooseBlobs } from '../git/tree.js';
import { listRangeCommitsAsync } from '../git/log.js';
import { readCurrentBranch, type Repository } from '../git/repo.js';
import type { Change, RefUpdate } from '../types.js';
import { stripUserinfo } from '../url-userinfo.js';

/** sha-1 (40 hex digits) or sha-256 (64) object names. */
const OBJECT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/** Parses the hook's stdin. A malformed line is an InputError quoting it (exit 2), never a crash. */
export function parseRefUpdates(input: string): RefUpdate[] {
  const updates: RefUpdate[] = [];
  const lines = input.split('\n');
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const fields = line.replace(/\r$/, '').split(' ');
    const [localRef, localSha, remoteRef, remoteSha] = fields;
    const valid =
      fields.length === 4 && localRef && remoteRef && OBJECT_ID.test(localSha ?? '') && OBJECT_ID.test(remoteSha ?? '');
    if (!valid) throw new InputError(messages.malformedPushLine(index + 1, line), messages.malformedPushLineFix);
    updates.push({ localRef: localRef!, localSha: localSha!, remoteRef: remoteRef!, remoteSha: remoteSha! });
  });
  return updates;
}

export interface PrePushOptions {
  config?: Pick<McflowConfig, 'branches'>;
  env?: NodeJS.ProcessEnv;
}

export async function collectPrePushChange(repo: Repository, args: string[], input: string, options: PrePushOptions = {}): Promise<Change> {
  // Never the credentials in a URL: every finding names the remote (git push https://user:token@host/…).
  const [remoteName, remoteUrl] = args.map((arg) => (arg === undefined ? arg : stripUserinfo(arg)));
  const updates = classifyRefUpdates(repo, parseRefUpdates(input));
  const allowPush = parseAllowList(options.env?.MCFLOW_ALLOW_PUSH);
  // Every commit the remote does not have yet, however many: a secret committed with
  // --no-verify and deleted in a later commit is still in one of them. Streaming keeps memory
  // to the file list; contents stay in git until a check reads them.
  const tips = [...new Set(updates.filter((update) => update.kind !== 'delete').map((update) => update.localSha))].filter((sha) => OBJECT_ID.test(sha));
  const selection = { options: ['--not', '--remotes', '--not'], revisions: tips };
  // Their messages too, read alongside: one written with --no-verify skipped the commit-msg scan.
  const [commits, logged] = tips.length > 0 ? await Promise.all([readCommitContent(repo, selection), listRangeCommitsAsync(repo, selection)]) : [[], []];
  // Contents are read later, by the checks; the store's process ends whenever it is idle.
  const store = new ObjectStore(repo);
  const files = await toChangedFiles(store, commits);
  // A tag pointing at a tree or a blob sends it with no commit around it: every line is new.
  // Branches are left out (no extra git process): a remote refuses a non-commit on refs/heads/.
  const pushed = updates.filter((update) => update.kind !== 'delete' && !update.remoteRef.startsWith('refs/heads/') && OBJECT_ID.test(update.localSha));
  for (const loose of readLooseBlobs(repo, pushed.map((update) => ({ ref: update.remoteRef, sha: update.localSha })))) {
    files.push({ path: loose.path, status: 'A', blob: loose.blob, mode: loose.mode, size: await store.size(loose.blob), readContent: () => store.read(loose.blob) });
  }
  return {
    stage: 'pre-push',
    branch: readCurrentBranch(repo),
    refUpdates: addProductionReachability(repo, updates, options.config?.branches?.production ?? [], remoteName),
    files,
    messages: logged.map((commit) => ({ text: commit.message, commit: commit.sha, author: commit.author, committer: commit.committer })),
    history: { commits: commits.map((commit) => commit.sha) },
    ...(remoteName ? { remote: { name: remoteName, url: remoteUrl ?? remoteName } } : {}),
    ...(allowPush.length > 0 ? { allowPush } : {}),
    repo: { root: repo.root, gitDir: repo.gitDir },
  };
}

/** `MCFLOW_ALLOW_PUSH=main-production,release/*`: the protected branches release automation may update. */
function parseAllowList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((pattern) => pattern.trim())
    .filter(Boolean);
}
