/**
 * What an audit reads: the branches and tags (all of them, or those `--refs` selects), the
 * protected branches among them, and where history starts (`--since <date|ref>`).
 */
import { compileMatcher } from '../config/glob.js';
import type { McflowConfig } from '../config/types.js';
import { GitError, UsageError } from '../errors.js';
import { listAllRefs, type RefEntry } from '../git/audit.js';
import { resolveCommit } from '../git/log.js';
import { isShallowRepository } from '../git/refs.js';
import type { Repository } from '../git/repo.js';
import { messages } from '../messages.js';

export interface AuditScope {
  refs: RefEntry[];
  /** Branch short name → the ref that stands for it (a local branch wins over `origin/…`). */
  branches: Map<string, RefEntry>;
  tags: RefEntry[];
  /** Protected branch short name → tip commit. */
  protectedTips: Map<string, string>;
  /** Tags of a tree or a blob (no commit to walk): their files are scanned as they are. */
  loose: RefEntry[];
  /** Commits to leave out (`--since <ref>`). */
  exclude: string[];
  /** A date for `git log --since` (`--since <date>`). */
  sinceDate?: string;
}

/** The short name of a branch ref: refs/heads/x → x, refs/remotes/origin/x → x. */
export function branchName(ref: string): string | undefined {
  if (ref.startsWith('refs/heads/')) return ref.slice('refs/heads/'.length);
  if (ref.startsWith('refs/remotes/')) return ref.replace(/^refs\/remotes\/[^/]+\//, '');
  return undefined;
}

/** How a ref reads on the command line: refs/heads/x → x, refs/remotes/origin/x → origin/x, refs/tags/v1 → v1. */
function shortRef(ref: string): string {
  return ref.replace(/^refs\/(heads|tags|remotes)\//, '');
}

export function resolveScope(repo: Repository, config: Omit<McflowConfig, 'extends'>, options: { refs?: string[]; since?: string }): AuditScope {
  // A shallow clone's history stops early: an audit of it would pass what it never read.
  if (isShallowRepository(repo)) throw new GitError(messages.audit.shallow, messages.audit.shallowFix);
  const listed = listAllRefs(repo);
  const all = listed.filter((entry) => entry.commit);
  let refs = all;
  let loose = listed.filter((entry) => !entry.commit);
  if (options.refs && options.refs.length > 0) {
    const matches = compileMatcher(options.refs);
    const selected = (entry: RefEntry) => matches(entry.ref) || matches(shortRef(entry.ref));
    refs = refs.filter(selected);
    loose = loose.filter(selected);
    if (refs.length === 0 && all.length > 0) throw new UsageError(messages.audit.noRefs(options.refs), messages.audit.noRefsFix);
  }
  const branches = new Map<string, RefEntry>();
  for (const entry of refs) {
    const name = branchName(entry.ref);
    if (name === undefined) continue;
    const known = branches.get(name);
    // Prefer the local branch, then origin's copy, then any other remote's.
    if (!known || rank(entry.ref) < rank(known.ref)) branches.set(name, entry);
  }
  // In `branches.protected` order (production first in the presets), then by name.
  const patterns = (config.branches?.protected ?? []).map((pattern) => compileMatcher([pattern]));
  const order = (name: string) => patterns.findIndex((matches) => matches(name));
  const protectedTips = new Map(
    [...branches]
      .filter(([name]) => order(name) !== -1)
      .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
      .map(([name, entry]) => [name, entry.commit!]),
  );
  const scope: AuditScope = { refs, branches, tags: refs.filter((entry) => entry.ref.startsWith('refs/tags/')), protectedTips, loose, exclude: [] };
  if (options.since !== undefined) {
    const sha = resolveCommit(repo, options.since);
    if (sha) scope.exclude = [sha];
    else if (isDate(options.since)) scope.sinceDate = options.since;
    else throw new UsageError(messages.audit.badSince(options.since), messages.audit.badSinceFix);
  }
  return scope;
}

function rank(ref: string): number {
  if (ref.startsWith('refs/heads/')) return 0;
  return ref.startsWith('refs/remotes/origin/') ? 1 : 2;
}

/** A date git reads the same way everywhere: ISO 8601 (`2026-01-31`, `2026-01-31T10:00`) or "<n> <unit>s ago". */
function isDate(value: string): boolean {
  if (/^\d+\s+(second|minute|hour|day|week|month|year)s?\s+ago$/i.test(value.trim())) return true;
  return /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value.trim()) && !Number.isNaN(Date.parse(value));
}
