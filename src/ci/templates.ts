/**
 * The CI files that run `mcflow-hooks verify`: a GitHub Actions workflow that `init --ci github`
 * writes, and a GitLab CI job that `init --ci gitlab` prints for the user to add to their
 * `.gitlab-ci.yml` (a file we must not rewrite). The templates live in `presets/ci/`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../package-root.js';

export const CI_PROVIDERS = ['github', 'gitlab'] as const;
export type CiProvider = (typeof CI_PROVIDERS)[number];

export interface CiTemplateOptions {
  /** Branches whose pushes run verify (GitHub `on.push.branches`); the config's `branches.protected`. */
  branches?: readonly string[];
  /** The command that installs the project's dependencies (`npm ci`, `pnpm install --frozen-lockfile`). */
  install?: string;
  nodeVersion?: string;
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
    .replace('{{install}}', options.install ?? 'npm ci')
    .replace('{{nodeVersion}}', options.nodeVersion ?? '20');
  return { provider, target: provider === 'github' ? '.github/workflows/mcflow.yml' : undefined, content };
}
