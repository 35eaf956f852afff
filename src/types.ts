/**
 * The data that flows through the engine: sources build a {@link Change}, checks turn it into
 * {@link Finding}s, reporters turn findings into text. Checks never touch git or the file
 * system, so their tests need no repository.
 */

export type Severity = 'error' | 'warning';
export type CheckLevel = Severity | 'off';

/** The git hooks mcflow-hooks runs in, plus `verify` (CI) and `audit` (history). */
export type HookName = 'pre-commit' | 'pre-merge-commit' | 'prepare-commit-msg' | 'commit-msg' | 'post-checkout' | 'pre-push';
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
  /** How many problems this finding stands for: a capped list's "…and N more" line carries N. Absent means 1. */
  count?: number;
  /**
   * The ids of the library rules behind this finding, as the library names them (commit-message:
   * commitlint's, e.g. `["type-empty", "subject-empty"]` for a header with no `type:`, which
   * the text reports once). The union over a message's findings is what commitlint reports.
   */
  rules?: string[];
}

/** A finding before the engine stamps the check id and configured severity onto it. */
export type Problem = Omit<Finding, 'check' | 'severity'> & { severity?: Severity };

/** A commit message about to be recorded (commit-msg) or already in history (verify). */
export interface CommitMessage {
  /** The message as git will record it: comments and the scissors section removed. */
  text: string;
  /** The commit's sha when it exists already. */
  commit?: string;
  /** Who wrote it, where known: bots are recognised by identity (src/commitlint/bots.ts). */
  author?: Identity;
  committer?: Identity;
}

/** A git identity: `%an`/`%ae`, `%cn`/`%ce`. */
export interface Identity {
  name: string;
  email: string;
}

/** A commit already in history (verify): who made it and how it joins the branch. */
export interface CommitInfo {
  sha: string;
  parents: string[];
  author: { name: string; email: string };
  committer?: Identity;
  /** First line of the message. */
  subject: string;
  /** True when the commit is on the head's first-parent chain (what a push put on the branch itself). */
  firstParent?: boolean;
}

/** A file the change adds or modifies. Content is read lazily: cheap path checks run first. */
export interface ChangedFile {
  path: string;
  status: 'A' | 'M' | 'R' | 'C' | 'D' | 'T';
  /** Previous path for renames and copies. */
  from?: string;
  /** The new blob's object id. */
  blob?: string;
  /** The new blob's mode: 100644, 100755, 120000 (a symlink: its content is the target, never followed). */
  mode?: string;
  /** Size in bytes of the new blob. */
  size?: number;
  /** The commit that introduced this version (verify, audit, pre-push). */
  commit?: string;
  /** The new blob's bytes, read from git's object database (batched: call for many, then await). */
  readContent?: () => Promise<Buffer>;
  /** 1-based line numbers of the new blob that the change adds (all lines for a new file). */
  readAddedLines?: () => Promise<ReadonlySet<number>>;
}

/**
 * What a pushed ref update does to the remote: a new ref, a fast-forward, a force update (the
 * remote's commit is not an ancestor of the pushed one, or is unknown locally; moving a tag the
 * remote has is always one), or a deletion.
 */
export type RefUpdateKind = 'create' | 'update' | 'force' | 'delete';

