/**
 * The keyword prefilter of the secrets scan, as one linear pass of plain code over the text.
 *
 * Every rule names keywords one of which must occur for it to find anything
 * (`secret-rules/*.ts`), and the recommended preset's triggers say when secretlint is worth
 * loading (`PRESET_TRIGGERS`). The scan keeps only the lines that hold one (plus key blocks) and
 * runs only the rules whose keywords occur. Done with V8's regex engine, that took three passes
 * (an alternation of ~190 literals to find lines, a second to pick rules, a third to test the
 * triggers) at 5–13 ns a character, plus a lower-cased copy of the text: most of a scan's time
 * on ordinary code, and seconds on a one-line 30 MB file.
 *
 * Here every literal is indexed by its first two (ASCII-lower-cased) characters, and one pass
 * over the text looks up each position's pair in a table: most positions cost two array reads,
 * no copy is made and nothing is allocated per character. At a position whose pair starts a
 * literal the candidates are compared in the alternation's order, so the first match at the
 * first position is the one the regex `-----begin|---- begin|<keywords>|<triggers>` would give.
 * Triggers are regexes: each is indexed by its literal prefix and run sticky at that position.
 * A long run of kept lines (a file of 100 000 `API_KEY=…` lines) is taken by a dense pass
 * ({@link denseLines}). In an ASCII text the walks over characters (the next literal, the
 * literals a kept line holds, the dense pass's two) run in WebAssembly (secrets.walk.ts), which
 * stops wherever this module's code has something to decide; where the text stops being ASCII,
 * or WebAssembly is missing, this module's own loops go on from there.
 *
 * The table is built from the rules and triggers at load, never copied by hand: a rule that adds
 * a keyword is searched for by adding it. Texts this fast path cannot treat exactly as the
 * lower-cased regex did (a `İ`, whose lower case is two code units, or a Kelvin sign `K`, whose
 * lower case is an ASCII `k`) return undefined, and the caller uses the regexes.
 */
import type { SecretRule } from './secret-rules/define.js';
import { PRESET_TRIGGERS, SECRET_RULES } from './secret-rules/index.js';
import { literalAt } from './secret-rules/required-literal.js';
import { asciiWalk, type Walk, type WalkTables } from './secrets.walk.js';

/** What one pass found in a text: the lines to scan, and what they hold. */
export interface Prefiltered {
  /** The text with every line no rule could match blanked (same line numbers and columns). */
  kept: string;
  /** The rules with a keyword in `kept`, in SECRET_RULES order. */
  rules: SecretRule[];
  /** Whether `kept` holds any keyword or trigger at all. */
  any: boolean;
  /** Whether `kept` matches one of the recommended preset's triggers. */
  preset: boolean;
}

interface Literal {
  /** Lower-case ASCII; for a trigger, its regex's literal prefix. */
  text: string;
  /** Indexes into SECRET_RULES of the rules with this keyword. */
  rules: number[];
  /** Run sticky at the position where `text` matched (a trigger). */
  regex?: RegExp;
}

/** The end of a PEM block (`-----END …`, ssh.com's `---- END …`) or of a PuTTY key's private lines. */
const BLOCK_END = /-----END|---- END|Private-MAC:/g;
/**
 * Where the key block a BEGIN at `offset` opens ends: the next `-----END` at or after it, or -1.
 * Found once and reused: searching again from every BEGIN is quadratic on a text of BEGIN lines
 * and no END (and there is none after any later BEGIN either).
 */
export function blockEndFinder(text: string): (offset: number) => number {
  let nextEnd = -2;
  return (offset) => {
    if (nextEnd === -2 || (nextEnd !== -1 && nextEnd < offset)) {
      // Native searches first: every end holds `END` or `Private-MAC:`, and a text of BEGIN lines
      // with no END (dashes on every line, each a start the regex tries) has neither.
      if (text.indexOf('END', offset) === -1 && text.indexOf('Private-MAC:', offset) === -1) nextEnd = -1;
      else {
        BLOCK_END.lastIndex = offset;
        nextEnd = BLOCK_END.exec(text)?.index ?? -1;
      }
    }
    return nextEnd;
  };
}
/**
 * A block opener or an AWS key id: `-{4,5} ?begin|putty-user-key-file-|akia|asia` (any case),
 * searched as three regexes, the first only where a native search finds four dashes. One
 * alternation tried every alternative at every position of the text, though most texts hold
 * none (4.5 MB: 3.1 ms against 1.3 ms). No two alternatives can match at one position (their
 * first characters differ), so the earliest match of the three is the alternation's.
 */
const OPENERS = [/-{4,5} ?begin/gi, /putty-user-key-file-/gi, /akia|asia/gi] as const;
/** What every match of OPENERS[0] starts with. */
const DASHES = '----';

/** The searches {@link stretchEnd} makes in one text, each remembering its last answer. */
export interface StretchFinders {
  endAfter: (offset: number) => number;
  /** The first opener at or after `offset`: where it starts and ends, or undefined when none follows. */
  openerAt: (offset: number) => { index: number; end: number } | undefined;
}

/** The finders for one text (see {@link blockEndFinder}, {@link openerFinder}). */
export function stretchFinders(text: string): StretchFinders {
  return { endAfter: blockEndFinder(text), openerAt: openerFinder(text) };
}

/**
 * The next block opener or key id at or after an offset. The answer is kept: asked from a later
 * offset that it still lies at or after, it is the answer again, so the text between is searched
 * once however many kept lines ask (a file of 100 000 keyword lines and no opener is searched
 * once, not once a line; 1 MB of BEGIN lines once, not twice a line).
 */
