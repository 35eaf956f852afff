/**
 * Our own secret rules, written as plain data (patterns, a structural check, samples). The scan
 * runs them directly with {@link findSecrets} (src/checks/secrets.scan.ts): plain regexes need
 * no engine, and secretlint, with its recommended preset, loads only for texts that match one of
 * that preset's triggers. {@link toSecretlintRule} wraps a rule for secretlint all the same, so
 * the tests hold each rule to secretlint's contract. Each rule file carries true- and
 * false-positive samples that `secret-rules.test.ts` and the detection benchmark run.
 */
import type { SecretLintRuleCreator } from '@secretlint/types';
import { isPlaceholder } from './placeholder.js';
import { mayMatch } from './required-literal.js';

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
  find?: (text: string) => Iterable<{ index: number; value: string } & Verdict>;
  /**
   * A structural test on the candidate (checksum, entropy, name): false drops it; a verdict keeps
   * it with its own words or a lower severity (a public-by-design key, a test-mode key).
   */
  verify?: (secret: string, match: RegExpExecArray, context: { ext: string }) => boolean | Verdict;
  /** Skip the shared placeholder filter (the rule filters its own parts, e.g. a URL's password). */
  ownPlaceholderCheck?: boolean;
  /**
   * True and false samples, run by the tests and the detection benchmark. Rules define them with
   * a getter, so the generated values are built on first read, never when a hook loads the rule.
   */
  readonly samples: { secrets: readonly string[]; notSecrets: readonly string[]; ext?: string };
}

/** What a rule says about one match beyond "found": its own description and, for keys that are not fully secret, `warning`. */
export interface Verdict {
  description?: string;
  severity?: 'warning';
}

export interface SecretMatch extends Verdict {
  start: number;
  end: number;
  value: string;
}

/** Drops undefined fields so matches compare and print cleanly. */
function verdictOf(result: boolean | Verdict | undefined): Verdict {
  if (typeof result !== 'object') return {};
  return { ...(result.description ? { description: result.description } : {}), ...(result.severity ? { severity: result.severity } : {}) };
}

export interface FindOptions {
  /** The caller checked the rule's keywords already. */
  prefiltered?: boolean;
  /**
   * After this many matches pass the rule's test and the placeholder filter, later pattern
   * matches are not judged: their offsets go to `unjudged` (start, end pairs). The secrets check
   * shows 20 findings a file and only counts the rest: judging 100 000 of them was most of a scan.
   */
  judgeAtMost?: number;
  unjudged?: number[];
  /**
   * Where each pattern's pairs begin in `unjudged` (an index into it, one per pattern that went
   * past the cap). A pattern's pairs ascend: a caller merging rules needs no pass to find the runs.
   */
  unjudgedRuns?: number[];
}

/** Every secret a rule finds in a text: the pure core both secretlint and the sample tests use. */
export function findSecrets(rule: SecretRule, text: string, ext = '', options: FindOptions = {}): SecretMatch[] {
  const found: SecretMatch[] = [];
  const judgeAtMost = options.unjudged ? (options.judgeAtMost ?? Infinity) : Infinity;
  // The keyword prefilter: no keyword, no regex (a caller that checked the keywords already says so).
  if (!options.prefiltered) {
    const lower = lowerCase(text);
    if (!rule.keywords.some((keyword) => lower.includes(keyword))) return found;
  }
  if (rule.find) {
    // The finder applies its own structural test: it has no regex match to hand to `verify`.
    for (const { index, value, ...verdict } of rule.find(text)) {
      if (!rule.ownPlaceholderCheck && isPlaceholder(value)) continue;
      found.push({ start: index, end: index + value.length, value, ...verdictOf(verdict) });
    }
  }
  for (const pattern of rule.patterns) {
    // A pattern whose own literal the text lacks (the keyword that chose the rule belongs to another of its patterns).
    if (!mayMatch(pattern, text)) continue;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      if (match[0] === '') {
        pattern.lastIndex++;
        continue;
      }
      if (found.length >= judgeAtMost) {
        // Past the cap only where each match is counts: the rest are located without group indices.
        options.unjudgedRuns?.push(options.unjudged!.length);
        countFrom(pattern, text, match.index, options.unjudged!);
        break;
      }
      const value = match.groups?.secret ?? match[0];
      const offset = match.groups?.secret !== undefined ? secretOffset(match, value) : 0;
      // The rule's own test first: it is cheaper than the placeholder list and rejects more.
      const verdict = rule.verify ? rule.verify(value, match, { ext }) : true;
      if (verdict === false) continue;
      if (!rule.ownPlaceholderCheck && isPlaceholder(value)) continue;
      found.push({ start: match.index + offset, end: match.index + offset + value.length, value, ...verdictOf(verdict) });
    }
  }
  return withoutOverlaps(found);
}

