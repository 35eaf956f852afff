/**
 * The data that flows through the engine: sources build a {@link Change}, checks turn it into
 * {@link Finding}s, reporters turn findings into text. Checks never touch git or the file
 * system, so their tests need no repository.
 */

export type Severity = 'error' | 'warning';
export type CheckLevel = Severity | 'off';

/** The git hooks mcflow-hooks runs in, plus `verify` (CI) and `audit` (history). */
export type HookName = 'pre-commit' | 'prepare-commit-msg' | 'commit-msg' | 'post-checkout' | 'pre-push';
export type Stage = HookName | 'verify' | 'audit';

/** One problem a check found. A secret is never carried whole: only a masked excerpt and a fingerprint. */
export interface Finding {
  check: string;
  severity: Severity;
  /** What is wrong, in one sentence. */
  message: string;
  file?: string;
  line?: number;
  column?: number;
  commit?: string;
  ref?: string;
  /** The exact command or step that resolves it. */
  fix?: string;
  /** Stable identity of a secret (hash of rule + value), used by allow-lists. */
  fingerprint?: string;
}

/** A finding before the engine stamps the check id and configured severity onto it. */
export type Problem = Omit<Finding, 'check' | 'severity'> & { severity?: Severity };

/** A commit message about to be recorded (commit-msg) or already in history (verify). */
export interface CommitMessage {
  /** The message as git will record it: comments and the scissors section removed. */
  text: string;
  /** The commit's sha when it exists already. */
  commit?: string;
}

/** A file the change adds or modifies. Content is read lazily: cheap path checks run first. */
export interface ChangedFile {
  path: string;
  status: 'A' | 'M' | 'R' | 'C' | 'D' | 'T';
  /** Previous path for renames and copies. */
  from?: string;
  /** The new blob's object id. */
  blob?: string;
  /** Size in bytes of the new blob. */
  size?: number;
  /** The commit that introduced this version (verify, audit, pre-push). */
  commit?: string;
  /** The new blob's bytes, read from git's object database (batched: call for many, then await). */
  readContent?: () => Promise<Buffer>;
  /** 1-based line numbers of the new blob that the change adds (all lines for a new file). */
  readAddedLines?: () => Promise<ReadonlySet<number>>;
}

/** One line of what git writes to the pre-push hook's stdin. */
export interface RefUpdate {
  localRef: string;
  localSha: string;
  remoteRef: string;
  remoteSha: string;
}

/** What is about to enter the shared history. Every part is optional: a source fills what it knows. */
export interface Change {
  stage: Stage;
  /** The branch the work is on (short name), or undefined on a detached HEAD. */
  branch?: string;
  messages?: CommitMessage[];
  files?: ChangedFile[];
  refUpdates?: RefUpdate[];
  remote?: { name: string; url: string };
  /** Pull requests: the branch being merged into, and the PR's title and body. */
  targetBranch?: string;
  pullRequest?: { title?: string; body?: string };
  /** Facts about the repository the checks may need (a merge in progress, the first commit). */
  repo?: {
    root: string;
    gitDir?: string;
    hasHead?: boolean;
    operation?: 'merge' | 'rebase' | 'cherry-pick' | 'revert' | 'bisect';
  };
}
