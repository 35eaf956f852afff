/**
 * User regular expressions (`/…/` patterns in branches.*, tags.allowed; commits.ignore) run on
 * names and messages a pull request author chooses, so they run on RE2 (re2js): matching time
 * is linear in the input, and no pattern can hang a hook or CI (`/^(a+)+b$/` against 29 a's
 * takes ~16 s on a backtracking engine, under a millisecond here). re2js (~150 KB minified)
 * loads on the first test of a pattern, never for globs. RE2 has no backreferences or
 * lookaround: config validation refuses them with the reason (exit 2), and anything else
 * RE2 rejects is refused on first use the same way.
 */
import { ConfigError } from '../errors.js';
import { messages } from '../messages.js';

type Re2Module = typeof import('re2js');
let re2: Re2Module | undefined;

/** Loaded synchronously (matchers are sync); in the bundles `require` reaches dist/vendor/re2js.cjs. */
function loadRe2(): Re2Module {
  if (!re2) {
    re2 = typeof require === 'function' ? (require('re2js') as Re2Module) : (getBuiltinRequire()('re2js') as Re2Module);
  }
  return re2;
}

/** Outside a CommonJS bundle (tests, the ESM library build): a require rooted at this file. */
function getBuiltinRequire(): NodeJS.Require {
  const { createRequire } = process.getBuiltinModule('node:module') as typeof import('node:module');
  return createRequire(import.meta.url);
}

/**
 * Why a pattern cannot run on the linear-time engine, from its text alone (no engine loaded):
 * the JavaScript syntax must be valid, and backreferences and lookaround are not supported.
 */
export function describeRegexError(source: string, flags = ''): string | undefined {
  try {
    new RegExp(source, flags);
  } catch (error) {
    return (error as Error).message;
  }
  const unsupported = findUnsupported(source);
  return unsupported ? messages.regexUnsupported(unsupported) : undefined;
}

/** The first backreference or lookaround outside a character class, or undefined. */
function findUnsupported(source: string): string | undefined {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      const next = source[i + 1] ?? '';
      if (!inClass && /[1-9]/.test(next)) return `a backreference (\\${next})`;
      if (!inClass && next === 'k' && source[i + 2] === '<') return 'a named backreference (\\k<…>)';
      i++;
    } else if (ch === '[') inClass = true;
    else if (ch === ']') inClass = false;
    else if (!inClass && ch === '(' && source[i + 1] === '?') {
      const kind = /^\(\?(<=|<!|=|!)/.exec(source.slice(i))?.[1];
      if (kind) return `a lookaround (${`(?${kind}`}…)`;
    }
  }
  return undefined;
}

/**
 * A linear-time test for a JavaScript-style pattern and flags (i, m, s apply; g, y, d, u do not
 * change what "matches somewhere" means). Compiled on the first call.
 */
export function compileLinearRegex(source: string, flags: string, shownAs = `/${source}/${flags}`): (value: string) => boolean {
  let test: ((value: string) => boolean) | undefined;
  return (value) => {
    if (!test) {
      const { RE2JS } = loadRe2();
      let bits = 0;
      if (flags.includes('i')) bits |= RE2JS.CASE_INSENSITIVE;
      if (flags.includes('m')) bits |= RE2JS.MULTILINE;
      if (flags.includes('s')) bits |= RE2JS.DOTALL;
      try {
        const compiled = RE2JS.compile(source, bits);
        test = (input) => compiled.test(input);
      } catch (error) {
        throw new ConfigError(messages.regexRefused(shownAs, (error as Error).message), messages.regexRefusedFix);
      }
    }
    return test(value);
  };
}
