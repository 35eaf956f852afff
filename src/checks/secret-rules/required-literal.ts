/**
 * The text every match of a pattern starts with, when the pattern says so plainly: a rule runs all
 * its patterns wherever one of its keywords occurs (the Twilio rule's `sk` is in every `sk_live_`
 * key), and a pattern whose own literal is missing from the text cannot match it. One native
 * search (`text.includes`) then spares a regex pass over the whole text: on a file of 100 000
 * Stripe keys, the Twilio and webhook-secret patterns cost ~6 ms for nothing.
 *
 * Only what is certain is returned: a case-sensitive pattern (with `i`, case variants would need a
 * search of their own), no alternation at the top level, the literal characters after any leading
 * lookbehind (`(?<![\w-])SK[0-9a-f]{32}` requires `SK`), each one neither optional nor repeated.
 * Anything else gives undefined, and the pattern always runs.
 */

/** A literal this short is in most texts: not worth a search of its own. */
const SHORTEST = 2;

const cache = new WeakMap<RegExp, string | null>();

/** The literal every match of `pattern` starts with, or undefined when none is certain. */
export function requiredLiteral(pattern: RegExp): string | undefined {
  let literal = cache.get(pattern);
  if (literal === undefined) {
    literal = pattern.ignoreCase || pattern.flags.includes('v') ? null : literalOf(pattern.source);
    cache.set(pattern, literal);
  }
  return literal ?? undefined;
}

/** Whether `text` may hold a match of `pattern`: false only when its required literal is missing. */
export function mayMatch(pattern: RegExp, text: string): boolean {
  const literal = requiredLiteral(pattern);
  return literal === undefined || text.includes(literal);
}

function literalOf(source: string): string | null {
  if (hasTopLevelAlternation(source)) return null;
  let at = 0;
  // Leading lookbehinds assert something about the text before the match: they add no character.
  while (source.startsWith('(?<!', at) || source.startsWith('(?<=', at)) {
    const end = groupEnd(source, at);
    if (end === -1) return null;
    at = end;
  }
  const literal = literalAt(source, at);
  return literal.length >= SHORTEST ? literal : null;
}

/**
 * The literal characters a regex source has from `at` on, as written (`ops_[\w-]{20}` → `ops_`):
 * escapes of punctuation read as the character, and the run ends at anything else (a class, a
 * group, an escaped letter or digit) or before a character a quantifier makes optional or
 * repeated. The keyword prefilter reads the preset triggers' prefixes with it too.
 */
export function literalAt(source: string, at: number): string {
  let literal = '';
  while (at < source.length) {
    let ch = source[at]!;
    let width = 1;
    if (ch === '\\') {
      const next = source[at + 1];
      // An escaped letter or digit is a class, an assertion or a back-reference (`\w`, `\b`, `\1`),
      // and a `\c`, `\x` or `\u` escape is read no further: not a literal character here.
      if (next === undefined || /[A-Za-z0-9]/.test(next)) break;
      ch = next;
      width = 2;
    } else if ('.^$*+?()[]{}|'.includes(ch)) break;
    // A quantifier after it makes the character optional or repeated: the literal ends before it.
    const after = source[at + width];
    if (after !== undefined && '*+?{'.includes(after)) break;
    literal += ch;
    at += width;
  }
  return literal;
}

/** Whether `|` occurs outside every group and class: then a match need not start with any one literal. */
function hasTopLevelAlternation(source: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) return true;
  }
  return false;
}

/** The index after the group that opens at `open` (escapes and classes skipped), or -1. */
function groupEnd(source: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i + 1;
  }
  return -1;
}
