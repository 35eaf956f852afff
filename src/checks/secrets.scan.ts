/**
 * Runs secretlint (its recommended preset plus our rules in `secret-rules/`) over texts, once
 * per run: the engine's modules are imported on first need, and not at all when no text
 * contains a keyword any rule looks for. Returns raw matches with their positions; masking,
 * fingerprints and allow-lists are the check's business.
 */
import path from 'node:path';
import type { SecretLintCoreConfig } from '@secretlint/types';
import { isPlaceholder } from './secret-rules/placeholder.js';
import { PRESET_KEYWORDS, SECRET_RULES } from './secret-rules/index.js';
import { toSecretlintRule } from './secret-rules/define.js';

export interface ScanTarget {
  path: string;
  content: string;
  /** Scan only these 1-based lines (the lines a commit adds); undefined scans the whole text. */
  lines?: ReadonlySet<number>;
}

export interface RawSecret {
  /** Short rule id: `mcflow/stripe`, `secretlint/github`. */
  rule: string;
  value: string;
  line: number;
  column: number;
  /** The rule's own words for what it found. */
  description: string;
}

const KEYWORDS = [...new Set([...PRESET_KEYWORDS, ...SECRET_RULES.flatMap((rule) => rule.keywords)])];
/**
 * What each rule finds, in our words. secretlint's own messages quote the secret they found
 * ("found PostgreSQL connection string: postgres://app:<the password>@…"), so they are never shown.
 */
const DESCRIPTIONS = new Map<string, string>([
  ...SECRET_RULES.map((rule): [string, string] => [rule.id, rule.description]),
  ['secretlint/aws', 'AWS credential'],
  ['secretlint/gcp', 'Google Cloud service-account key'],
  ['secretlint/npm', 'npm token'],
  ['secretlint/slack', 'Slack token or webhook'],
  ['secretlint/basicauth', 'password in a URL'],
  ['secretlint/openai', 'OpenAI API key'],
  ['secretlint/anthropic', 'Anthropic API key'],
  ['secretlint/linear', 'Linear API key'],
  ['secretlint/privatekey', 'private key'],
  ['secretlint/sendgrid', 'SendGrid API key'],
  ['secretlint/shopify', 'Shopify token'],
  ['secretlint/github', 'GitHub token'],
  ['secretlint/1password', '1Password service-account token'],
  ['secretlint/database-connection-string', 'password in a database connection string'],
]);

/** Blanks every line not in `keep`, so positions stay right and nothing else is scanned. */
export function keepLines(content: string, keep: ReadonlySet<number>): string {
  const lines = content.split('\n');
  return lines.map((line, index) => (keep.has(index + 1) ? line : '')).join('\n');
}

/** The cheap test before any regex: does the text contain any rule's keyword? */
export function mayContainSecret(text: string): boolean {
  const lower = text.toLowerCase();
  return KEYWORDS.some((keyword) => lower.includes(keyword));
}

type LintSource = typeof import('@secretlint/core').lintSource;
let engine: Promise<{ lintSource: LintSource; config: SecretLintCoreConfig }> | undefined;

/** Loads secretlint and builds its config once per process. */
function loadEngine() {
  engine ??= Promise.all([import('@secretlint/core'), import('@secretlint/secretlint-rule-preset-recommend')]).then(
    ([core, preset]) => ({
      lintSource: core.lintSource,
      config: {
        rules: [
          { id: preset.creator.meta.id, rule: preset.creator },
          ...SECRET_RULES.map((rule) => ({ id: rule.id, rule: toSecretlintRule(rule) })),
        ],
      } as SecretLintCoreConfig,
    }),
  );
  return engine;
}

export async function scanTexts(targets: readonly ScanTarget[]): Promise<RawSecret[][]> {
  const texts = targets.map((target) => (target.lines ? keepLines(target.content, target.lines) : target.content));
  const wanted = texts.map(mayContainSecret);
  if (!wanted.includes(true)) return targets.map(() => []);
  const { lintSource, config } = await loadEngine();
  return Promise.all(
    targets.map(async (target, index) => {
      if (!wanted[index]) return [];
      const text = texts[index]!;
      const result = await lintSource({
        source: { content: text, filePath: target.path, ext: path.extname(target.path), contentType: 'text' },
        options: { config, noPhysicFilePath: true, maskSecrets: true },
      });
      const found = result.messages.map((message) => {
        const rule = shortRuleId(message.ruleId);
        const [start, end] = message.range;
        return { rule, start, end, value: text.slice(start, end), description: DESCRIPTIONS.get(rule) ?? 'secret' };
      });
      return dropOverlaps(found.filter((secret) => secret.rule.startsWith('mcflow/') || !isPresetPlaceholder(secret.value))).map(
        ({ start, end: _end, ...secret }) => ({ ...secret, ...position(text, start) }),
      );
    }),
  );
}

/** `@secretlint/secretlint-rule-github` → `secretlint/github`; our ids are already short. */
function shortRuleId(id: string): string {
  return id.replace(/^@secretlint\/secretlint-rule-/, 'secretlint/');
}

/**
 * The preset flags documented placeholders (`ghp_xxxx…`, `<password>` in a URL, Slack's
 * `T00000000` webhook, AWS's example secret): judge its matches by the same placeholder list,
 * and a URL's by its password alone (a real host must not make a placeholder password real).
 */
function isPresetPlaceholder(value: string): boolean {
  const password = /^[a-z][\w+.-]*:\/\/[^:@/\s]*:([^@/\s]+)@/i.exec(value)?.[1];
  return isPlaceholder(password ?? value);
}

/** One finding per secret: when rules overlap, the first by position wins, specific rules before the generic one. */
function dropOverlaps<T extends { rule: string; start: number; end: number }>(found: T[]): T[] {
  const generic = (rule: string) => (rule === 'mcflow/secret-assignment' ? 1 : 0);
  const sorted = [...found].sort((a, b) => a.start - b.start || generic(a.rule) - generic(b.rule));
  const kept: T[] = [];
  for (const secret of sorted) {
    if (kept.some((other) => secret.start < other.end && other.start < secret.end)) continue;
    kept.push(secret);
  }
  return kept;
}

/** 1-based line and column of an offset. */
function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
