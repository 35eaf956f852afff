/**
 * What the hooks' secrets prefilter (secrets.prefilter.ts) looks for: every rule's keywords and the
 * recommended preset's triggers. In the bin this module is replaced by its own result, computed
 * when the bundle is built (scripts/build.mjs), so a hook tests a message without loading a
 * single rule; everywhere else (tests, the library) it is computed from the rules here.
 */
import { PRESET_TRIGGERS, SECRET_RULES } from './secret-rules/index.js';

const keywords = [...new Set(SECRET_RULES.flatMap((rule) => rule.keywords))];
// Lower-casing a text keeps an ASCII letter's match ("API_KEY" holds "api_key"); for other
// letters case-insensitive regexes and toLowerCase() disagree (`ς` and `σ`), so those keywords
// are matched the scanner's own way, in the regex.
const isAscii = (keyword: string) => /^[\x20-\x7e]*$/.test(keyword);

/** Keywords found in a lower-cased text with `includes`. */
export const PLAIN_KEYWORDS: readonly string[] = keywords.filter(isAscii).map((keyword) => keyword.toLowerCase());

/** One case-insensitive regex source for the rest: the preset's triggers and any non-ASCII keyword. */
export const TRIGGER_SOURCE: string = [...keywords.filter((keyword) => !isAscii(keyword)).map((keyword) => keyword.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), ...PRESET_TRIGGERS].join('|');
