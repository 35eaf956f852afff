/**
 * The CI files that run `mcflow-hooks verify`: a GitHub Actions workflow that `init --ci github`
 * writes, and a GitLab CI job that `init --ci gitlab` prints for the user to add to their
 * `.gitlab-ci.yml` (a file we must not rewrite). The templates live in `presets/ci/`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { shellQuote } from '../messages.js';
import { packageRoot } from '../package-root.js';

export const CI_PROVIDERS = ['github', 'gitlab'] as const;
export type CiProvider = (typeof CI_PROVIDERS)[number];

export interface CiTemplateOptions {
  /** Branches whose pushes run verify (GitHub `on.push.branches`); the config's `branches.protected`. */
  branches?: readonly string[];
  /** The command that installs the project's dependencies (`npm ci`, `pnpm install --frozen-lockfile`). */
  install?: string;
  nodeVersion?: string;
  /**
   * The package init set up, relative to the git root (`packages/app`), when it is not the root:
   * verify runs there, where the config is, as the hooks do; the report still goes to the root.
   */
  packageDir?: string;
}

export interface CiTemplate {
  provider: CiProvider;
  /** Where init writes it (relative to the git root), or undefined when it is printed for the user to paste. */
  target?: string;
  content: string;
}

const DEFAULT_BRANCHES = ['main', 'main-production', 'develop', 'legacy-v1-production'];

/** A YAML flow sequence of quoted names: globs like `release/*` need the quotes. */
function yamlList(values: readonly string[]): string {
  return `[${values.map((value) => `'${value.replace(/'/g, "''")}'`).join(', ')}]`;
}

/**
 * The CI file for `provider`, filled in. What `init --ci <provider>` calls:
 *   const ci = renderCiTemplate('github', { branches: config.branches?.protected, install: 'npm ci' });
 *   ci.target ? writeFile(ci.target, ci.content) : print(ci.content);
 */
export function renderCiTemplate(provider: CiProvider, options: CiTemplateOptions = {}): CiTemplate {
  const template = fs.readFileSync(path.join(packageRoot(), 'presets', 'ci', `${provider}.yml`), 'utf8');
  const branches = options.branches && options.branches.length > 0 ? options.branches : DEFAULT_BRANCHES;
  const content = template
    .replace('{{branches}}', yamlList(branches))
    .replace('{{install}}', options.install ?? 'npm ci --ignore-scripts')
    .replace('{{nodeVersion}}', options.nodeVersion ?? '20')
    .replace(/PATH="\$PWD\/node_modules\/\.bin:\$PATH" mcflow-hooks verify (.*) --output (\S+)/, (command, flags: string, file: string) => {
      if (!options.packageDir) return command;
      const root = provider === 'github' ? '$GITHUB_WORKSPACE' : '$CI_PROJECT_DIR';
      // The package's own bins, then those a workspace hoists to the root.
      return `cd ${shellQuote(options.packageDir)} && PATH="$PWD/node_modules/.bin:${root}/node_modules/.bin:$PATH" mcflow-hooks verify ${flags} --output "${root}/${file}"`;
    });
  return { provider, target: provider === 'github' ? '.github/workflows/mcflow.yml' : undefined, content };
}

export interface ReusableWorkflowOptions {
  /** The mcflow-hooks version or range the organisation pins (default: this version's major). */
  mcflowVersion?: string;
  /** The default version or range of the organisation's preset. */
  presetVersion?: string;
  nodeVersion?: string;
}

/**
 * The organisation's reusable workflow (`on: workflow_call`), for a central repository: it
 * installs mcflow-hooks and the organisation's preset apart from the repository's dependencies
 * and runs `verify --config <preset>`. A ruleset then requires a workflow that calls it in every
 * repository (README "Organisations").
 */
export function renderReusableWorkflow(options: ReusableWorkflowOptions = {}): string {
  const template = fs.readFileSync(path.join(packageRoot(), 'presets', 'ci', 'github-reusable.yml'), 'utf8');
  return template
    .replace('{{mcflowVersion}}', options.mcflowVersion ?? `^${__MCFLOW_VERSION__.split('.')[0]}.0.0`)
    .replace('{{presetVersion}}', options.presetVersion ?? 'latest')
    .replace('{{nodeVersion}}', options.nodeVersion ?? '20');
}
