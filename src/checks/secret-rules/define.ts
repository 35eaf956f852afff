/**
 * Our own secret rules, written as plain data (patterns, a structural check, samples) and turned
 * into secretlint rules by {@link toSecretlintRule}, so they run in the same secretlint pass as
 * the recommended preset. Each rule file carries true- and false-positive samples that
 * `secret-rules.test.ts` runs.
 */
import type { SecretLintRuleCreator } from '@secretlint/types';
import { isPlaceholder } from './placeholder.js';

export interface SecretRule {
  /** Rule id as findings name it: `mcflow/<name>`. */
  id: string;
  /** What it finds, for messages: "Stripe live secret key". */
  description: string;
  /** Lower-case strings one of which must occur for the rule to have anything to find (the prefilter). */
  keywords: readonly string[];
  /**
   * Global regular expressions; the named group `secret` (or the whole match) is the secret.
   * Every pattern must run in time linear in the text: bounded quantifiers (`{20,200}`), no
   * nested or adjacent unbounded ones that can trade characters between them.
   */
  patterns: readonly RegExp[];
  /** For shapes a regex cannot match in linear time (a PEM block's BEGIN…END pair): finds candidates itself. */
  find?: (text: string) => Iterable<{ index: number; value: string }>;
  /** A structural test on the candidate (checksum, entropy, name); false drops it. */
  verify?: (secret: string, match: RegExpExecArray, context: { ext: string }) => boolean;
  /** Skip the shared placeholder filter (the rule filters its own parts, e.g. a URL's password). */
  ownPlaceholderCheck?: boolean;
  samples: { secrets: readonly string[]; notSecrets: readonly string[]; ext?: string };
}

export interface SecretMatch {
  start: number;
  end: number;
  value: string;
}

/** Every secret a rule finds in a text: the pure core both secretlint and the sample tests use. */
export function findSecrets(rule: SecretRule, text: string, ext = '', options: { prefiltered?: boolean } = {}): SecretMatch[] {
  const found: SecretMatch[] = [];
  // The keyword prefilter: no keyword, no regex (a caller that checked the keywords already says so).
  if (!options.prefiltered) {
    const lower = lowerCase(text);
    if (!rule.keywords.some((keyword) => lower.includes(keyword))) return found;
  }
  if (rule.find) {
    // The finder applies its own structural test: it has no regex match to hand to `verify`.
    for (const { index, value } of rule.find(text)) {
      if (!rule.ownPlaceholderCheck && isPlaceholder(value)) continue;
      found.push({ start: index, end: index + value.length, value });
    }
  }
  for (const pattern of rule.patterns) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      if (match[0] === '') {
        pattern.lastIndex++;
        continue;
      }
      const value = match.groups?.secret ?? match[0];
      const offset = match.groups?.secret !== undefined ? secretOffset(match, value) : 0;
      // The rule's own test first: it is cheaper than the placeholder list and rejects more.
      if (rule.verify && !rule.verify(value, match, { ext })) continue;
      if (!rule.ownPlaceholderCheck && isPlaceholder(value)) continue;
      found.push({ start: match.index + offset, end: match.index + offset + value.length, value });
    }
  }
  return found;
}

let lastText: string | undefined;
let lastLower = '';
/** Every rule lower-cases the same text in turn: keep the last one. */
function lowerCase(text: string): string {
  if (text !== lastText) {
    lastText = text;
    lastLower = text.toLowerCase();
  }
  return lastLower;
}

/** Where the `secret` group starts inside the match (d-flag indices when present). */
function secretOffset(match: RegExpExecArray, value: string): number {
  const indices = (match as RegExpExecArray & { indices?: { groups?: Record<string, [number, number]> } }).indices;
  const span = indices?.groups?.secret;
  if (span) return span[0] - match.index;
  return match[0].lastIndexOf(value);
}

/** Wraps a rule as a secretlint rule creator (scanner type, text content). */
export function toSecretlintRule(rule: SecretRule): SecretLintRuleCreator {
  const messages = { FOUND: { en: (props: { description: string }) => `found a ${props.description}` } };
  return {
    messages,
    meta: { id: rule.id, type: 'scanner', recommended: true, supportedContentTypes: ['text'] },
    create(context) {
      const t = context.createTranslator(messages);
      return {
        file(source) {
          for (const match of findSecrets(rule, source.content, source.ext)) {
            context.report({ message: t('FOUND', { description: rule.description }), range: [match.start, match.end] });
          }
        },
      };
    },
  };
}

/** Shannon entropy in bits per character: random base62 is near 5.9 for long strings, words near 3. */
export function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** How many of lower case, upper case, digits and symbols a value mixes. */
export function characterClasses(value: string): number {
  return [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(value)).length;
}
