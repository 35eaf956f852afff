/**
 * Builds a Conventional Commits header from a header that failed the rules, keeping the user's
 * own words: `Hotfix: Fix critical security vulnerability.` → `fix: fix critical security vulnerability`.
 */
import type { QualifiedRules } from '@commitlint/types';

/** Type names people write that mean a Conventional Commits type. */
const SYNONYMS: Record<string, string> = {
  feature: 'feat',
  features: 'feat',
  add: 'feat',
  new: 'feat',
  bugfix: 'fix',
  hotfix: 'fix',
  bug: 'fix',
  fixes: 'fix',
  fixed: 'fix',
  doc: 'docs',
  documentation: 'docs',
  readme: 'docs',
  tests: 'test',
  testing: 'test',
  refactoring: 'refactor',
  performance: 'perf',
  styles: 'style',
  chores: 'chore',
  deps: 'build',
  dependencies: 'build',
  release: 'chore',
};

/** The branch prefix says what kind of work the commit is (feature/ → feat, hotfix/ → fix). */
const BRANCH_TYPES: Record<string, string> = {
  feature: 'feat',
  bugfix: 'fix',
  hotfix: 'fix',
  fix: 'fix',
  docs: 'docs',
  release: 'chore',
  chore: 'chore',
  refactor: 'refactor',
  perf: 'perf',
  test: 'test',
  ci: 'ci',
  build: 'build',
};

const HEADER = /^\s*([A-Za-z][\w-]*)\s*(?:\(([^)]*)\))?\s*(!)?\s*:\s*(.*)$/;
const DEFAULT_TYPES = ['build', 'chore', 'ci', 'docs', 'feat', 'fix', 'perf', 'refactor', 'revert', 'style', 'test'];

export function allowedTypes(rules: QualifiedRules): string[] {
  const rule = rules['type-enum'] as readonly [number, string?, unknown?] | undefined;
  const value = rule?.[0] && rule[1] !== 'never' && Array.isArray(rule[2]) ? (rule[2] as string[]) : DEFAULT_TYPES;
  return value.length > 0 ? value : DEFAULT_TYPES;
}

function maxHeaderLength(rules: QualifiedRules): number {
  const rule = rules['header-max-length'] as readonly [number, string?, unknown?] | undefined;
  return rule?.[0] && typeof rule[2] === 'number' ? rule[2] : 100;
}

function typeFor(candidate: string | undefined, subject: string, branch: string | undefined, types: string[]): string {
  const pick = (type: string | undefined) => (type && types.includes(type) ? type : undefined);
  const word = candidate?.toLowerCase();
  const fromBranch = branch ? BRANCH_TYPES[branch.split('/')[0]!.toLowerCase()] : undefined;
  const firstWord = subject.split(/\s+/)[0]?.toLowerCase().replace(/[^a-z]/g, '');
  const fromSubject = firstWord ? (SYNONYMS[firstWord] ?? (types.includes(firstWord) ? firstWord : undefined)) : undefined;
  return (
    pick(word) ??
    pick(word ? SYNONYMS[word] : undefined) ??
    pick(fromBranch) ??
    pick(fromSubject) ??
    pick('feat') ??
    types[0]!
  );
}

function tidySubject(subject: string): string {
  let result = subject.trim().replace(/[.\s]+$/u, '');
  if (result === result.toUpperCase() && /[A-Z]/.test(result)) result = result.toLowerCase();
  // Lower-case the first letter unless the first word is an acronym ("API", "CI").
  else if (/^[A-Z][a-z]/.test(result)) result = result[0]!.toLowerCase() + result.slice(1);
  return result || 'describe the change';
}

export function suggestHeader(header: string, rules: QualifiedRules, branch?: string): string {
  const types = allowedTypes(rules);
  const match = HEADER.exec(header);
  const [candidate, scope, bang, rawSubject] = match ? [match[1], match[2], match[3], match[4]!] : [undefined, undefined, undefined, header];
  const subject = tidySubject(rawSubject);
  const type = typeFor(candidate, subject, branch, types);
  const cleanScope = scope?.trim().toLowerCase().replace(/\s+/g, '-');
  const prefix = `${type}${cleanScope ? `(${cleanScope})` : ''}${bang ?? ''}: `;
  const limit = maxHeaderLength(rules);
  const room = Math.max(limit - prefix.length, 10);
  const fitted = subject.length > room ? subject.slice(0, room).replace(/\s+\S*$/u, '') || subject.slice(0, room) : subject;
  return prefix + fitted;
}
