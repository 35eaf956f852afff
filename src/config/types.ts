/**
 * The config format, as TypeScript types. `schema.ts` describes the same shape for validation
 * and editor completion; the presets in `presets/` are checked against both by the tests.
 */
import type { CheckId } from '../checks/ids.js';
import type { CheckLevel, Stage } from '../types.js';

/** One level for every stage, or a level per stage. */
export type CheckSetting = CheckLevel | Partial<Record<Stage, CheckLevel>>;

/** A commitlint rule: `[level, "always" | "never", value?]`, level 0 off, 1 warning, 2 error. */
export type CommitlintRule = readonly [0 | 1 | 2, ('always' | 'never')?, unknown?];

export interface McflowConfig {
  $schema?: string;
  /** One line saying what this config or preset is for (`init --preset` lists it). */
  description?: string;
  /**
   * Presets this config builds on, later ones overriding earlier ones: a built-in name
   * (`"gitflow"`), an npm package (`"@acme/mcflow-preset"`) or a relative path. A config without
   * `extends` builds on `"gitflow"`; `extends: []` starts from nothing.
   */
  extends?: string | string[];
  /** Severity of each check. */
  checks?: Partial<Record<CheckId, CheckSetting>>;
  branches?: {
    /** Globs of branches nobody commits or pushes to directly. `*` does not cross `/`. */
    protected?: string[];
    /** Production branches: release tags must point at a commit they contain. */
    production?: string[];
    /** Names a work branch may have: globs or `/regular expressions/`. */
    allowed?: string[];
    /** Branches bots create (`dependabot/**`): allowed as they are, exempt from `kebabCase`. */
    bots?: string[];
    /** Longest branch name allowed, in characters (default 100). */
    maxLength?: number;
    /** Every `/`-separated part of a work branch's name is lower-case kebab-case (default true). */
    kebabCase?: boolean;
    /** What a force push to a branch that is not protected gives (default "warning"). */
    forcePush?: 'error' | 'warning' | 'off';
  };
  commits?: {
    /** commitlint rules that override the preset's. */
    rules?: Record<string, CommitlintRule>;
    /** Lint with the repository's own commitlint config when it has one (default true). */
    useCommitlintConfig?: boolean;
    /** Regular expressions: matching commit messages are not linted. */
    ignore?: string[];
  };
  /**
   * lint-staged tasks (glob → command or commands) the pre-commit hook runs after the checks
   * pass. The project's own lint-staged config, when it has one, wins.
   */
  lintStaged?: Record<string, string | string[]>;
  tags?: {
    /** Tag names allowed besides SemVer `vMAJOR.MINOR.PATCH[-pre][+build]` (globs or `/regex/`), e.g. `archive/*`. */
    allowed?: string[];
  };
  secrets?: {
    /** Findings accepted by fingerprint (printed with each finding), so the secret is never written here. */
    allow?: { fingerprint: string; reason: string }[];
    /** Path globs whose files are not scanned for secrets (test fixtures). */
    ignore?: string[];
  };
  files?: {
    /** Largest blob a change may add: bytes, or a string such as "10 MB" (default 5 MB). */
    maxSize?: number | string;
    /** Path globs refused by `sensitive-files`, in addition to the built-in list. */
    sensitive?: string[];
    /** Path globs `sensitive-files` accepts (look-alikes meant to be shared). */
    allowSensitive?: string[];
    /** Path globs `large-files` accepts whatever their size. */
    allowLarge?: string[];
  };
  /** Pull request policy, enforced by `verify` in CI. */
  pullRequests?: {
    /** Which branches may merge into which: target branch glob → source branch globs. Targets not listed accept any source. */
    routes?: Record<string, string[]>;
    body?: {
      /** Headings the description must keep (matched case-insensitively, emoji and punctuation ignored). */
      sections?: string[];
      /** Checkbox labels that must be present and ticked (`- [x] No sensitive data exposed`). */
      checkboxes?: string[];
    };
    /** Commit authors (name or email) allowed to commit to a protected branch directly: bots. */
    bots?: string[];
  };
  /** What `mcflow-hooks audit` reports besides the hooks' checks. */
  audit?: {
    /** A branch with no commit for this many days is stale (default 30). */
    staleAfterDays?: number;
    /** Every commit on a protected branch must carry a good signature (default false). */
    requireSignedCommits?: boolean;
  };
}

/** Identity function that gives a config file type checking and completion. */
export function defineConfig(config: McflowConfig): McflowConfig {
  return config;
}
