/**
 * The branch name rules, as plain functions of a name and the config (no git): which rule a
 * name breaks, and a valid name derived from a bad one (`Feature/Login Form` →
 * `feature/login-form`).
 */
import { compileMatcher, type Matcher } from '../config/glob.js';
import { DEFAULTS } from '../config/defaults.js';
import type { McflowConfig } from '../config/types.js';

export const DEFAULT_MAX_LENGTH = DEFAULTS.maxLength;

/** The rule a name breaks, named as the message and README name it. */
export type BranchRule = 'git-ref-format' | 'max-length' | 'kebab-case' | 'allowed-pattern';

export interface BranchViolation {
  rule: BranchRule;
  /** What is wrong with this name under that rule, for the message. */
  detail: string;
}

export interface BranchRules {
  protected: Matcher;
  bots: Matcher;
  allowed: Matcher | undefined;
  allowedPatterns: readonly string[];
  maxLength: number;
  kebabCase: boolean;
}

export function compileBranchRules(config: Pick<McflowConfig, 'branches'>): BranchRules {
  const branches = config.branches ?? {};
  const allowedPatterns = branches.allowed ?? [];
  return {
    protected: compileMatcher(branches.protected ?? []),
    bots: compileMatcher(branches.bots ?? []),
    allowed: allowedPatterns.length > 0 ? compileMatcher(allowedPatterns) : undefined,
    allowedPatterns,
    maxLength: branches.maxLength ?? DEFAULT_MAX_LENGTH,
    kebabCase: branches.kebabCase ?? DEFAULTS.kebabCase,
  };
}

/** A slug segment: lower-case words of letters and digits joined by "-" (or "." for versions). */
const KEBAB_SEGMENT = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;

/** Why git itself would refuse `name` as a branch (git-check-ref-format(1)), or undefined. */
export function refFormatProblem(name: string): string | undefined {
  if (name === '') return 'it is empty';
  if (name === '@') return 'it is "@", which git reserves for HEAD';
  if (name.startsWith('-')) return 'it starts with "-"';
  if (name.startsWith('/') || name.endsWith('/')) return 'it starts or ends with "/"';
  if (name.includes('//')) return 'it has an empty part ("//")';
  if (name.includes('..')) return 'it contains ".."';
  if (name.includes('@{')) return 'it contains "@{"';
  if (name.endsWith('.')) return 'it ends with "."';
  // eslint-disable-next-line no-control-regex
  const bad = /[\u0000-\u0020\u007f~^:?*[\\]/.exec(name);
  if (bad) return `it contains ${bad[0] === ' ' ? 'a space' : JSON.stringify(bad[0])}`;
  for (const part of name.split('/')) {
    if (part.startsWith('.')) return `the part "${part}" starts with "."`;
    if (part.endsWith('.lock')) return `the part "${part}" ends with ".lock"`;
  }
  return undefined;
}

/**
 * The first rule `name` breaks, or undefined when it is fine. Protected branches and bot
 * branches (dependabot, renovate) keep the names their owners gave them.
 */
export function findBranchViolation(name: string, rules: BranchRules): BranchViolation | undefined {
  const format = refFormatProblem(name);
  if (format) return { rule: 'git-ref-format', detail: format };
  if ([...name].length > rules.maxLength) {
    return { rule: 'max-length', detail: `it is ${[...name].length} characters long; the limit is ${rules.maxLength}` };
  }
  if (rules.protected(name) || rules.bots(name)) return undefined;
  if (rules.kebabCase) {
    const segment = name.split('/').find((part) => !KEBAB_SEGMENT.test(part));
    if (segment !== undefined) return { rule: 'kebab-case', detail: `"${segment}" is not lower-case kebab-case (a-z, 0-9, words joined by "-")` };
  }
  if (rules.allowed && !rules.allowed(name)) {
    return { rule: 'allowed-pattern', detail: `it matches none of the allowed patterns: ${rules.allowedPatterns.join(', ')}` };
  }
  return undefined;
}

const BRANCH_TYPES = new Set(['feature', 'bugfix', 'hotfix', 'release', 'rollback']);

/** Prefixes people type for the GitFlow branch types, mapped to the type the preset allows. */
const TYPE_ALIASES: Record<string, string> = {
  feat: 'feature',
  features: 'feature',
  fix: 'bugfix',
  bug: 'bugfix',
  bugs: 'bugfix',
  bugfixes: 'bugfix',
  'hot-fix': 'hotfix',
  hotfixes: 'hotfix',
  releases: 'release',
};

/** Latin letters that Unicode does not decompose into a base letter and a mark. */
const UNDECOMPOSABLE: Record<string, string> = { ß: 'ss', ø: 'o', æ: 'ae', œ: 'oe', đ: 'd', ł: 'l', þ: 'th', ð: 'd', ı: 'i' };

/** "Login Form" → "login-form", "Café" → "cafe", "a..b" → "a.b"; empty when nothing usable is left. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßøæœđłþðı]/g, (letter) => UNDECOMPOSABLE[letter]!)
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/-?\.-?/g, (match) => (match === '.' ? '.' : '-'))
    .replace(/^[.-]+|[.-]+$/g, '')
    .replace(/\.lock$/, '-lock');
}

/** Cuts a slug at a word boundary so that `prefix/slug` fits in `maxLength` characters. */
function fit(prefix: string, slug: string, maxLength: number): string {
  const room = maxLength - prefix.length - 1;
  if (slug.length <= room) return slug;
  const cut = slug.slice(0, room);
  const boundary = Math.max(cut.lastIndexOf('-'), cut.lastIndexOf('.'));
  return (boundary > 0 ? cut.slice(0, boundary) : cut).replace(/[.-]+$/, '');
}

/**
 * A valid name derived from a bad one, or undefined when none of the candidates passes every
 * rule. Candidates, in order: the name's own prefix slugged (`Feature/Login Form` →
 * `feature/login-form`), a known alias of it (`feat/x` → `feature/x`), then `feature/` in front
 * of the whole name (`Login` → `feature/login`); each also with a `v` before a leading version
 * number (`release/2.1.0` → `release/v2.1.0`).
 */
export function suggestBranchName(name: string, rules: BranchRules): string | undefined {
  const parts = name.split('/').map(slugify).filter(Boolean);
  if (parts.length === 0) return undefined;
  const [first, ...rest] = parts as [string, ...string[]];
  const prefixed: [string, string[]][] = [];
  if (rest.length > 0) {
    prefixed.push([first, rest]);
    if (TYPE_ALIASES[first]) prefixed.push([TYPE_ALIASES[first]!, rest]);
  }
  // A name with no type in front becomes a feature; a type with nothing usable after it gets no suggestion.
  if (!BRANCH_TYPES.has(first) && !TYPE_ALIASES[first]) prefixed.push(['feature', parts]);
  for (const [prefix, words] of prefixed) {
    const slug = fit(prefix, words.join('-'), rules.maxLength);
    for (const candidate of [`${prefix}/${slug}`, `${prefix}/v${slug}`]) {
      if (slug !== '' && candidate !== name && findBranchViolation(candidate, rules) === undefined) return candidate;
    }
  }
  return undefined;
}