/** Each `d` pattern without the flag: past the judging cap group indices cost more than the regex. */
const WITHOUT_INDICES = new WeakMap<RegExp, RegExp>();

function withoutIndices(pattern: RegExp): RegExp {
  if (!pattern.hasIndices) return pattern;
  let copy = WITHOUT_INDICES.get(pattern);
  if (!copy) {
    copy = new RegExp(pattern.source, pattern.flags.replace('d', ''));
    WITHOUT_INDICES.set(pattern, copy);
  }
  return copy;
}

/**
 * Pushes to `spans` the secret's (start, end) of every match of `pattern` at or after `from`,
 * where the judging loop would have placed them, at the cost of the regex alone: no group
 * indices (the `d` flag tripled the cost of the secret-assignment pattern on 10 000 matches). The
 * `secret` group's offset is where its value occurs in the match when it occurs there once, else
 * (rare) the pattern's own indices at that position.
 */
function countFrom(pattern: RegExp, text: string, from: number, spans: number[]): void {
  const search = withoutIndices(pattern);
  search.lastIndex = from;
  // Two loops, one per kind of pattern, each in a function of its own: V8 compiles a long loop
  // while it runs, and code it has not run yet (the other kind's branch) would throw that away.
  if (search.source.includes('(?<secret>')) countSecrets(pattern, search, text, spans);
  else countMatches(search, text, spans);
}

/** Each match's (start, end), for a pattern whose whole match is the secret. */
function countMatches(search: RegExp, text: string, spans: number[]): void {
  for (let match = search.exec(text); match !== null; match = search.exec(text)) {
    const length = match[0].length;
    if (length === 0) search.lastIndex++;
    else spans.push(match.index, match.index + length);
  }
}

/** Each match's `secret` group (start, end); `pattern` (with indices) places a value found twice in its match. */
function countSecrets(pattern: RegExp, search: RegExp, text: string, spans: number[]): void {
  for (let match = search.exec(text); match !== null; match = search.exec(text)) {
    const whole = match[0];
    if (whole === '') {
      search.lastIndex++;
      continue;
    }
    const secret = match.groups?.secret;
    if (secret === undefined) {
      spans.push(match.index, match.index + whole.length);
      continue;
    }
    let offset = whole.indexOf(secret);
    if (offset === -1 || whole.indexOf(secret, offset + 1) !== -1) {
      pattern.lastIndex = match.index;
      offset = secretOffset(pattern.exec(text)!, secret);
    }
    spans.push(match.index + offset, match.index + offset + secret.length);
  }
}

/** A rule's patterns may find the same secret twice (by prefix and by name): keep the first of overlapping matches. */
function withoutOverlaps(found: SecretMatch[]): SecretMatch[] {
  if (found.length < 2) return found;
  found.sort((a, b) => a.start - b.start);
  const kept: SecretMatch[] = [];
  for (const match of found) if (kept.length === 0 || match.start >= kept[kept.length - 1]!.end) kept.push(match);
  return kept;
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
            context.report({ message: t('FOUND', { description: match.description ?? rule.description }), range: [match.start, match.end] });
          }
        },
      };
    },
  };
}

/** Shannon entropy in bits per character: random base62 is near 5.9 for long strings, words near 3. */
export function entropy(value: string): number {
  const ascii = asciiEntropy(value);
  if (ascii !== undefined) return ascii;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

const asciiCounts = new Uint32Array(128);
const asciiOrder = new Uint8Array(128);
/**
 * The same sum for an ASCII value (nearly every token) without a Map per call: counts in a
 * reused array, summed in order of first appearance as the Map would, so the result is identical.
 * Undefined for a value with any other character.
 */
function asciiEntropy(value: string): number | undefined {
  let distinct = 0;
  let i = 0;
  for (; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 128) break;
    if (asciiCounts[code] === 0) asciiOrder[distinct++] = code;
    asciiCounts[code]!++;
  }
  let bits = 0;
  for (let k = 0; k < distinct; k++) {
    const code = asciiOrder[k]!;
    const p = asciiCounts[code]! / value.length;
    bits -= p * Math.log2(p);
    asciiCounts[code] = 0;
  }
  return i === value.length ? bits : undefined;
}

/** How many of lower case, upper case, digits and symbols a value mixes. */
export function characterClasses(value: string): number {
  return [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(value)).length;
}

