/**
 * The one description of the config format: keys, types, defaults, and which way each key
 * weakens the policy. Everything else derives from it: validation (`validate.ts`) walks it, the
 * TypeScript types below are computed from it, `policy.ts` fills its defaults in, `policy-diff.ts`
 * compares two policies by its `weakerWhen` marks, and the build writes it to
 * `schema/mcflow.schema.json` for editor completion (a test keeps the two in step).
 * It is a small subset of JSON Schema draft-07: type, properties, additionalProperties, items,
 * enum, oneOf, minimum, pattern, default, plus `format: "glob"` (a picomatch glob, or a `/regex/`) and
 * `format: "regex"` (a regex source for the linear-time engine).
 *
 * Importing this module costs a few object literals and no validator: the hook path may read
 * defaults from it.
 */
import { CHECK_IDS, type CheckId } from '../checks/ids.js';
import { DEFAULTS } from './defaults.js';

/**
 * Which change of a key makes the policy weaker (`policy-change` reports it, a locked key refuses it):
 * - `lower`: a level moved down (error → warning → off);
 * - `added` / `removed`: a list gained / lost entries (an allow list widened, a protected branch dropped);
 * - `higher`: a number (or size) went up;
 * - `false`: a boolean switched off;
 * - `changed`: any change, because its direction cannot be told (commitlint rule overrides).
 * A key without a mark is not policy (descriptions, lint-staged tasks).
 */
export type WeakerWhen = 'lower' | 'added' | 'removed' | 'higher' | 'false' | 'changed';

export interface SchemaNode {
  type?: 'object' | 'array' | 'string' | 'boolean' | 'number' | 'integer';
  description?: string;
  properties?: Readonly<Record<string, SchemaNode>>;
  additionalProperties?: boolean | SchemaNode;
  propertyNames?: { enum: readonly string[] };
  items?: SchemaNode;
  enum?: readonly (string | number | boolean)[];
  oneOf?: readonly SchemaNode[];
  minimum?: number;
  pattern?: string;
  format?: 'glob' | 'regex';
  required?: readonly string[];
  /** The value a resolved policy holds when no config sets the key. */
  default?: unknown;
  /** Not JSON Schema: see {@link WeakerWhen}. Left out of the shipped JSON schema. */
  weakerWhen?: WeakerWhen;
}

/** Keys of ours that are not JSON Schema, dropped from `schema/mcflow.schema.json`. */
export const SCHEMA_EXTENSIONS = ['weakerWhen'] as const;

export const STAGES = ['pre-commit', 'pre-merge-commit', 'prepare-commit-msg', 'commit-msg', 'post-checkout', 'pre-push', 'verify', 'audit'] as const;
const LEVEL = { type: 'string', enum: ['error', 'warning', 'off'] } as const;
const globList = <const W extends WeakerWhen>(description: string, weakerWhen: W) =>
  ({ type: 'array', description, items: { type: 'string', format: 'glob' }, default: [], weakerWhen }) as const;
const stringList = <const W extends WeakerWhen>(description: string, weakerWhen: W) =>
  ({ type: 'array', description, items: { type: 'string' }, default: [], weakerWhen }) as const;

