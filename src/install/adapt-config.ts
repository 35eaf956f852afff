/**
 * What init writes into the config beyond `extends`, so the policy fits the repository as it is:
 * - the remote's default branch is the protected production branch when it is not `main`
 *   (github-flow protects `main` only);
 * - a PR template the project keeps is the policy: `pr-body` requires its headings, and of the
 *   preset's required checkboxes only those the template has. `pr` fills in the same template,
 *   so `pr` and `verify` agree.
 */
import fs from 'node:fs';
import path from 'node:path';
import { normalise, readCheckboxes } from '../checks/pr-body.js';
import { messages } from '../messages.js';
import { packageRoot } from '../package-root.js';
import { readDefaultBranch } from './preset-choice.js';
import { configFileContent, DEFAULT_TEMPLATE_PLACES, presetTemplates } from './templates.js';

interface PresetData {
  branches?: { protected?: string[]; production?: string[] };
  pullRequests?: { routes?: Record<string, string[]>; body?: { sections?: string[]; checkboxes?: string[] } };
}

export function readPreset(preset: string): PresetData {
  return JSON.parse(fs.readFileSync(path.join(packageRoot(), 'presets', `${preset}.json`), 'utf8')) as PresetData;
}

/** The headings and task-list labels of a template, as written there. */
function templateHeadings(template: string): string[] {
  const clean = template.replace(/<!--[\s\S]*?-->/g, '');
  return [...clean.matchAll(/^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/gm)].map((match) => match[1]!).filter(Boolean);
}

export function adaptConfig(preset: string, repo: { defaultBranch?: string; keptTemplate?: string }): { adapted: Record<string, unknown>; notes: string[] } {
  const data = readPreset(preset);
  const adapted: Record<string, unknown> = {};
  const notes: string[] = [];
  const production = data.branches?.production ?? [];
  const { defaultBranch } = repo;
  if (preset === 'github-flow' && defaultBranch && !(data.branches?.protected ?? []).includes(defaultBranch)) {
    const routes = data.pullRequests?.routes ?? {};
    const from = production[0] && routes[production[0]] ? routes[production[0]]! : [];
    adapted.branches = { protected: [defaultBranch], production: [defaultBranch] };
    adapted.pullRequests = { routes: { [defaultBranch]: from } };
    notes.push(messages.install.adaptedDefaultBranch(defaultBranch));
  }
  if (repo.keptTemplate !== undefined) {
    const headings = templateHeadings(repo.keptTemplate);
    const labels = readCheckboxes(repo.keptTemplate).map((box) => box.label);
    const required = (data.pullRequests?.body?.checkboxes ?? []).filter((label) => {
      const wanted = normalise(label);
      return labels.some((box) => box === wanted || box.startsWith(`${wanted} `));
    });
    const pullRequests = (adapted.pullRequests as Record<string, unknown> | undefined) ?? {};
    pullRequests.body = { sections: headings, checkboxes: required };
    adapted.pullRequests = pullRequests;
    notes.push(messages.install.adaptedTemplateSections(headings));
  }
  return { adapted, notes };
}

/** The project's default PR template when it is its own (not the preset's, which init writes). */
function keptTemplate(root: string, places: string[], presetDefault: string): string | undefined {
  const place = places.find((candidate) => fs.existsSync(path.join(root, candidate)));
  if (place === undefined) return undefined;
  const text = fs.readFileSync(path.join(root, place), 'utf8');
  return text === presetDefault ? undefined : text;
}

/** The config file init writes for this repository (uninstall compares against it). */
export function initConfigContent(root: string, preset: string, indent: string, force: boolean): { content: string; notes: string[] } {
  const presetDefault = presetTemplates(preset).find((t) => t.target === '.github/pull_request_template.md')?.content;
  // --force replaces the template at the preset's own place with the preset's: then it is no longer the project's.
  const places = force ? DEFAULT_TEMPLATE_PLACES.filter((place) => place !== '.github/pull_request_template.md') : DEFAULT_TEMPLATE_PLACES;
  const template = presetDefault === undefined ? undefined : keptTemplate(root, places, presetDefault);
  const defaultBranch = readDefaultBranch(root);
  const { adapted, notes } = adaptConfig(preset, { ...(defaultBranch ? { defaultBranch } : {}), ...(template !== undefined ? { keptTemplate: template } : {}) });
  return { content: configFileContent(preset, { indent, adapted }), notes };
}
