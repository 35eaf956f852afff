/**
 * The files a preset brings besides its config: pull-request templates (one default, and one
 * per branch type under `.github/PULL_REQUEST_TEMPLATE/`), and the config file init writes.
 * Built-in presets keep them in `presets/templates/<preset>/`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { builtInPresetNames } from '../config/presets.js';
import { packageRoot } from '../package-root.js';

export interface TemplateFile {
  /** Path relative to the git root, e.g. `.github/PULL_REQUEST_TEMPLATE/release.md`. */
  target: string;
  content: string;
}

/** The places GitHub reads a default PR template from: an existing one in any of them is the user's. */
export const DEFAULT_TEMPLATE_PLACES = [
  '.github/pull_request_template.md',
  '.github/PULL_REQUEST_TEMPLATE.md',
  'docs/pull_request_template.md',
  'pull_request_template.md',
  'PULL_REQUEST_TEMPLATE.md',
];

export function presetTemplates(preset: string): TemplateFile[] {
  const dir = path.join(packageRoot(), 'presets', 'templates', preset);
  if (!fs.existsSync(dir)) return [];
  const files: TemplateFile[] = [];
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath ?? entry.path, entry.name);
    const relative = path.relative(dir, full).split(path.sep).join('/');
    files.push({ target: `.github/${relative}`, content: fs.readFileSync(full, 'utf8') });
  }
  return files.sort((a, b) => a.target.localeCompare(b.target));
}

/** Every template any built-in preset ships, by target: uninstall removes a file only when it is one of these, unchanged. */
export function allShippedTemplates(): Map<string, Set<string>> {
  const byTarget = new Map<string, Set<string>>();
  for (const preset of builtInPresetNames()) {
    for (const file of presetTemplates(preset)) {
      const set = byTarget.get(file.target) ?? new Set<string>();
      set.add(file.content);
      byTarget.set(file.target, set);
    }
  }
  return byTarget;
}

/** The branch type a PR template exists for (`release/v1.2.0` → `release`), if any. */
export function branchTemplateType(branch: string): string | undefined {
  return /^(release|hotfix)\//.exec(branch)?.[1];
}

export const CONFIG_FILE = '.mcflowrc.json';

/**
 * The config init writes: the preset, the schema for editor completion, and what init adapted to
 * the repository (its default branch, its own PR template's sections), in the project's indentation.
 */
export function configFileContent(preset: string, options: { indent?: string; adapted?: Record<string, unknown> } = {}): string {
  const data = { $schema: './node_modules/mcflow-hooks/schema/mcflow.schema.json', extends: preset, ...options.adapted };
  return `${JSON.stringify(data, null, options.indent ?? 2)}\n`;
}

/** One line per built-in preset, for `init --preset` with no name. */
export function describePresets(): { name: string; description: string }[] {
  return builtInPresetNames().map((name) => {
    const data = JSON.parse(fs.readFileSync(path.join(packageRoot(), 'presets', `${name}.json`), 'utf8')) as { description?: string };
    return { name, description: data.description ?? '' };
  });
}