export const configSchema = {
  type: 'object',
  description: 'mcflow-hooks configuration (https://www.npmjs.com/package/mcflow-hooks#configuration)',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string', description: 'Path or URL of this JSON schema, for editors.' },
    description: { type: 'string', description: 'One line saying what this config or preset is for (`init --preset` lists it).' },
    extends: {
      description:
        'Presets this config builds on, later ones overriding earlier ones: a built-in name ("gitflow", "github-flow"), an npm package ("@acme/mcflow-preset") or a relative path.',
      oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    },
    checks: {
      type: 'object',
      description:
        'Severity of each check: "error" blocks, "warning" reports, "off" skips. Either one level for every stage, or a level per stage ({ "pre-commit": "warning", "pre-push": "error" }).',
      propertyNames: { enum: CHECK_IDS },
      additionalProperties: {
        oneOf: [
          LEVEL,
          {
            type: 'object',
            additionalProperties: false,
            properties: { 'pre-commit': LEVEL, 'pre-merge-commit': LEVEL, 'prepare-commit-msg': LEVEL, 'commit-msg': LEVEL, 'post-checkout': LEVEL, 'pre-push': LEVEL, verify: LEVEL, audit: LEVEL },
          },
        ],
        default: 'error',
      },
      default: {},
      weakerWhen: 'lower',
    },
    branches: {
      type: 'object',
      description: 'Branch policy.',
      additionalProperties: false,
      properties: {
        protected: globList(
          'Branches nobody commits or pushes to directly (globs; "*" does not cross "/", as in GitHub rulesets).',
          'removed',
        ),
        production: globList('Production branches: release tags must point at a commit they contain.', 'removed'),
        allowed: globList(
          'Names a work branch may have: globs ("feature/*") or regular expressions written as "/^release\\/v\\d+$/".',
          'added',
        ),
        bots: globList('Branches bots create ("dependabot/**", "renovate/**"): allowed as they are, exempt from kebabCase.', 'added'),
        maxLength: { type: 'integer', minimum: 1, description: 'Longest branch name allowed, in characters (default 100).', default: DEFAULTS.maxLength, weakerWhen: 'higher' },
        kebabCase: {
          type: 'boolean',
          description: 'Every "/"-separated part of a work branch\'s name must be lower-case kebab-case (default true).',
          default: DEFAULTS.kebabCase,
          weakerWhen: 'false',
        },
        forcePush: {
          type: 'string',
          enum: ['error', 'warning', 'off'],
          description: 'What a force push to a branch that is not protected gives (default "warning"); protected branches are always refused.',
          default: DEFAULTS.forcePush,
          weakerWhen: 'lower',
        },
      },
    },
    commits: {
      type: 'object',
      description: 'Commit message policy (Conventional Commits through commitlint).',
      additionalProperties: false,
      properties: {
        rules: {
          type: 'object',
          description:
            'commitlint rules that override the preset\'s, e.g. { "header-max-length": [2, "always", 72] }. See https://commitlint.js.org/reference/rules.html',
          default: {},
          weakerWhen: 'changed',
        },
        useCommitlintConfig: {
          type: 'boolean',
          description: 'When the repository has its own commitlint config, lint with it instead of the preset (default true).',
          default: DEFAULTS.useCommitlintConfig,
          weakerWhen: 'changed',
        },
        ignore: {
          type: 'array',
          // format "regex": checked at load for what the linear-time engine (config/regex.ts) cannot run.
          items: { type: 'string', format: 'regex' },
          description: 'Regular expressions: commit messages that match one are not linted (bot messages, for example).',
          default: [],
          weakerWhen: 'added',
        },
      },
    },
    lintStaged: {
      type: 'object',
      description:
        'lint-staged tasks the pre-commit hook runs after the checks pass, when the project has no lint-staged config of its own: { "*.{js,ts}": "eslint --fix", "*.md": ["prettier --write"] }.',
      additionalProperties: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
    },
    tags: {
      type: 'object',
      description: 'Tag policy: pushed tags are SemVer with a "v" prefix (v2.1.0, v2.2.0-beta.1, v2.1.0+20250127.1).',
      additionalProperties: false,
      properties: {
        allowed: globList('Tag names allowed besides SemVer, e.g. "archive/*" (globs or /regular expressions/).', 'added'),
      },
    },
    secrets: {
      type: 'object',
      description: 'Secret scanning (the "secrets" check).',
      additionalProperties: false,
      properties: {
        allow: {
          type: 'array',
          description: 'Findings that are not secrets, by the fingerprint each finding prints; the secret itself is never written here.',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['fingerprint', 'reason'],
            properties: {
              fingerprint: {
                type: 'string',
                // Old-style (bare 16 hex digits) entries still load: the secrets check says what replaces each.
                pattern: '^(?:fp2-)?[0-9a-f]{16}$',
                description: 'The fingerprint a finding prints (fp2- and 16 hex digits).',
              },
              reason: { type: 'string', description: 'Why this is not a secret, for reviewers.' },
            },
          },
          default: [],
          weakerWhen: 'added',
        },
        ignore: globList('Path globs whose files are not scanned for secrets (test fixtures).', 'added'),
      },
    },
    files: {
      type: 'object',
      description: 'File rules (the "sensitive-files" and "large-files" checks).',
      additionalProperties: false,
      properties: {
        maxSize: {
          description: 'Largest blob a change may add: bytes, or a string such as "10 MB" (default 5 MB).',
          oneOf: [
            { type: 'integer', minimum: 1 },
            { type: 'string', pattern: '^\\s*\\d+(\\.\\d+)?\\s*([kKmMgG]?[bB]?)\\s*$' },
          ],
          default: DEFAULTS.maxSize,
          weakerWhen: 'higher',
        },
        sensitive: globList('Path globs refused by "sensitive-files", in addition to the built-in list.', 'removed'),
        allowSensitive: globList('Path globs "sensitive-files" accepts (look-alikes meant to be shared, test fixtures).', 'added'),
        allowLarge: globList('Path globs "large-files" accepts whatever their size.', 'added'),
      },
    },
    pullRequests: {
      type: 'object',
      description: 'Pull request policy, enforced by `mcflow-hooks verify` in CI.',
      additionalProperties: false,
      properties: {
        routes: {
          type: 'object',
          description:
            'Which branches may merge into which: a target branch glob mapped to the source branch globs it accepts, e.g. { "develop": ["feature/*", "bugfix/*"] }. Targets not listed accept any source.',
          additionalProperties: globList('Source branches that may merge into this target.', 'added'),
          default: {},
          // A target dropped from the map accepts any source.
          weakerWhen: 'removed',
        },
        body: {
          type: 'object',
          description: 'What the pull request description must keep from the template.',
          additionalProperties: false,
          properties: {
            sections: stringList('Headings the description must keep (matched case-insensitively; emoji and punctuation ignored).', 'removed'),
            checkboxes: stringList('Checkbox labels that must be present and ticked ("- [x] No sensitive data exposed").', 'removed'),
          },
        },
        bots: stringList('Commit authors (name or email) allowed to commit to a protected branch without a pull request.', 'added'),
      },
    },
    audit: {
      type: 'object',
      description: 'What `mcflow-hooks audit` reports besides the hooks\' checks (the "branch-health" and "signed-commits" checks).',
      additionalProperties: false,
      properties: {
        staleAfterDays: {
          type: 'integer',
          minimum: 1,
          description: 'A branch with no commit for this many days is stale (default 30).',
          default: DEFAULTS.staleAfterDays,
          weakerWhen: 'higher',
        },
        requireSignedCommits: {
          type: 'boolean',
          description: 'Every commit on a protected branch must carry a good signature (default false).',
          default: DEFAULTS.requireSignedCommits,
          weakerWhen: 'false',
        },
      },
    },
    policy: {
      type: 'object',
      description: 'Who may change the policy itself: read from the target branch in CI (see the README\'s "Security model").',
      additionalProperties: false,
      properties: {
        reviewedLabel: {
          type: 'string',
          description:
            'A pull request label that accepts a reviewed weakening of the policy: with it, "policy-change" reports as warnings and the pull request\'s own config applies.',
          weakerWhen: 'changed',
        },
        locked: {
          type: 'array',
          description:
            'Keys a config extending this one may not weaken, at any stage: "checks.secrets", "secrets", "files.allowSensitive", "branches.protected"… (a key locks everything under it).',
          items: { type: 'string' },
          default: [],
          weakerWhen: 'removed',
        },
      },
    },
  },
} as const satisfies SchemaNode;