/** One line of what git writes to the pre-push hook's stdin, plus facts the source asked git about it. */
export interface RefUpdate {
  localRef: string;
  localSha: string;
  remoteRef: string;
  remoteSha: string;
  /** Set by the pre-push source; the parser alone does not know it. */
  kind?: RefUpdateKind;
  /**
   * Release tags only: whether the tagged commit is contained in a production branch (local or
   * the remote's tracking branch); 'unknown' when this clone has no production branch to ask,
   * or is shallow and finds no link (the history that would show one may be cut off).
   */
  reachableFromProduction?: boolean | 'unknown';
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
  /**
   * Protected branches this push may update anyway, from MCFLOW_ALLOW_PUSH: the explicit escape
   * hatch for release automation. Checks log every use of it.
   */
  allowPush?: string[];
  /** Pull requests: the branch being merged into, and the PR's title and body. */
  targetBranch?: string;
  /**
   * `fork`: the repository the head branch lives in when it is not this one (`someone/app`):
   * a fork's branch name is its author's choice and stands for none of this repository's branches.
   */
  pullRequest?: { title?: string; body?: string; number?: number; labels?: string[]; fork?: string };
  /** verify: the policy the change is judged by and the one it brings, for `policy-change`. */
  policyReview?: PolicyReview;
  /** pre-push: the commits whose files are in `files` (every one the remote lacks, newest first). */
  history?: { commits: string[] };
  /** verify: every commit of the range, newest first, merges included (`messages` may leave merges out). */
  commits?: CommitInfo[];
  /** verify: what CI event the change came from, and where. */
  ci?: {
    provider: 'github' | 'gitlab' | 'local';
    /** `pull-request`: a PR/MR into `targetBranch`; `push`: `branch` moved (or was created); `range`: --base/--head. */
    event: 'pull-request' | 'push' | 'range';
    /** The pushed ref (`refs/heads/main`, `refs/tags/v1.2.0`) on a push. */
    ref?: string;
    /** True when a push created the ref (no base to compare with). */
    created?: boolean;
  };
  /** Facts about the repository the checks may need (a merge in progress, the first commit). */
  repo?: {
    root: string;
    gitDir?: string;
    hasHead?: boolean;
    /** True when the commit being made is the repository's very first (no branch has a commit yet). */
    firstCommit?: boolean;
    operation?: 'merge' | 'rebase' | 'cherry-pick' | 'revert' | 'bisect';
    /** commit-msg: the commit amends HEAD (`--amend`, or a reword in `rebase -i`). */
    amending?: boolean;
  };
  /** audit: the live branches and what history says about each (branch-health). */
  branches?: BranchState[];
  /** audit: the signature state of each commit where signatures are required (signed-commits). */
  signatures?: CommitSignature[];
  /** audit: the moment "stale" is measured from (ms since the epoch); defaults to now. */
  now?: number;
}

/** A branch as the audit sees it: its tip, its last commit's date and how it relates to its base. */
export interface BranchState {
  /** Short name (`feature/login`), without `origin/`. */
  name: string;
  /** The full ref it was read from (`refs/heads/feature/login`, `refs/remotes/origin/feature/login`). */
  ref: string;
  sha: string;
  /** Committer date of the tip, ISO 8601. */
  lastCommit: string;
  /** The branch it merges into in the team workflow (develop, or production for hotfix/release). */
  base?: string;
  /** Commits on the branch that the base lacks, and on the base that the branch lacks. */
  ahead?: number;
  behind?: number;
  /** Set when the tip was merged into this protected branch (through a merge commit). */
  mergedInto?: string;
}

/** `git log --format=%G?`: G good, B bad, U good of unknown validity, X/Y expired, R revoked, E cannot check, N none. */
export interface CommitSignature {
  sha: string;
  state: string;
  subject: string;
  /** The protected branch the commit is on. */
  branch: string;
}

/**
 * verify: the target branch's policy next to the one the change brings, and what else the
 * change does to the policy. `policy-change` reports every weakening; `secrets` leaves inline
 * markers the change adds unhonoured unless `acceptedLabel` is set.
 */
/** How a change moves the repository's commitlint config away from the target branch's. */
export interface CommitlintConfigChange {
  /** The change's commitlint config (relative), or the target's when the change removes it. */
  file: string;
  /** added: the target has none; replaced: a file of higher precedence (or another one) now wins over `previous`. */
  kind: 'added' | 'edited' | 'removed' | 'replaced';
  /** The target branch's commitlint config, when it has one. */
  previous?: string;
}

export interface PolicyReview {
  /** The policy the change is judged by (the target branch's, or `--config`). */
  base: Omit<import('./config/types.js').McflowConfig, 'extends'>;
  /** The change's own policy, when it could be resolved without running code. */
  head?: Omit<import('./config/types.js').McflowConfig, 'extends'>;
  /** The change's config file (relative), for findings. */
  headFile?: string;
  /** Why the change's config could not be resolved (it is broken, or names a preset that is not installed). */
  headError?: string;
  /** Locked keys the change's config weakens, as its own resolution found them. */
  lockViolations: { key: string; change: string }[];
  /** A JS/TS config the change adds or edits: not run. */
  code?: { file: string; added: boolean };
  /** The commitlint config the change adds, edits, removes or replaces: not run; the target's (or the preset) lints. */
  commitlint?: CommitlintConfigChange;
  /** A `verify --baseline` file in the repository that the change adds or edits (the target's is used). */
  baseline?: { file: string; added: boolean };
  /** The target has no policy yet: the change's config (or the default preset) applies. */
  newPolicy?: { file?: string; code: boolean };
  /** `policy.reviewedLabel` of the target's policy, when the change carries that label. */
  acceptedLabel?: string;
  /** The target's `policy.reviewedLabel`, for the fix line. */
  label?: string;
  /** A push records what was merged: its weakenings are warnings (the pull request was the gate). */
  event: 'pull-request' | 'push' | 'range';
}
