/**
 * pr-body: the pull request description keeps the template's sections and its required
 * checkboxes are ticked.
 *
 * Why: the template is the team's checklist (testing, security, deployment); reviewers rely on
 * every section being there and every required box ticked.
 *
 * Config: { "pullRequests": { "body": { "sections": ["Description", "Testing"],
 *           "checkboxes": ["No sensitive data exposed"] } } }
 */
import { messages } from '../messages.js';
import type { Check } from './check.js';
import type { Problem } from '../types.js';

const text = messages.prBody;

/** Lower-case words only: "## 🔒 Security:" and "security" are the same heading. */
export function normalise(label: string): string {
  return label
    .toLowerCase()
    .replace(/[*_`~]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

interface Section {
  heading: string;
  body: string;
}

/** Markdown ATX headings (`#`…`######`) and the text under each, HTML comments removed. */
export function readSections(body: string): Section[] {
  const sections: Section[] = [];
  const clean = body.replace(/<!--[\s\S]*?-->/g, '').replace(/\r\n/g, '\n');
  for (const line of clean.split('\n')) {
    const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) sections.push({ heading: normalise(heading[1]!), body: '' });
    else if (sections.length > 0) sections[sections.length - 1]!.body += `${line}\n`;
  }
  return sections;
}

/** Task-list items: `- [x] label` → { label, ticked }. */
export function readCheckboxes(body: string): { label: string; ticked: boolean }[] {
  const boxes: { label: string; ticked: boolean }[] = [];
  for (const match of body.matchAll(/^\s*[-*+]\s+\[([ xX])\]\s+(.+)$/gm)) {
    boxes.push({ label: normalise(match[2]!), ticked: match[1] !== ' ' });
  }
  return boxes;
}

export const prBody: Check = {
  id: 'pr-body',
  why: text.why,
  run(change, context) {
    if (change.ci?.event !== 'pull-request' || !change.pullRequest) return [];
    const body = change.pullRequest.body ?? '';
    const required = context.config.pullRequests?.body ?? {};
    const fix = text.fix(change.pullRequest.number, change.ci?.provider);
    const problems: Problem[] = [];
    const sections = readSections(body);
    for (const name of required.sections ?? []) {
      const wanted = normalise(name);
      const section = sections.find((candidate) => candidate.heading === wanted || candidate.heading.startsWith(`${wanted} `));
      if (!section) problems.push({ message: text.missingSection(name), fix });
      else if (section.body.trim() === '') problems.push({ message: text.emptySection(name), fix });
    }
    const boxes = readCheckboxes(body);
    for (const label of required.checkboxes ?? []) {
      // The template may explain a box after its label: "No sensitive data exposed (no .env, keys…)".
      const wanted = normalise(label);
      const box = boxes.find((candidate) => candidate.label === wanted || candidate.label.startsWith(`${wanted} `));
      if (!box) problems.push({ message: text.missingCheckbox(label), fix });
      else if (!box.ticked) problems.push({ message: text.unticked(label), fix });
    }
    return problems;
  },
};