// ── Types derived from the schema ──────────────────────────────────────────────────────────────

type Mutable<T> = T extends readonly (infer U)[] ? U[] : T;

/** The TypeScript type of the values a schema node accepts. */
export type FromSchema<S> = S extends { readonly oneOf: readonly (infer O)[] }
  ? FromSchema<O>
  : S extends { readonly enum: readonly (infer E)[] }
    ? E
    : S extends { readonly type: 'string' }
      ? string
      : S extends { readonly type: 'integer' | 'number' }
        ? number
        : S extends { readonly type: 'boolean' }
          ? boolean
          : S extends { readonly type: 'array'; readonly items: infer I }
            ? FromSchema<I>[]
            : S extends { readonly type: 'object' }
              ? ObjectFromSchema<S>
              : unknown;

type Required_<S> = S extends { readonly required: readonly (infer R)[] } ? R : never;
type ObjectFromSchema<S> = (S extends { readonly properties: infer P }
  ? { -readonly [K in keyof P as K extends Required_<S> ? never : K]?: FromSchema<P[K]> } & {
      -readonly [K in keyof P as K extends Required_<S> ? K : never]: FromSchema<P[K]>;
    }
  : unknown) &
  (S extends { readonly propertyNames: { readonly enum: infer N extends readonly string[] }; readonly additionalProperties: infer A }
    ? { [K in Mutable<N>[number]]?: FromSchema<A> }
    : S extends { readonly additionalProperties: infer A extends object }
      ? Record<string, FromSchema<A>>
      : S extends { readonly properties: object }
        ? unknown
        : Record<string, unknown>);

type Flatten<T> = T extends unknown[] ? T : T extends object ? { [K in keyof T]: Flatten<T[K]> } : T;

/** A config file's content, as written: every key optional. */
export type ConfigFromSchema = Flatten<FromSchema<typeof configSchema>>;

/** Every check id, for the types of `checks`. */
export type { CheckId };

/** Keys with a default, and sections (objects with named keys), are always present in a resolved policy. */
type Filled<S> = S extends { readonly default: unknown } ? true : S extends { readonly type: 'object'; readonly properties: object } ? true : false;
type PolicyFromSchema<S> = S extends { readonly type: 'object'; readonly properties: infer P }
  ? { -readonly [K in keyof P as Filled<P[K]> extends true ? K : never]-?: PolicyFromSchema<P[K]> } & {
      -readonly [K in keyof P as Filled<P[K]> extends true ? never : K]?: FromSchema<P[K]>;
    }
  : FromSchema<S>;

/** A resolved policy: `extends` merged away, every default filled in (`policy.ts`). */
export type PolicyFromConfigSchema = Flatten<Omit<PolicyFromSchema<typeof configSchema>, '$schema' | 'description' | 'extends'>>;
