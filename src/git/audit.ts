/**
 * Questions `audit` asks about the whole repository. Each one is a single git process over every
 * ref or commit it concerns (never one per commit); only ahead/behind counts take one process
 * per branch, because this git (2.39) has no `%(ahead-behind:…)` in for-each-ref, and the
 * caller bounds how many branches it asks about.
 */
import { git, gitAsync } from './exec.js';
import type { Repository } from './repo.js';
import type { Identity } from '../types.js';

type Repo = Pick<Repository, 'root'>;

/** A branch or tag, peeled to the commit it names. */
export interface RefEntry {
  /** Full name: refs/heads/…, refs/remotes/…, refs/tags/…. */
  ref: string;
  /** The object the ref points at (an annotated tag's own id for annotated tags). */
  object: string;
  /** The commit it names, after peeling tags; undefined for a tag of a tree or blob. */
  commit?: string;
  /** Committer date of that commit, ISO 8601 (strict). */
  date?: string;
}

/**
 * Every branch, remote-tracking branch and tag. `git for-each-ref --format=…` with `%00` field
 * separators prints one line per ref (ref names hold no newline or NUL):
 *   refs/heads/main\0<sha>\0commit\0\0\02026-01-01T10:00:00+00:00\0
 *   refs/tags/v1.0.0\0<tag sha>\0tag\0<commit sha>\0commit\0\02026-01-01T10:00:00+00:00
 * Fields: refname, objectname, objecttype, *objectname, *objecttype, committerdate, *committerdate.
 */
export function listAllRefs(repo: Repo): RefEntry[] {
  const format = '%(refname)%00%(objectname)%00%(objecttype)%00%(*objectname)%00%(*objecttype)%00%(committerdate:iso-strict)%00%(*committerdate:iso-strict)';
  const output = git(['for-each-ref', `--format=${format}`, 'refs/heads', 'refs/remotes', 'refs/tags'], { cwd: repo.root }).stdout;
  const refs: RefEntry[] = [];
  for (const line of output.split('\n')) {
    if (!line) continue;
    const [ref = '', object = '', type, peeled, peeledType, date, peeledDate] = line.split('\0');
    // refs/remotes/origin/HEAD is a symbolic alias of a branch already listed.
    if (ref.startsWith('refs/remotes/') && ref.endsWith('/HEAD')) continue;
    const entry: RefEntry = { ref, object };
    if (type === 'commit') Object.assign(entry, { commit: object, date });
    else if (type === 'tag' && peeledType === 'commit') Object.assign(entry, { commit: peeled, date: peeledDate });
    refs.push(entry);
  }
  return refs;
}

/** A commit's message and signature state, for the commit-message and signed-commits checks. */
export interface MessageRecord {
  sha: string;
  parents: number;
  /** The ref (as given in `tips`) through which git reached the commit first. */
  source: string;
  /** `%G?`, asked for only when `signatures` is set: it makes git verify each signature. */
  signature?: string;
  author: Identity;
  committer: Identity;
  message: string;
}

/**
 * Messages (and signature states) of the commits reachable from the refs `tips` names, in one
 * process. `git log --source -z --format=%H%x1f%P%x1f%S%x1f%G?%n%an%n%ae%n%cn%n%ce%n%B`
 * prints one NUL-terminated record per commit, %S being the ref it was reached from; a message
 * cannot contain NUL, so the split is exact. Identities are on lines of their own: a name may
 * hold %x1f (git keeps control characters inside it, and a PR author picks it), but never a
 * newline (the commit header is line-based), so a crafted name cannot shift the message:
 *   3f2a…\x1f9c1b…\x1frefs/heads/main\x1fN\nAnn\nann@example.com\nAnn\nann@example.com\nfeat: add login\n\nbody\0
 */