export function openerFinder(text: string): (offset: number) => { index: number; end: number } | undefined {
  let searchedFrom = Infinity;
  let found: { index: number; end: number } | undefined;
  return (offset) => {
    if (offset < searchedFrom || (found !== undefined && found.index < offset)) {
      found = firstOpener(text, offset);
      searchedFrom = offset;
    }
    return found;
  };
}

/** The earliest match of any of OPENERS at or after `offset`. */
function firstOpener(text: string, offset: number): { index: number; end: number } | undefined {
  let first: { index: number; end: number } | undefined;
  OPENERS.forEach((opener, k) => {
    let from = offset;
    if (k === 0) {
      from = text.indexOf(DASHES, offset);
      if (from === -1) return;
    }
    opener.lastIndex = from;
    const hit = opener.exec(text);
    if (hit !== null && (first === undefined || hit.index < first.index)) first = { index: hit.index, end: hit.index + hit[0].length };
  });
  return first;
}

/**
 * Where the kept stretch that starts with a literal at `at` ends: the end of its line, extended
 * through the key block that a BEGIN anywhere on the line opens and the three lines after an AWS
 * key id on it. Every opener on the line counts, not only the first literal: in
 * `PRIVATE_KEY = """-----BEGIN …` the keyword comes first and the key's body, on the next lines,
 * must still be kept. Lines an extension adds are searched too. The searches only move forward
 * and remember their answers, so each character is looked at a bounded number of times.
 */