/**
 * A value assigned to a name that contains one of `names` (a regex source, matched
 * case-insensitively): `CLOUDFLARE_API_TOKEN=…`, `"cloudflareToken": "…"`, `cloudflare.key = '…'`.
 * `value` is the secret's own pattern; `tail` the class of characters that may not follow it
 * (so a longer run is not cut to size). Every quantifier is bounded: the work from each start is too.
 */
export function assignedTo(names: string, value: string, tail = '[\\w+/=-]'): RegExp {
  return new RegExp(
    `(?<name>(?:${names})[\\w.-]{0,30})["'\\]]{0,2}[ \\t]{0,5}(?::=|=>|\\?=|[:=,])[ \\t]{0,5}["'\`]?(?<secret>${value})(?!${tail})`,
    'gdi',
  );
}

/**
 * The whole file a scanned text was cut from. The scan blanks lines without a keyword, and in a
 * diff every line the change does not add, but the context a rule reads (`indexName` beside an
 * Algolia key, `authDomain` beside a Firebase key) may sit on exactly those lines. Line numbers
 * and columns are the same in both texts, so an offset maps across by its line.
 */
let whole: { scanned: string; text: string; scannedLines?: number[]; textLines?: number[] } | undefined;

/** Runs `scan` with `text` as the whole file behind `scanned` (its blanked copy). */
export function withWholeText<T>(scanned: string, text: string, scan: () => T): T {
  whole = scanned === text ? undefined : { scanned, text };
  try {
    return scan();
  } finally {
    whole = undefined;
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The whole text and the offset in it of a match in the scanned text. */
function inWholeText(match: RegExpExecArray): { text: string; offset: number } {
  if (!whole || match.input !== whole.scanned) return { text: match.input, offset: match.index };
  const scannedLines = (whole.scannedLines ??= lineStarts(whole.scanned));
  const textLines = (whole.textLines ??= lineStarts(whole.text));
  let low = 0;
  let high = scannedLines.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (scannedLines[mid]! <= match.index) low = mid;
    else high = mid - 1;
  }
  return { text: whole.text, offset: (textLines[low] ?? 0) + match.index - scannedLines[low]! };
}

let mentionText: string | undefined;
const mentionCache = new Map<string, boolean>();
/**
 * Whether the file a match came from mentions `word` anywhere (`mailgun`, `docsearch`): one
 * search per file and word, however many matches ask, so a rule stays linear.
 */
export function mentions(match: RegExpExecArray, word: RegExp): boolean {
  const { text } = inWholeText(match);
  if (text !== mentionText) {
    mentionText = text;
    mentionCache.clear();
  }
  let found = mentionCache.get(word.source);
  if (found === undefined) {
    found = word.test(text);
    mentionCache.set(word.source, found);
  }
  return found;
}

/** The file's text within `radius` characters of a match, blanked lines included: context a rule reads, at bounded cost. */
export function around(match: RegExpExecArray, radius: number): string {
  const { text, offset } = inWholeText(match);
  return text.slice(Math.max(0, offset - radius), offset + match[0].length + radius);
}

/** What {@link findNear} looks for: a value shape (`run` is its character class), near an anchor. */
export interface NearSearch {
  anchor: RegExp;
  value: RegExp;
  run: RegExp;
  radius: number;
  accept: (value: string) => boolean;
}

/**
 * Every `value` match within `radius` characters of an `anchor` match (an AWS secret key near its
 * key id, a Twilio auth token near its account SID), each once. Windows of neighbouring anchors
 * continue where the last one stopped, and each window is searched alone (a regex left to run
 * from the window's start would scan to the end of the text for every anchor): linear in the text.
 */
export function* findNear(text: string, search: NearSearch): Generator<{ index: number; value: string }> {
  if (!mayMatch(search.anchor, text)) return;
  let searchedTo = 0;
  search.anchor.lastIndex = 0;
  for (let anchor = search.anchor.exec(text); anchor !== null; anchor = search.anchor.exec(text)) {
    const from = Math.max(searchedTo, anchor.index - search.radius);
    const to = Math.min(text.length, anchor.index + anchor[0].length + search.radius);
    if (from >= to) continue;
    for (const found of text.slice(from, to).matchAll(search.value)) {
      const start = from + found.index;
      // A run the window's edge cut in two continues outside it: not a value of the right length.
      const cut = (start > 0 && search.run.test(text[start - 1]!)) || (start + found[0].length < text.length && search.run.test(text[start + found[0].length]!));
      if (!cut && search.accept(found[0])) yield { index: start, value: found[0] };
    }
    searchedTo = to;
  }
}