export async function listMessages(
  repo: Repo,
  tips: readonly string[],
  options: { exclude?: readonly string[]; since?: string; signatures?: boolean } = {},
): Promise<MessageRecord[]> {
  if (tips.length === 0) return [];
  const input = [...new Set(tips), ...(options.exclude ?? []).map((sha) => `^${sha}`)].join('\n') + '\n';
  const format = `%H%x1f%P%x1f%S%x1f${options.signatures ? '%G?' : ''}%n%an%n%ae%n%cn%n%ce%n%B`;
  const args = ['log', '--source', '-z', `--format=${format}`, '--stdin'];
  if (options.since) args.push(`--since=${options.since}`);
  const output = (await gitAsync([...args, '--'], { cwd: repo.root, input })).stdout;
  const records: MessageRecord[] = [];
  for (const record of output.split('\0')) {
    const [head = '', an = '', ae = '', cn = '', ce = '', ...rest] = record.replace(/^\n/, '').split('\n');
    const [sha, parents = '', source = '', signature = ''] = head.split('\x1f');
    if (!sha) continue;
    const message = rest.join('\n').replace(/\n+$/, '');
    records.push({
      sha,
      parents: parents ? parents.split(' ').length : 0,
      source,
      ...(options.signatures ? { signature } : {}),
      author: { name: an, email: ae },
      committer: { name: cn, email: ce },
      message,
    });
  }
  return records;
}

/** The commits on `tip`'s first-parent chain, as a set: one `git rev-list --first-parent`. */
export async function firstParentChain(repo: Repo, tip: string): Promise<Set<string>> {
  return new Set((await gitAsync(['rev-list', '--first-parent', tip, '--'], { cwd: repo.root })).stdout.split('\n').filter(Boolean));
}

/** The branch refs (local and remote-tracking) whose history holds `commit`: one `git for-each-ref --contains`. */
export async function branchRefsContaining(repo: Repo, commit: string): Promise<Set<string>> {
  const output = (await gitAsync(['for-each-ref', `--contains=${commit}`, '--format=%(refname)', 'refs/heads', 'refs/remotes'], { cwd: repo.root })).stdout;
  return new Set(output.split('\n').filter(Boolean));
}

/** The refs (of those listed) whose tip `target` contains: one `git for-each-ref --merged`. */
export async function refsMergedInto(repo: Repo, target: string, patterns: readonly string[]): Promise<Set<string>> {
  const output = (await gitAsync(['for-each-ref', `--merged=${target}`, '--format=%(refname)', ...patterns], { cwd: repo.root })).stdout;
  return new Set(output.split('\n').filter(Boolean));
}

/** `git rev-list --left-right --count base...branch` prints "<behind>\t<ahead>". */
export async function countAheadBehind(repo: Repo, base: string, branch: string): Promise<{ ahead: number; behind: number }> {
  const output = (await gitAsync(['rev-list', '--left-right', '--count', `${base}...${branch}`, '--'], { cwd: repo.root })).stdout;
  const [behind = '0', ahead = '0'] = output.trim().split(/\s+/);
  return { ahead: Number(ahead), behind: Number(behind) };
}

/**
 * The blobs at `paths` in the tree of `commit` (paths that no longer exist are absent).
 * `git ls-tree -r -z --full-tree <commit> -- <paths…>` prints `<mode> blob <sha>\t<path>\0`.
 * Paths are passed literally (`--literal-pathspecs`): a file named `*.env` is not a glob.
 */
export function blobsAt(repo: Repo, commit: string, paths: readonly string[]): Map<string, string> {
  const blobs = new Map<string, string>();
  // Bounded argument lists: a long history can name thousands of paths.
  for (let i = 0; i < paths.length; i += 500) {
    const chunk = paths.slice(i, i + 500);
    const output = git(['--literal-pathspecs', 'ls-tree', '-r', '-z', '--full-tree', commit, '--', ...chunk], { cwd: repo.root }).stdout;
    for (const entry of output.split('\0')) {
      const match = /^\d+ blob ([0-9a-f]+)\t([\s\S]*)$/.exec(entry);
      if (match) blobs.set(match[2]!, match[1]!);
    }
  }
  return blobs;
}
