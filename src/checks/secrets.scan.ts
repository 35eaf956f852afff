/**
 * Finds secrets in texts with our rules (`secret-rules/`) and secretlint's recommended preset.
 * Our rules are secretlint-compatible but run directly: they are plain regexes and need no
 * engine. secretlint is imported once per run, on first need, and only for texts that match a
 * preset trigger. Lines with no keyword are blanked before any rule runs. Returns raw matches
 * with their positions; masking, fingerprints and allow-lists are the check's business.
 */
import path from 'node:path';
import type { SecretLintCoreConfig } from '@secretlint/types';
import { isPlaceholder } from './secret-rules/placeholder.js';
import { PRESET_TRIGGERS, REPLACED_PRESET_RULES, SECRET_RULES, SHAPE_RULES } from './secret-rules/index.js';
import { findSecrets, withWholeText } from './secret-rules/define.js';
import { KUBERNETES_SECRET, prefilter, prefilterReady, stretchEnd, stretchFinders, type Prefiltered } from './secrets.keywords.js';

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
  /** `warning` for keys that are public by design or reach no real data (test mode); absent for secrets. */
  severity?: 'warning';
}

const escape = (keyword: string) => keyword.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Every rule's keywords and the preset's triggers as one case-insensitive regex: one pass per text. */
const KEYWORD_SOURCE = [...new Set(SECRET_RULES.flatMap((rule) => rule.keywords))].map(escape).concat(PRESET_TRIGGERS).join('|');
const KEYWORD = new RegExp(KEYWORD_SOURCE, 'i');
/** The same, global, plus the start of a PEM block (whose body lines hold no keyword). */
const KEYWORD_ANYWHERE = new RegExp(`-----BEGIN|---- BEGIN|${KEYWORD_SOURCE}`, 'gi');
/**
 * The same over a lower-cased copy, without the `i` flag: case-insensitive alternations of
 * hundreds of literals are several times slower in V8. Keywords are lower case already; only the
 * preset triggers' and the PEM marker's letters need lowering.
 */
const KEYWORD_ANYWHERE_LOWER = new RegExp(`-----begin|---- begin|${KEYWORD_SOURCE.toLowerCase()}`, 'g');
const PRESET_TRIGGER = new RegExp(PRESET_TRIGGERS.join('|'), 'i');
/** Our rules' keywords, longest first so that one at a position is not hidden by a shorter one. */
const RULE_KEYWORD_LIST = [...new Set(SECRET_RULES.flatMap((rule) => rule.keywords))].sort((a, b) => b.length - a.length);
const RULE_KEYWORDS = new RegExp(RULE_KEYWORD_LIST.map(escape).join('|'), 'g');
/** Keyword matches after which the search drops the keywords already found. */
const NARROW_AFTER = 64;

/** A lower-cased copy with the same offsets, or undefined when lower-casing changes the length (`İ` becomes two code units). */
function lowerSameOffsets(text: string): string | undefined {
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : undefined;
}

/**
 * The rules worth running on a text: those with a keyword in it. The search tries every
 * position (a keyword inside or overlapping another is found too: at one position the longest
 * wins and the shorter ones there are its prefixes). A text that repeats a few keywords (100k
 * `API_KEY=` lines, 1 MB of BEGIN lines) would yield one match per occurrence: every
 * {@link NARROW_AFTER} matches the search is rebuilt without the keywords found so far, so it
 * stops matching them. Each rebuild drops at least one keyword: at most one per keyword, and
 * at most NARROW_AFTER matches per keyword, whatever the text's size.
 */
function rulesFor(text: string): (typeof SECRET_RULES)[number][] {
  const lower = text.toLowerCase();
  const found: string[] = [];
  // A longer keyword found at a position holds the shorter ones inside it ("password=" holds "pass").
  const isFound = (keyword: string) => found.some((word) => word.includes(keyword));
  let search = RULE_KEYWORDS;
  let matches = 0;
  for (let at = 0; at < lower.length; ) {
    search.lastIndex = at;
    const match = search.exec(lower);
    if (match === null) break;
    if (!found.includes(match[0])) found.push(match[0]);
    at = match.index + 1;
    if (++matches % NARROW_AFTER === 0) {
      const remaining = RULE_KEYWORD_LIST.filter((keyword) => !isFound(keyword));
      if (remaining.length === 0) break;
      search = new RegExp(remaining.map(escape).join('|'), 'g');
    }
  }
  return SECRET_RULES.filter((rule) => rule.keywords.some(isFound));
}
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
  return KEYWORD.test(text);
}

