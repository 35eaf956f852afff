/**
 * Pattern matching for branch, ref and path rules. Globs go through picomatch (never a
 * hand-written regex); a pattern written as `/…/flags` is a regular expression, for rules
 * a glob cannot say (`/^release\/v\d+\.\d+\.\d+$/`), run on a linear-time engine (regex.ts).
 */
import picomatch from 'picomatch';
import { compileLinearRegex, describeRegexError } from './regex.js';

export type Matcher = (value: string) => boolean;

const REGEX_LITERAL = /^\/(.+)\/([dgimsuy]*)$/;

/** Why a pattern is unusable, or undefined when it is fine. */
export function describeGlobError(pattern: string): string | undefined {
  if (pattern.trim() === '') return 'the pattern is empty';
  const regex = REGEX_LITERAL.exec(pattern);
  if (regex) return describeRegexError(regex[1]!, regex[2]);
  // picomatch accepts almost anything; catch the mistakes that make a rule silently match nothing.
  let depth = 0;
  let braces = 0;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '[') depth++;
    else if (ch === ']' && depth > 0) depth--;
    else if (ch === '{') braces++;
    else if (ch === '}') braces--;
    if (braces < 0) return 'a "}" has no matching "{"';
  }
  if (depth > 0) return 'a "[" is not closed by "]"';
  if (braces > 0) return 'a "{" is not closed by "}"';
  try {
    picomatch.makeRe(pattern);
  } catch (error) {
    return (error as Error).message;
  }
  return undefined;
}

/**
 * One matcher for a list of patterns. `*` never crosses `/` (as in GitHub rulesets and
 * .gitignore), `**` does; dotfiles match like any other name. `nocase` for file names, which
 * macOS and Windows compare without case (`.ENV` is `.env` there).
 */
export function compileMatcher(patterns: readonly string[], options: { nocase?: boolean } = {}): Matcher {
  const globs: string[] = [];
  const regexes: Matcher[] = [];
  for (const pattern of patterns) {
    const regex = REGEX_LITERAL.exec(pattern);
    // Compiled (and the engine loaded) on first use: a name a glob matches never needs it.
    if (regex) regexes.push(compileLinearRegex(regex[1]!, options.nocase && !regex[2]!.includes('i') ? `${regex[2]}i` : regex[2]!, pattern));
    else globs.push(pattern);
  }
  // Compiled on first use too: a run often builds matchers it never asks (a range with no files,
  // a change with no branch), and picomatch's compile is most of a matcher's cost. The patterns
  // were checked when the config was (describeGlobError), so compiling late moves no error.
  let glob: ((value: string) => boolean) | undefined;
  const compile = () => (glob = picomatch(globs, { dot: true, nocase: options.nocase === true }));
  return (value) => (globs.length > 0 && (glob ?? compile())(value)) || regexes.some((test) => test(value));
}
