/**
 * The one description of the config format. Validation (`validate.ts`) walks it, and the build
 * writes it to `schema/mcflow.schema.json` for editor completion; a test keeps the two in step.
 * It is a small subset of JSON Schema draft-07: type, properties, additionalProperties, items,
 * enum, oneOf, minimum, pattern, plus `format: "glob"` (a picomatch glob, or a `/regex/`) and `format: "regex"` (a regex source for the linear-time engine).
 */
import { CHECK_IDS } from '../checks/ids.js';

export interface SchemaNode {
  type?: 'object' | 'array' | 'string' | 'boolean' | 'number' | 'integer';
  description?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  propertyNames?: { enum: readonly string[] };
  items?: SchemaNode;
  enum?: readonly (string | number | boolean)[];
  oneOf?: SchemaNode[];
  minimum?: number;
  pattern?: string;
  format?: 'glob' | 'regex';
  required?: string[];
}

const STAGES = ['pre-commit', 'prepare-commit-msg', 'commit-msg', 'post-checkout', 'pre-push', 'verify', 'audit'] as const;
const LEVEL: SchemaNode = { type: 'string', enum: ['error', 'warning', 'off'] };
const globList = (description: string): SchemaNode => ({
  type: 'array',
  description,
  items: { type: 'string', format: 'glob' },
});
const stringList = (description: string): SchemaNode => ({ type: 'array', description, items: { type: 'string' } });

export const configSchema: SchemaNode = {
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
            properties: Object.fromEntries(STAGES.map((stage) => [stage, LEVEL])),
          },
        ],
      },
    },
    branches: {
      type: 'object',
      description: 'Branch policy.',
      additionalProperties: false,
      properties: {
        protected: globList(
          'Branches nobody commits or pushes to directly (globs; "*" does not cross "/", as in GitHub rulesets).',
        ),
        production: globList('Production branches: release tags must point at a commit they contain.'),
        allowed: globList(
          'Names a work branch may have: globs ("feature/*") or regular expressions written as "/^release\\/v\\d+$/".',
        ),
        bots: globList('Branches bots create ("dependabot/**", "renovate/**"): allowed as they are, exempt from kebabCase.'),
        maxLength: { type: 'integer', minimum: 1, description: 'Longest branch name allowed, in characters (default 100).' },
        kebabCase: {
          type: 'boolean',
          description: 'Every "/"-separated part of a work branch\'s name must be lower-case kebab-case (default true).',
        },
        forcePush: {
          type: 'string',
          enum: ['error', 'warning', 'off'],
          description: 'What a force push to a branch that is not protected gives (default "warning"); protected branches are always refused.',
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
        },
        useCommitlintConfig: {
          type: 'boolean',
          description: 'When the repository has its own commitlint config, lint with it instead of the preset (default true).',
        },
        ignore: {
          type: 'array',
          // format "regex": checked at load for what the linear-time engine (config/regex.ts) cannot run.
          items: { type: 'string', format: 'regex' },
          description: 'Regular expressions: commit messages that match one are not linted (bot messages, for example).',
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
        allowed: globList('Tag names allowed besides SemVer, e.g. "archive/*" (globs or /regular expressions/).'),
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
        },
        ignore: globList('Path globs whose files are not scanned for secrets (test fixtures).'),
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
        },
        sensitive: globList('Path globs refused by "sensitive-files", in addition to the built-in list.'),
        allowSensitive: globList('Path globs "sensitive-files" accepts (look-alikes meant to be shared, test fixtures).'),
        allowLarge: globList('Path globs "large-files" accepts whatever their size.'),
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
          additionalProperties: globList('Source branches that may merge into this target.'),
        },
        body: {
          type: 'object',
          description: 'What the pull request description must keep from the template.',
          additionalProperties: false,
          properties: {
            sections: stringList('Headings the description must keep (matched case-insensitively; emoji and punctuation ignored).'),
            checkboxes: stringList('Checkbox labels that must be present and ticked ("- [x] No sensitive data exposed").'),
          },
        },
        bots: stringList('Commit authors (name or email) allowed to commit to a protected branch without a pull request.'),
      },
    },
    audit: {
      type: 'object',
      description: 'What `mcflow-hooks audit` reports besides the hooks\' checks (the "branch-health" and "signed-commits" checks).',
      additionalProperties: false,
      properties: {
        staleAfterDays: { type: 'integer', minimum: 1, description: 'A branch with no commit for this many days is stale (default 30).' },
        requireSignedCommits: {
          type: 'boolean',
          description: 'Every commit on a protected branch must carry a good signature (default false).',
        },
      },
    },
  },
};