type LintSource = typeof import('@secretlint/core').lintSource;
let engine: Promise<{ lintSource: LintSource; config: SecretLintCoreConfig }> | undefined;

/** Loads secretlint and its recommended preset once per process. */
function loadEngine() {
  engine ??= Promise.all([import('@secretlint/core'), import('@secretlint/secretlint-rule-preset-recommend')]).then(
    ([core, preset]) => ({
      lintSource: core.lintSource,
      config: {
        rules: [
          {
            id: preset.creator.meta.id,
            rule: preset.creator,
            rules: REPLACED_PRESET_RULES.map((name) => ({ id: `@secretlint/secretlint-rule-${name}`, disabled: true })),
          },
        ],
      } as SecretLintCoreConfig,
    }),
  );
  return engine;
}

/**
 * Blanks the lines no rule could match: those without any keyword. A private key's body has no
 * keyword, so lines from a `-----BEGIN` to its `-----END` are kept whole. Line numbers and
 * columns stay what they were.
 */
export function keepKeywordLines(text: string): string {
  return prefilterText(text).kept;
}

/**
 * The prefilter's answer for a text: one pass of secrets.keywords.ts, or, for the texts it
 * leaves to them ({@link prefilter}), the regexes it replaces, with the same result.
 */
export function prefilterText(text: string, oneOfMany = true): Prefiltered {
  // A hook with a short text to scan (a commit message, one small file) does not build tables it
  // would use once: the regexes answer alike (tested), and cost less for a few kilobytes.
  if (!oneOfMany && !prefilterReady()) return prefilterByRegex(text);
  return prefilter(text) ?? prefilterByRegex(text);
}

/** Total size below which a scan uses the prefilter's regexes rather than build its tables. */
const TABLES_FROM = 64 * 1024;

/** The same by regexes: the reference the one-pass prefilter is tested against. */
export function prefilterByRegex(text: string): Prefiltered {
  const kept = keepKeywordLinesByRegex(text);
  const any = mayContainSecret(kept);
  return { kept, rules: any ? rulesFor(kept) : [], any, preset: PRESET_TRIGGER.test(kept) };
}