export function stretchEnd(text: string, at: number, { endAfter, openerAt }: StretchFinders): number {
  const length = text.length;
  const lineEndAt = (offset: number) => {
    const lf = text.indexOf('\n', offset);
    return lf === -1 ? length : lf;
  };
  // `lineEnd`: the end of the line the last opener is on; `idLine`: the line whose next three
  // lines are already in, so a line of many key ids does not look ahead again for each.
  let lineEnd = lineEndAt(at);
  let end = lineEnd;
  let from = at;
  let idLine = -1;
  while (from < end) {
    const hit = openerAt(from);
    // None before the stretch's end (the lines between hold none either).
    if (hit === undefined || hit.index >= end) break;
    if (hit.index > lineEnd) lineEnd = lineEndAt(hit.index);
    from = hit.end;
    const last = text.charCodeAt(hit.end - 1) | 0x20;
    if (last === 0x6e || last === 0x2d) {
      // `…begin` or `putty-user-key-file-`: a block, through its end.
      const blockEnd = endAfter(hit.index);
      if (blockEnd !== -1 && blockEnd > lineEnd) {
        from = blockEnd;
        lineEnd = lineEndAt(blockEnd);
        end = Math.max(end, lineEnd);
      }
    } else if (idLine !== lineEnd) {
      idLine = lineEnd;
      let last = lineEnd;
      for (let i = 0; i < 3 && last < length; i++) last = lineEndAt(last + 1);
      end = Math.max(end, last);
    }
  }
  return end;
}
/** A Kubernetes Secret's `data:` entries hold no keyword and may come before its `kind:`: such texts are scanned whole. */
export const KUBERNETES_SECRET = /^kind:[ \t]{0,5}["']?Secret["']?[ \t]{0,20}\r?$/m;

/** The literal characters a regex source starts with (`ops_[\w-]{20}` → `ops_`), up to its first non-ASCII one, lower-cased; '' when none. */
export function literalPrefix(source: string): string {
  return /^[\x00-\x7f]*/.exec(literalAt(source, 0))![0].toLowerCase();
}

/** The alternation's members in its order: PEM markers, every rule keyword once, then the preset triggers. */
function buildLiterals(): Literal[] | undefined {
  const literals: Literal[] = [];
  const byText = new Map<string, Literal>();
  const add = (text: string, rule?: number) => {
    let literal = byText.get(text);
    if (!literal) {
      literal = { text, rules: [] };
      byText.set(text, literal);
      literals.push(literal);
    }
    if (rule !== undefined) literal.rules.push(rule);
  };
  add('-----begin');
  add('---- begin');
  SECRET_RULES.forEach((rule, index) => rule.keywords.forEach((keyword) => add(keyword, index)));
  for (const trigger of PRESET_TRIGGERS) {
    const prefix = literalPrefix(trigger);
    // A trigger with no literal start would have to run at every position: keep the regexes.
    if (prefix.length === 0) return undefined;
    literals.push({ text: prefix, rules: [], regex: new RegExp(trigger, 'iy') });
  }
  // Keywords are lower-case ASCII (define.ts); one that is not would be matched differently.
  // A newline in one would hide the line ends the pass counts.
  if (literals.some((literal) => literal.text === '' || literal.text.includes('\n') || literal.text.includes('\0') || !/^[\x00-\x7f]*$/.test(literal.text) || literal.text !== literal.text.toLowerCase())) return undefined;
  return literals;
}

let LITERALS: Literal[] | undefined;
/** ASCII lower case by code; only codes below 128 are looked up. */
const FOLD = Uint8Array.from({ length: 128 }, (_, code) => (code >= 65 && code <= 90 ? code + 32 : code));
/** 1 where some literal starts with this character (either case). */
const FIRST = new Uint8Array(128);
/**
 * Candidates by the pair of characters at a position, as compressed rows: where the pair
 * `first * 128 + second` occurs (in either case), the literals `PAIR_LIST[ROW_START[row] …
 * ROW_START[row + 1]]` with `row = ROW_OF[pair]` may match, ascending (the alternation's order).
 * Row 0 is empty: most pairs start no literal. A one-character literal sits in every pair that
 * starts with its character, and in SINGLE for a text's last position or before a non-ASCII
 * character.
 */
const ROW_OF = new Int32Array(128 * 128);
let ROW_START = new Int32Array(2);
let PAIR_LIST = new Int32Array(0);
/** 1 where a literal of two characters or fewer starts with the pair: any third character fits. */
const ANY_THIRD = new Uint8Array(128 * 128);
const SINGLE: number[][] = Array.from({ length: 128 }, () => []);
/** Each literal's third character (lower case), -1 for a shorter one: most candidates fail on it, before any call. */
let THIRD = new Int32Array(0);
/** The rows each literal is a candidate in, and how many distinct literals each row lists (see {@link markAll}). */
let LITERAL_ROWS: Int32Array[] = [];
let ROW_LITERALS = new Int32Array(0);
/**
 * One bit per (pair, third character), set where some literal of the pair's row may match: the
 * pair of a common word (`re`, `co`) starts a literal, its third character seldom fits. A
 * third character that is missing (the text's end) or not ASCII counts as NUL, which no
 * literal holds: only the shorter literals (ANY_THIRD) may match there.
 */
const TRIPLE = new Uint8Array((128 * 128 * 128) / 8);
/** The codes a lower-case ASCII character matches: itself, and its upper case for a letter. */
function variants(lower: number): number[] {
  return lower >= 97 && lower <= 122 ? [lower, lower - 32] : [lower];
}
/** Every code a literal's character at `at` matches; every code (0–127) for a position past its end. */
function codesAt(text: string, at: number): number[] {
  if (at < text.length) return variants(text.charCodeAt(at));
  const all: number[] = [];
  for (let code = 0; code < 128; code++) all.push(code);
  return all;
}
/** The pairs (first * 128 + second) a literal's first two characters match, in every case. */
function pairsOf(text: string): number[] {
  const pairs: number[] = [];
  for (const first of codesAt(text, 0)) for (const second of codesAt(text, 1)) pairs.push(first * 128 + second);
  return pairs;
}
/**
 * Builds the tables on first use, from the literals alone (a few thousand steps): a hook that
 * loads this module and scans nothing (most commit messages) pays nothing.
 */
let built = false;
/** Whether the tables exist already (building them costs a few milliseconds, once). */
export function prefilterReady(): boolean {
  return built;
}
/** Each literal's pairs ({@link pairsOf}), computed once: the tables below are built from them. */
let LITERAL_PAIRS: Int32Array[] = [];
/** Sets the (pair, third) bit for `third` and, for a letter, its upper case. */
function setTriple(bits: Uint8Array, pair: number, third: number): void {
  let bit = pair * 128 + third;
  bits[bit >> 3]! |= 1 << (bit & 7);
  if (third >= 97 && third <= 122) {
    bit -= 32;
    bits[bit >> 3]! |= 1 << (bit & 7);
  }
}
// Plain indexed loops and typed arrays: this runs once, cold, in V8's interpreter, where
// iterators and small arrays per step cost several times the work itself (~4 ms, now ~1).
function buildTables(): void {
  built = true;
  LITERALS = buildLiterals();
  if (!LITERALS) return;
  const literals = LITERALS;
  LITERAL_PAIRS = literals.map((literal) => Int32Array.from(pairsOf(literal.text)));
  THIRD = new Int32Array(literals.length);
  const rowCounts = [0];
  for (let index = 0; index < literals.length; index++) {
    const text = literals[index]!.text;
    const pairs = LITERAL_PAIRS[index]!;
    const first = text.charCodeAt(0);
    FIRST[first] = 1;
    if (first >= 97 && first <= 122) FIRST[first - 32] = 1;
    if (text.length === 1) for (const code of variants(first)) SINGLE[code]!.push(index);
    THIRD[index] = text.length > 2 ? text.charCodeAt(2) : -1;
    for (let k = 0; k < pairs.length; k++) {
      const pair = pairs[k]!;
      if (ROW_OF[pair] === 0) {
        ROW_OF[pair] = rowCounts.length;
        rowCounts.push(0);
      }
      rowCounts[ROW_OF[pair]!]!++;
      if (text.length <= 2) ANY_THIRD[pair] = 1;
      else setTriple(TRIPLE, pair, text.charCodeAt(2));
    }
  }
  ROW_START = new Int32Array(rowCounts.length + 1);
  for (let row = 1; row < rowCounts.length; row++) ROW_START[row + 1] = ROW_START[row]! + rowCounts[row]!;
  PAIR_LIST = new Int32Array(ROW_START[rowCounts.length]!);
  // Literals in index order: each row lists its candidates in the alternation's order.
  const cursor = ROW_START.slice();
  ROW_LITERALS = new Int32Array(rowCounts.length);
  LITERAL_ROWS = [];
  for (let index = 0; index < literals.length; index++) {
    const pairs = LITERAL_PAIRS[index]!;
    const rows: number[] = [];
    for (let k = 0; k < pairs.length; k++) {
      const row = ROW_OF[pairs[k]!]!;
      PAIR_LIST[cursor[row]!++] = index;
      if (!rows.includes(row)) {
        rows.push(row);
        ROW_LITERALS[row]!++;
      }
    }
    LITERAL_ROWS.push(Int32Array.from(rows));
  }
}

/**
 * What {@link markAll} found in one text: the literals, and per pair row how many of its
 * literals are still to find. A row with none left costs no more look-ups: in a file of 100 000
 * `API_KEY=…` lines, every keyword of the first line is found there, and the other lines' pairs
 * are skipped at the price of one read.
 */
class Marks {
  readonly found: Uint8Array;
  readonly rowLeft: Int32Array;
  /** How many literals are found: {@link denseLines} rebuilds its table when this grows. */
  count = 0;
  /** The text's walk in WebAssembly, told of each literal found (it looks only for the others). */
  constructor(
    literals: number,
    readonly walk: Walk | undefined,
  ) {
    this.found = new Uint8Array(literals);
    this.rowLeft = ROW_LITERALS.slice();
  }
  mark(index: number): void {
    if (this.found[index] === 1) return;
    this.found[index] = 1;
    this.count++;
    const rows = LITERAL_ROWS[index]!;
    for (let k = 0; k < rows.length; k++) this.rowLeft[rows[k]!]!--;
    this.walk?.markFound(index);
  }
}

/** Whether literal `index` matches `text` at `at` (its first two characters already did, or its only one). */
function matchesAt(text: string, at: number, index: number): boolean {
  const literal = LITERALS![index]!;
  const word = literal.text;
  if (at + word.length > text.length) return false;
  for (let j = 2; j < word.length; j++) {
    const code = text.charCodeAt(at + j);
    if (code >= 128 || FOLD[code] !== word.charCodeAt(j)) return false;
  }
  if (literal.regex) {
    literal.regex.lastIndex = at;
    return literal.regex.test(text);
  }
  return true;
}

/** The pair row at `at` (the text's next character is ASCII): the first literal in it matching there, or -1. */
function firstInRow(text: string, at: number, pair: number): number {
  const third = thirdAt(text, at);
  const row = ROW_OF[pair]!;
  for (let k = ROW_START[row]!, end = ROW_START[row + 1]!; k < end; k++) {
    const index = PAIR_LIST[k]!;
    if ((THIRD[index] === -1 || THIRD[index] === third) && matchesAt(text, at, index)) return index;
  }
  return -1;
}

/** Whether a literal of the pair's row may match with the character at `third` after it (see TRIPLE). */
function mayStartAt(text: string, third: number, pair: number): boolean {
  if (ANY_THIRD[pair] === 1) return true;
  const code = third < text.length ? text.charCodeAt(third) : 0;
  const bit = pair * 128 + (code < 128 ? code : 0);
  return (TRIPLE[bit >> 3]! & (1 << (bit & 7))) !== 0;
}

/** The lower-cased character two after `at`; -2 (no literal's) past the end or for a non-ASCII one. */
function thirdAt(text: string, at: number): number {
  if (at + 2 >= text.length) return -2;
  const code = text.charCodeAt(at + 2);
  return code < 128 ? FOLD[code]! : -2;
}

/** The first one-character literal matching at `at` (the last position, or before a non-ASCII character), or -1. */
function firstSingle(text: string, at: number, code: number): number {
  for (const index of SINGLE[code]!) if (matchesAt(text, at, index)) return index;
  return -1;
}

/**
 * Marks in `found` every literal matching anywhere in [from, to). False when the stretch holds a
 * character that breaks folding (see {@link prefilter}).
 */
function markAll(text: string, from: number, to: number, marks: Marks): boolean {
  const walk = marks.walk;
  if (walk) {
    // Stops only where a literal not yet found (or a trigger's text) matches: markAt decides.
    let at = from;
    for (;;) {
      const next = walk.nextStart(at, to, true);
      if (next === -1) return markAllInJs(text, at, to, marks);
      if (next >= to) break;
      markAt(text, next, marks);
      at = next + 1;
    }
    examined.positions += to - from;
    return true;
  }
  return markAllInJs(text, from, to, marks);
}

/** {@link markAll} in JavaScript: a text that is not ASCII, or no WebAssembly. */
function markAllInJs(text: string, from: number, to: number, marks: Marks): boolean {
  const length = text.length;
  const found = marks.found;
  const rowLeft = marks.rowLeft;
  // The tables in locals: module bindings assigned once at build are still re-read every turn.
  const rowOf = ROW_OF;
  const first = FIRST;
  const rowStart = ROW_START;
  const pairList = PAIR_LIST;
  const thirds = THIRD;
  examined.positions += to - from;
  // Each character is read once, as the next of a pair (as in nextMatch).
  let code = from < length ? text.charCodeAt(from) : 128;
  for (let at = from; at < to; at++) {
    const current = code;
    code = at + 1 < length ? text.charCodeAt(at + 1) : 128;
    if (current >= 128) {
      if (current === BREAKS_FOLDING_I || current === BREAKS_FOLDING_K) return false;
      continue;
    }
    if (first[current] === 0) continue;
    if (code >= 128) {
      for (const index of SINGLE[current]!) if (matchesAt(text, at, index)) marks.mark(index);
      continue;
    }
    const pair = (current << 7) | code;
    const row = rowOf[pair]!;
    // Row 0 lists nothing; a row whose literals were all found has nothing left to find.
    if (rowLeft[row] === 0 || !mayStartAt(text, at + 2, pair)) continue;
    const third = thirdAt(text, at);
    for (let k = rowStart[row]!, end = rowStart[row + 1]!; k < end; k++) {
      const index = pairList[k]!;
      if (found[index] === 0 && (thirds[index] === -1 || thirds[index] === third) && matchesAt(text, at, index)) marks.mark(index);
    }
  }
  return true;
}

/** `İ` (lower case: two code units) and the Kelvin sign (lower case: ASCII `k`): see {@link prefilter}. */
const BREAKS_FOLDING_I = 0x130;
const BREAKS_FOLDING_K = 0x212a;

/**
 * The prefilter's whole answer for one text, or undefined when the caller must use the regexes:
 * when the text holds one of the only two characters in Unicode (checked over every code unit)
 * whose lower case is not one code unit or is ASCII without being an ASCII letter. Kept lines
 * are those with a keyword or trigger, through the end of the key block a BEGIN opens (the
 * first `-----END` after it), and the three lines after an AWS key id; a text with a
 * Kubernetes Secret manifest is kept whole.
 */
export function prefilter(text: string): Prefiltered | undefined {
  if (!built) buildTables();
  const literals = LITERALS;
  if (!literals) return undefined;
  const walk = asciiWalk(text, walkTables());
  const marks = new Marks(literals.length, walk);
  const found = marks.found;
  const result = (kept: string): Prefiltered => {
    const rules: SecretRule[] = [];
    const ruleFound = new Uint8Array(SECRET_RULES.length);
    let any = false;
    let preset = false;
    literals.forEach((literal, index) => {
      if (found[index] === 0) return;
      if (literal.regex) preset = any = true;
      else if (literal.rules.length > 0) any = true;
      for (const rule of literal.rules) ruleFound[rule] = 1;
    });
    SECRET_RULES.forEach((rule, index) => ruleFound[index] === 1 && rules.push(rule));
    return { kept, rules, any, preset };
  };
  // A native search first: the manifest's regex costs a pass of its own, `kind:` rarely occurs.
  if (text.includes('kind:') && KUBERNETES_SECRET.test(text)) {
    return markAll(text, 0, text.length, marks) ? result(text) : undefined;
  }
  const pieces: string[] = [];
  // Newlines since the last kept stretch, counted by the pass itself: the skipped lines become that many empty ones.
  let newlines = 0;
  let lastNewline = -1;
  const finders = stretchFinders(text);
  const length = text.length;
  let lastStretch = 0;
  let lastStretchEnd = 0;
  // Kept lines that follow each other are one run, text[runStart, runEnd), sliced once: a text
  // whose every line is kept (100 000 secrets, 1 MB of BEGIN lines) is returned as it is, not
  // rebuilt from a slice per line.
  let runStart = -1;
  let runEnd = -1;
  // Kept lines in the run so far, and the dense pass's state once a run is long (see denseLines).
  let runLines = 0;
  let dense: Dense | undefined;
  for (let at = 0; at < length; at++) {
    at = walk ? walkMatch(text, at, walk) : nextMatch(text, at);
    if (at === -2) return undefined;
    newlines += scan.newlines;
    if (at === -1) break;
    if (scan.lastNewline !== -1) lastNewline = scan.lastNewline;
    const lineStart = lastNewline + 1;
    // Through the end of this line, or of the key blocks and key-id lines it opens.
    let lineEnd = stretchEnd(text, at, finders);
    // Nothing matched before `at` on this line: every literal the kept stretch holds is at or after
    // it. A stretch the same as the last one (a file of repeated lines) holds nothing new.
    const repeated = sameStretch(text, lastStretch, lastStretchEnd, at, lineEnd);
    if (!repeated && !markAll(text, at, lineEnd, marks)) return undefined;
    lastStretch = at;
    lastStretchEnd = lineEnd;
    // The run ends at a newline (text[runEnd]); a stretch on the very next line continues it.
    if (runStart !== -1 && newlines === 1 && lineStart === runEnd + 1) {
      runEnd = lineEnd;
      runLines++;
    } else {
      if (runStart !== -1) pieces.push(text.slice(runStart, runEnd));
      if (newlines > 0) pieces.push(newlineRun(newlines));
      runStart = lineStart;
      runEnd = lineEnd;
      runLines = 0;
    }
    newlines = 0;
    // A line kept twice in a row is seldom in ordinary text; when it is, the copies that follow
    // it are taken with one native comparison each (see copiesEnd), off the path ordinary text takes.
    if (repeated) {
      const end = copiesEnd(text, lineStart, at, lineEnd);
      if (end > lineEnd) {
        lastStretch = at + (end - lineEnd);
        lastStretchEnd = end;
        runEnd = end;
        lineEnd = end;
      }
    } else if (runLines >= DENSE_AFTER) {
      // Every line kept for a while (100 000 `API_KEY=…` lines): the lines that follow are taken
      // by a pass with no per-line set-up, off the path ordinary text takes.
      dense ??= new Dense(walk);
      const end = denseLines(text, lineEnd, marks, finders, dense);
      if (end > lineEnd) {
        lastStretch = dense.lastAt;
        lastStretchEnd = end;
        runEnd = end;
        lineEnd = end;
      } else {
        // It took no line (each holds a non-ASCII character, say): not tried again for a while.
        runLines = 0;
      }
    }
    lastNewline = lineEnd - 1;
    at = lineEnd - 1;
  }
  if (runStart === -1) return result(newlineRun(newlines));
  // Only newlines after the run: they are the text's own.
  if (length - runEnd === newlines) {
    runEnd = length;
    newlines = 0;
  }
  if (pieces.length === 0 && runStart === 0 && runEnd === length) return result(text);
  pieces.push(text.slice(runStart, runEnd));
  if (newlines > 0) pieces.push(newlineRun(newlines));
  return result(pieces.join(''));
}

/** What {@link nextMatch} saw besides the match: plain fields, not an object per call. */
const scan = { literal: -1, newlines: 0, lastNewline: -1 };

/**
 * Positions the passes have examined, over the process's life: a test holds the prefilter to
 * a bounded number of visits per character on hostile texts, where time cannot be asserted.
 */
export const examined = { positions: 0 };

/**
 * The position of the next match at or after `from` (its literal in `scan.literal`, the
 * newlines passed and the last one's position in `scan`), -1 when there is none, -2 when a
 * character that breaks folding comes first. The hot loop: a function of its own, with nothing
 * captured, so that V8 keeps every variable in a register.
 */
function nextMatch(text: string, from: number): number {
  const length = text.length;
  let newlines = 0;
  let lastNewline = -1;
  let found = -1;
  // Each character is read once, as the second of a pair; `previous` is 0 (which starts no
  // literal) after a non-ASCII character.
  let previous = 0;
  let at = from;
  for (; at <= length; at++) {
    const code = at < length ? text.charCodeAt(at) : 128;
    if (code >= 128) {
      if (code === BREAKS_FOLDING_I || code === BREAKS_FOLDING_K) {
        found = -2;
        break;
      }
      // Only a one-character literal can end before a non-ASCII character or the text's end.
      if (previous !== 0 && SINGLE[previous]!.length > 0) {
        const index = firstSingle(text, at - 1, previous);
        if (index !== -1) {
          scan.literal = index;
          found = at - 1;
          break;
        }
      }
      previous = 0;
      continue;
    }
    // Most pairs start no literal: one read of the table, no call.
    const pair = (previous << 7) | code;
    previous = code;
    if (ROW_OF[pair] !== 0 && mayStartAt(text, at + 1, pair)) {
      const index = firstInRow(text, at - 1, pair);
      if (index !== -1) {
        scan.literal = index;
        found = at - 1;
        break;
      }
    }
    // Counted after the pair: a match just before a newline leaves it to the caller's next call.
    if (code === 10) {
      newlines++;
      lastNewline = at;
    }
  }
  scan.newlines = newlines;
  scan.lastNewline = lastNewline;
  examined.positions += at - from;
  return found;
}

/** Characters the main walk covers a call at a time: its copy stays just ahead of it. */
const WALK_CHUNK = 64 * 1024;

/**
 * {@link nextMatch} through the text's walk in WebAssembly: the same position and `scan` fields.
 * The walk stops where a literal matches or a trigger's text does, and firstInRow decides there
 * (a trigger's regex may say no: the walk goes on). Where the text stops being ASCII, nextMatch
 * goes on from the first position the walk did not look at.
 */
function walkMatch(text: string, from: number, walk: Walk): number {
  const length = text.length;
  let newlines = 0;
  let lastNewline = -1;
  let at = from;
  let found = -1;
  while (at < length) {
    const to = Math.min(length, at + WALK_CHUNK);
    const next = walk.nextStart(at, to, false);
    if (next === -1) {
      found = nextMatch(text, at);
      scan.newlines += newlines;
      if (scan.lastNewline === -1) scan.lastNewline = lastNewline;
      return found;
    }
    newlines += walk.newlines();
    if (walk.lastNewline() !== -1) lastNewline = walk.lastNewline();
    if (next < to) {
      const index = firstInRow(text, next, (text.charCodeAt(next) << 7) | text.charCodeAt(next + 1));
      if (index !== -1) {
        scan.literal = index;
        found = next;
        at = next;
        break;
      }
      at = next + 1;
    } else at = to;
  }
  examined.positions += at - from;
  scan.newlines = newlines;
  scan.lastNewline = lastNewline;
  return found;
}

/**
 * Where the copies of the kept line text[lineStart, lineEnd] (its newline included) that follow
 * it end: the last copy's newline, or lineEnd when none follows. Called only for a line whose
 * kept stretch repeats the one before (1 MB of the same BEGIN line), so ordinary text never pays
 * for it. A copy would be kept alike by the pass: preceded by a newline, its first literal is at
 * the same column (literals and the preset triggers match within one line), it holds nothing new
 * to mark, and its stretch is its line alone when the line's is (`at`'s line ends at lineEnd:
 * a BEGIN's END on the same line, or no END after it, and then none after a copy either; a key
 * id's three lines, or a block ending on a later line, make the stretch longer and the line is
 * not taken). A few native comparisons for all the copies, no per-character work: copies hold
 * no character that sends a text to the regexes, since the line's own pass found none.
 */
function copiesEnd(text: string, lineStart: number, at: number, lineEnd: number): number {
  if (lineEnd >= text.length || text.indexOf('\n', at) !== lineEnd) return lineEnd;
  const line = text.slice(lineStart, lineEnd + 1);
  // Blocks of 1, 2, 4… copies while they match, then halves down to one copy: a few dozen
  // comparisons for 37 000 copies, each character compared about twice.
  let end = lineEnd;
  let block = line;
  while (text.startsWith(block, end + 1)) {
    end += block.length;
    if (block.length < COPY_BLOCK) block += block;
  }
  for (let copies = block.length / line.length; copies > 1; ) {
    copies /= 2;
    block = block.slice(0, copies * line.length);
    if (text.startsWith(block, end + 1)) end += block.length;
  }
  return end;
}
/** The longest block of copies compared at once (characters, about). */
const COPY_BLOCK = 64 * 1024;

/** Kept lines in a row after which {@link denseLines} takes the lines that follow. */
const DENSE_AFTER = 64;

/** What {@link denseLines} keeps between calls on one text: its tables of where literals may start. */
class Dense {
  /** One bit per (pair, third character) where some literal may start: TRIPLE, with the short literals' pairs in full. */
  readonly starts = allStarts();
  /**
   * The same for the literals not yet found: in a text dense with keywords nearly every position
   * is some literal's possible start, and nearly none the start of one still missing.
   */
  readonly live: Uint8Array;
  /** The pairs `live` has any bit for: most positions fail on one read of it. */
  readonly livePairs: Uint8Array;
  /** The walk over `live` in WebAssembly, for an ASCII text (secrets.walk.ts); undefined: {@link nextLive}. */
  readonly walk: Walk | undefined;
  /** Marks.count when `live` was built; -1 before. */
  private builtFor = -1;
  /** Where the last line taken kept from (its first literal). */
  lastAt = -1;
  /** With the text's walk in WebAssembly, when it has one: the live tables are then in its memory. */
  constructor(walk: Walk | undefined) {
    this.walk = walk;
    const tables = walk?.liveTables();
    this.live = tables?.bits ?? new Uint8Array(TRIPLE.length);
    this.livePairs = tables?.pairs ?? new Uint8Array(128 * 128);
  }
  update(marks: Marks): void {
    if (this.builtFor === marks.count) return;
    this.builtFor = marks.count;
    this.live.fill(0);
    this.livePairs.fill(0);
    fillStarts(this.live, (index) => marks.found[index] === 0, this.livePairs);
  }
  /** The first position in [from, to) where a literal not yet found may start, or whose characters are not all ASCII; `to` when none. */
  nextLive(text: string, from: number, to: number): number {
    const next = this.walk ? this.walk.next(from, to) : -1;
    return next !== -1 ? next : nextLive(text, from, to, this.livePairs, this.live);
  }
}

let WALK_TABLES: WalkTables | undefined;
/** The tables secrets.walk.ts copies into its memory, the same object every time (it copies them once). */
function walkTables(): WalkTables {
  WALK_TABLES ??= { rowOf: ROW_OF, rowStart: ROW_START, pairList: PAIR_LIST, literals: LITERALS!, starts: allStarts() };
  return WALK_TABLES;
}

let STARTS: Uint8Array | undefined;
/** One bit per (pair, third character) where some literal may start: TRIPLE, with the short literals' pairs in full; built once. */
function allStarts(): Uint8Array {
  if (!STARTS) {
    STARTS = new Uint8Array(TRIPLE.length);
    fillStarts(STARTS, () => true);
  }
  return STARTS;
}

/** Sets the (pair, third) bits of the literals `which` selects (and their pairs in `pairs`); a third of 0 stands for none or a non-ASCII one. */
function fillStarts(bits: Uint8Array, which: (index: number) => boolean, pairs?: Uint8Array): void {
  const literals = LITERALS!;
  for (let index = 0; index < literals.length; index++) {
    if (!which(index)) continue;
    const text = literals[index]!.text;
    const own = LITERAL_PAIRS[index]!;
    for (let k = 0; k < own.length; k++) {
      const pair = own[k]!;
      if (pairs) pairs[pair] = 1;
      if (text.length > 2) setTriple(bits, pair, text.charCodeAt(2));
      // Any third character: the pair's 128 bits, 16 whole bytes.
      else bits.fill(0xff, pair * 16, pair * 16 + 16);
    }
  }
}

/**
 * Takes the whole lines after the newline at `from` that the main loop would keep as runs of
 * single lines. A line is left to the main loop, and the pass stops before it, when it holds no
 * literal, a block opener or key id (its stretch may reach past the line), or a character that
 * is not ASCII (one more on the next line too), or when it is the text's last and has no
 * newline. Returns the newline ending the last line taken (`from` when none).
 *
 * Lines are taken a block at a time, in two passes: one finds each line's first literal, where
 * `dense.starts` says one may start (as nextMatch does); one walks the whole block where
 * `dense.live` says a literal not yet found may (as markAll finds them), and marks what it finds
 * with markAt. For an ASCII text both walks run in WebAssembly (secrets.walk.ts), which stops
 * only where this code has something to decide; for any other text they are the small functions
 * below ({@link firstLiteral}, {@link nextLive}), each called once a line or once a block.
 */
function denseLines(text: string, from: number, marks: Marks, finders: StretchFinders, dense: Dense): number {
  // The first opener after `from`, asked once: the lines taken before it hold none, so it is the
  // first opener of every line the pass reaches, and the line it is on ends the pass.
  const opener = finders.openerAt(from + 1);
  const stop = opener === undefined ? text.length : opener.index;
  let taken = from;
  for (;;) {
    const blockEnd = literalLines(text, taken, stop, dense);
    if (blockEnd === taken) break;
    dense.update(marks);
    const broken = markLive(text, taken + 1, blockEnd, marks, dense);
    if (broken === -1) {
      taken = blockEnd;
      continue;
    }
    // A character that is not ASCII: the lines before the one it is in stay taken. At a newline
    // the character is on the next line (the line that newline ends was walked whole).
    const end = text.charCodeAt(broken) === 10 ? broken : text.lastIndexOf('\n', broken);
    if (end > taken) {
      taken = end;
      dense.lastAt = firstLiteral(text, text.lastIndexOf('\n', end - 1) + 1, end, dense.starts);
    }
    break;
  }
  return taken;
}

/** Characters of whole lines {@link literalLines} takes at a time (the last line may pass it). */
const DENSE_BLOCK = 64 * 1024;

/**
 * The newline ending the last of the lines after the newline at `from` (about DENSE_BLOCK
 * characters of them) that each hold a literal before any character that is not ASCII, and end
 * before `stop`; `from` when the first does not. `dense.lastAt` is the last one's first literal.
 */
function literalLines(text: string, from: number, stop: number, dense: Dense): number {
  const length = text.length;
  const limit = from + DENSE_BLOCK;
  const end = dense.walk ? dense.walk.lines(from, stop, limit) : -1;
  if (end !== -1) {
    if (end !== from) dense.lastAt = dense.walk!.lastAt();
    examined.positions += end - from;
    return end;
  }
  let taken = from;
  while (taken < limit) {
    const lineStart = taken + 1;
    const lineEnd = lineStart < length ? text.indexOf('\n', lineStart) : -1;
    if (lineEnd === -1 || stop < lineEnd) break;
    const first = firstLiteral(text, lineStart, lineEnd, dense.starts);
    if (first === -1) break;
    dense.lastAt = first;
    taken = lineEnd;
  }
  return taken;
}

/** The first position in [from, to) where a literal matches, or -1 when none does before a character that is not ASCII. */
function firstLiteral(text: string, from: number, to: number, starts: Uint8Array): number {
  let at = from;
  let first = -1;
  for (; (at = nextBit(text, at, to, starts)) < to; at++) {
    if (!isAsciiTriple(text, at)) break;
    if (firstInRow(text, at, (text.charCodeAt(at) << 7) | text.charCodeAt(at + 1)) !== -1) {
      first = at;
      break;
    }
  }
  examined.positions += at - from;
  return first;
}

/**
 * Marks every literal not yet found that matches in [from, to), whole lines with their newlines
 * between (no literal holds a newline: none matches across one). Returns -1, or the first
 * position whose characters are not all ASCII, where the walk stopped.
 */
function markLive(text: string, from: number, to: number, marks: Marks, dense: Dense): number {
  examined.positions += to - from;
  for (let at = from; (at = dense.nextLive(text, at, to)) < to; at++) {
    if (!isAsciiTriple(text, at)) return at;
    const count = marks.count;
    markAt(text, at, marks);
    if (marks.count !== count) dense.update(marks);
  }
  return -1;
}

/** Whether the characters at `at`, `at + 1` and (when there is one) `at + 2` are ASCII. */
function isAsciiTriple(text: string, at: number): boolean {
  return (text.charCodeAt(at) | text.charCodeAt(at + 1) | (at + 2 < text.length ? text.charCodeAt(at + 2) : 0)) < 128;
}

/**
 * The first position in [from, to) whose (pair, third) bit is set in `bits`, or where one of the
 * three characters is not ASCII; `to` when none. Positions before `to` have their next character
 * in the text (a newline at `to`).
 */
function nextBit(text: string, from: number, to: number, bits: Uint8Array): number {
  const length = text.length;
  let code = text.charCodeAt(from);
  let next = text.charCodeAt(from + 1);
  for (let at = from; at < to; at++) {
    const current = code;
    code = next;
    next = at + 2 < length ? text.charCodeAt(at + 2) : 0;
    if ((current | code | next) >= 128) return at;
    const bit = (current << 14) | (code << 7) | next;
    if ((bits[bit >> 3]! & (1 << (bit & 7))) !== 0) return at;
  }
  return to;
}

/**
 * {@link nextBit} with `pairs` read first: in a text dense with keywords, nearly no pair starts
 * a literal not yet found, and one table read per character settles most positions.
 */
function nextLive(text: string, from: number, to: number, pairs: Uint8Array, bits: Uint8Array): number {
  const length = text.length;
  let code = text.charCodeAt(from);
  for (let at = from; at < to; at++) {
    const current = code;
    code = text.charCodeAt(at + 1);
    if ((current | code) >= 128) return at;
    if (pairs[(current << 7) | code] === 0) continue;
    const next = at + 2 < length ? text.charCodeAt(at + 2) : 0;
    if (next >= 128) return at;
    const bit = (current << 14) | (code << 7) | next;
    if ((bits[bit >> 3]! & (1 << (bit & 7))) !== 0) return at;
  }
  return to;
}

/** Marks every literal not yet found that matches at `at` (its pair and third character ASCII). */
function markAt(text: string, at: number, marks: Marks): void {
  const row = ROW_OF[(text.charCodeAt(at) << 7) | text.charCodeAt(at + 1)]!;
  const third = thirdAt(text, at);
  const found = marks.found;
  for (let k = ROW_START[row]!, end = ROW_START[row + 1]!; k < end; k++) {
    const index = PAIR_LIST[k]!;
    if (found[index] === 0 && (THIRD[index] === -1 || THIRD[index] === third) && matchesAt(text, at, index)) marks.mark(index);
  }
}

/** Whether text[from, to) repeats text[lastFrom, lastTo) (compared in place, no copy). */
function sameStretch(text: string, lastFrom: number, lastTo: number, from: number, to: number): boolean {
  if (to - from !== lastTo - lastFrom || to === from) return false;
  for (let i = 0; i < to - from; i++) if (text.charCodeAt(from + i) !== text.charCodeAt(lastFrom + i)) return false;
  return true;
}

const SHORT_RUNS = Array.from({ length: 64 }, (_, count) => '\n'.repeat(count));
/** `count` newlines; the short runs between kept lines are shared, not built each time. */
function newlineRun(count: number): string {
  return count < SHORT_RUNS.length ? SHORT_RUNS[count]! : '\n'.repeat(count);
}