/** One regex pass over the text finds the lines to keep. */
function keepKeywordLinesByRegex(text: string): string {
  if (KUBERNETES_SECRET.test(text)) return text;
  const pieces: string[] = [];
  let copied = 0;
  const skipTo = (offset: number) => {
    pieces.push('\n'.repeat(countNewlines(text, copied, offset)));
    copied = offset;
  };
  const finders = stretchFinders(text);
  const lower = lowerSameOffsets(text);
  const keywords = lower === undefined ? KEYWORD_ANYWHERE : KEYWORD_ANYWHERE_LOWER;
  const searched = lower ?? text;
  keywords.lastIndex = 0;
  for (let match = keywords.exec(searched); match !== null; match = keywords.exec(searched)) {
    const lineStart = text.lastIndexOf('\n', match.index) + 1;
    // Through the end of this line, or of the key blocks and key-id lines it opens.
    const lineEnd = stretchEnd(text, match.index, finders);
    if (lineStart > copied) skipTo(lineStart);
    pieces.push(text.slice(Math.max(lineStart, copied), lineEnd));
    copied = lineEnd;
    keywords.lastIndex = lineEnd;
  }
  skipTo(text.length);
  return pieces.join('');
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/** The batch a file joins: its extension, or its name for the names a preset rule reads. */
function batchKey(filePath: string): string {
  const name = path.basename(filePath);
  return name === '.npmrc' || name === 'package.json' ? name : path.extname(name);
}

interface Match {
  rule: string;
  start: number;
  end: number;
  value: string;
  description: string;
  severity?: 'warning';
}

/** Every secret in each text, every match judged: what masking and the tests need. */
export async function scanTexts(targets: readonly ScanTarget[]): Promise<RawSecret[][]> {
  return (await scanTextsCounted(targets)).found;
}

export interface CountedScan {
  found: RawSecret[][];
  /** Per text, the matches left unjudged ({@link scanTextsCounted}). */
  unjudged: Unjudged[];
}

/** Matches counted, not judged: how many, and on demand their lines (ascending). */
export interface Unjudged {
  count: number;
  /** Asked only where lines matter (an inline marker in the file, a window's last line): 100 000 look-ups otherwise. */
  lines(): number[];
}
const NONE: Unjudged = { count: 0, lines: () => [] };

/**
 * The same, but each rule judges (its structural test, the placeholder filter) at most
 * `judgeAtMost` matches that pass in a text; the pattern matches after those are only located,
 * by line, in `unjudged`: counted, not shown. A file of 100 000 look-alikes costs a regex pass,
 * not 100 000 verdicts. An unjudged match that overlaps a finding, or another unjudged match, is
 * not counted again.
 */
export async function scanTextsCounted(targets: readonly ScanTarget[], judgeAtMost?: number): Promise<CountedScan> {
  let total = 0;
  for (const target of targets) total += target.content.length;
  const filtered = targets.map((target) => prefilterText(target.lines ? keepLines(target.content, target.lines) : target.content, total >= TABLES_FROM));
  const texts = filtered.map((result) => result.kept);
  // Per text, each rule's unjudged matches: flat (start, end) pairs, as findSecrets leaves them.
  const unjudgedSpans: RuleSpans[][] = targets.map(() => []);
  const matches: Match[][] = filtered.map(({ kept: text, rules, any }, index) => {
    if (!any) return [];
    const ext = path.extname(targets[index]!.path);
    return withWholeText(text, targets[index]!.content, () =>
      rules.flatMap((rule) => {
        const unjudged: number[] | undefined = judgeAtMost === undefined ? undefined : [];
        const unjudgedRuns: number[] = [];
        // Plain objects built field by field: spreads cost more than the regexes on a file of 100k findings.
        const found = findSecrets(rule, text, ext, { prefiltered: true, judgeAtMost, unjudged, unjudgedRuns }).map(
          (match): Match => ({
            rule: rule.id,
            start: match.start,
            end: match.end,
            value: match.value,
            description: match.description ?? rule.description,
            ...(match.severity ? { severity: match.severity } : {}),
          }),
        );
        if (unjudged && unjudged.length > 0) unjudgedSpans[index]!.push({ rank: rankOf(rule.id), spans: unjudged, runs: unjudgedRuns });
        return found;
      }),
    );
  });
  await scanWithPreset(targets, texts, filtered, matches);
  const kept = matches.map((found) => dropOverlaps(found));
  const found = kept.map((kept, index) => {
    const places = positions(texts[index]!, kept.map((secret) => secret.start));
    return kept.map(
      (secret, at): RawSecret => ({
        rule: secret.rule,
        value: secret.value,
        line: places[at]!.line,
        column: places[at]!.column,
        description: secret.description,
        ...(secret.severity ? { severity: secret.severity } : {}),
      }),
    );
  });
  const unjudged = unjudgedSpans.map((spans, index): Unjudged => {
    if (spans.length === 0) return NONE;
    const starts = uncovered(spans, kept[index]!);
    return { count: starts.length, lines: () => linesAt(texts[index]!, starts) };
  });
  return { found, unjudged };
}

/** At one position, provider rules before shape rules before the generic one. */
function rankOf(rule: string): number {
  return rule === 'mcflow/secret-assignment' ? 2 : SHAPE_RULES.has(rule) ? 1 : 0;
}

/**
 * The starts of the unjudged spans no finding and no earlier unjudged span covers, ascending:
 * each possible secret counted once. Spans are taken by start, then rank, then rule and pattern
 * order (the span taken first at a start decides how far the cover reaches). Each pattern's pairs
 * ascend (findSecrets says where each pattern's begin), so the runs are merged: a file of 100 000
 * look-alikes costs one pass over plain numbers, no object or comparator call per match.
 */
function uncovered(rules: readonly RuleSpans[], findings: readonly { start: number; end: number }[]): number[] {
  const cover = new Cover(findings);
  // Each loop in a function of its own: V8 compiles a long loop while it runs, and code after
  // the loop that has not run yet would make it throw that work away (measured: three compiles
  // of the one function this was, two thrown away).
  const last = mergeRuns(ascendingRuns(rules), cover);
  if (last !== undefined) cover.takeRun(last.spans, last.at, last.end);
  return cover.counted;
}

/** One rule's unjudged (start, end) pairs, flat, and where each of its patterns' ascending run of them begins. */
interface RuleSpans {
  rank: number;
  spans: number[];
  runs: number[];
}

interface Run {
  rank: number;
  spans: number[];
  /** The next pair's index in `spans`, and the index after the run's last pair. */
  at: number;
  end: number;
}

/** Each rule's pairs as the runs its patterns left, each ascending (findSecrets' `unjudgedRuns`). */
function ascendingRuns(rules: readonly RuleSpans[]): Run[] {
  const runs: Run[] = [];
  for (const { rank, spans, runs: starts } of rules) {
    starts.forEach((from, k) => {
      const end = k + 1 < starts.length ? starts[k + 1]! : spans.length;
      if (from < end) runs.push({ rank, spans, at: from, end });
    });
  }
  return runs;
}

/**
 * Takes spans from the runs in order of start, then rank, then run order (the earliest run wins a
 * tie: the order a stable sort by (start, rank) would give) while more than one run has spans
 * left. Returns the last run with spans left, for {@link Cover.takeRun} to read straight through
 * (most of a file of one kind of look-alike), or undefined.
 */
function mergeRuns(runs: Run[], cover: Cover): Run | undefined {
  let live = runs;
  while (live.length > 1) {
    let first = live[0]!;
    for (let k = 1; k < live.length; k++) {
      const run = live[k]!;
      const start = run.spans[run.at]!;
      const firstStart = first.spans[first.at]!;
      if (start < firstStart || (start === firstStart && run.rank < first.rank)) first = run;
    }
    cover.take(first.spans[first.at]!, first.spans[first.at + 1]!);
    first.at += 2;
    if (first.at >= first.end) live = live.filter((run) => run !== first);
  }
  return live[0];
}

/** The starts of the spans taken so far that no finding and no earlier span covers. */
class Cover {
  readonly counted: number[] = [];
  /** How far the findings and spans taken so far reach, and the next finding not yet passed. */
  private reach = -1;
  private next = 0;
  constructor(private readonly findings: readonly { start: number; end: number }[]) {}
  take(start: number, end: number): void {
    // Findings starting at or before this span extend the reach first.
    const findings = this.findings;
    while (this.next < findings.length && findings[this.next]!.start <= start) this.reach = Math.max(this.reach, findings[this.next++]!.end);
    if (start < this.reach) return;
    this.reach = Math.max(this.reach, end);
    this.counted.push(start);
  }
  /** {@link take} for every pair of a run, with the state in locals: 100 000 pairs for a file of look-alikes. */
  takeRun(spans: readonly number[], from: number, to: number): void {
    const findings = this.findings;
    const counted = this.counted;
    let reach = this.reach;
    let next = this.next;
    for (let k = from; k < to; k += 2) {
      const start = spans[k]!;
      while (next < findings.length && findings[next]!.start <= start) reach = Math.max(reach, findings[next++]!.end);
      if (start < reach) continue;
      reach = Math.max(reach, spans[k + 1]!);
      counted.push(start);
    }
    this.reach = reach;
    this.next = next;
  }
}

/** The 1-based line of each offset (ascending), in one pass over the text. */
function linesAt(text: string, offsets: readonly number[]): number[] {
  let line = 1;
  let newline = text.indexOf('\n');
  return offsets.map((offset) => {
    while (newline !== -1 && newline < offset) {
      line++;
      newline = text.indexOf('\n', newline + 1);
    }
    return line;
  });
}

/**
 * Adds the recommended preset's matches (placeholders dropped) to `matches`. Files go to
 * secretlint in batches, one source per kind of file: its cost is mostly per source (rule
 * contexts, translators), so 500 staged files cost a handful of passes, not 500 (measured: 500
 * small sources 180 ms, the same text as one source 75 ms). Rules that read the file's name
 * (npm's `.npmrc` and `package.json`) still see it: batches are by extension, and by name for those.
 */
async function scanWithPreset(targets: readonly ScanTarget[], texts: readonly string[], filtered: readonly Prefiltered[], matches: Match[][]): Promise<void> {
  const batches = new Map<string, number[]>();
  texts.forEach((_, index) => {
    if (!filtered[index]!.preset) return;
    const key = batchKey(targets[index]!.path);
    const batch = batches.get(key);
    if (batch) batch.push(index);
    else batches.set(key, [index]);
  });
  if (batches.size === 0) return;
  const { lintSource, config } = await loadEngine();
  await Promise.all(
    [...batches].map(async ([key, members]) => {
      // One source per batch; each file starts on a fresh line, offsets remember where.
      const starts: number[] = [];
      let content = '';
      for (const index of members) {
        starts.push(content.length);
        content += `${texts[index]}\n`;
      }
      const result = await lintSource({
        source: { content, filePath: `batch/${key.startsWith('.') && key !== '.npmrc' ? `files${key}` : key}`, ext: key, contentType: 'text' },
        options: { config, maskSecrets: true },
      });
      for (const message of result.messages) {
        const rule = shortRuleId(message.ruleId);
        // secretlint's core does not honour `disabled` on a rule inside a preset: the rules ours
        // replace still report, so their messages are dropped here (one rule, one verdict per format).
        if (REPLACED.has(rule)) continue;
        const [start, end] = message.range;
        const value = content.slice(start, end);
        if (isPresetPlaceholder(value)) continue;
        const rest = rule === 'secretlint/npm' && value.length < 12 ? restOfAssignment(content, end) : undefined;
        if (rest !== undefined && isPresetPlaceholder(rest)) continue;
        const member = lastAtOrBefore(starts, start);
        const offset = starts[member]!;
        matches[members[member]!]!.push({ rule, start: start - offset, end: end - offset, value, description: DESCRIPTIONS.get(rule) ?? 'secret' });
      }
    }),
  );
}

/** Index of the last start at or before `offset` (starts ascend). */
function lastAtOrBefore(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** `@secretlint/secretlint-rule-github` → `secretlint/github`; our ids are already short. */
const REPLACED: ReadonlySet<string> = new Set(REPLACED_PRESET_RULES.map((name) => `secretlint/${name}`));

function shortRuleId(id: string): string {
  return id.replace(/^@secretlint\/secretlint-rule-/, 'secretlint/');
}

/**
 * The preset flags documented placeholders (`ghp_xxxx…`, `<password>` in a URL, Slack's
 * `T00000000` webhook, AWS's example secret): judge its matches by the same placeholder list,
 * and a URL's by its password alone (a real host must not make a placeholder password real).
 */
function isPresetPlaceholder(value: string): boolean {
  // The password runs to the `@`, `/` included: the whole URL (its host `example.com`) never decides.
  const password = /^[a-z][\w+.-]*:\/\/[^:@/\s]*:([^@\s]+)@/i.exec(value)?.[1];
  return isPlaceholder(password ?? value);
}

/**
 * The preset's npm rule reports a part of `_authToken=<token>` (the name, not the value): the
 * value that follows on the line, up to whitespace, decides whether it is a placeholder.
 */
function restOfAssignment(content: string, end: number): string | undefined {
  const lineEnd = content.indexOf('\n', end);
  const rest = content.slice(end, lineEnd === -1 ? content.length : Math.min(lineEnd, end + 400));
  const equals = rest.indexOf('=');
  return equals === -1 ? undefined : rest.slice(equals + 1).trim();
}

/**
 * One finding per secret: when rules overlap, the first by position wins; at the same position
 * provider rules, then shape rules, then the generic one. Sorted once, then one sweep: a match
 * overlaps a kept one only if it starts before the furthest end kept so far.
 */
function dropOverlaps<T extends { rule: string; start: number; end: number }>(found: T[]): T[] {
  const sorted = [...found].sort((a, b) => a.start - b.start || rankOf(a.rule) - rankOf(b.rule));
  const kept: T[] = [];
  let reach = -1;
  for (const secret of sorted) {
    if (secret.start < reach) continue;
    kept.push(secret);
    reach = Math.max(reach, secret.end);
  }
  return kept;
}

/** 1-based line and column of each offset (ascending), in one pass over the text. */
function positions(text: string, offsets: readonly number[]): { line: number; column: number }[] {
  let line = 1;
  let lineStart = 0;
  let newline = text.indexOf('\n');
  return offsets.map((offset) => {
    while (newline !== -1 && newline < offset) {
      line++;
      lineStart = newline + 1;
      newline = text.indexOf('\n', newline + 1);
    }
    return { line, column: offset - lineStart + 1 };
  });
}
