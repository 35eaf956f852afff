/**
 * Whether the secrets check can find anything in a change, answered without loading it: the
 * commit-msg hook scans the message for secrets, and most messages hold no keyword of any rule,
 * so the check's bundle (every rule, ~75 KB) and its keyword regex (hundreds of alternatives,
 * compiled on first use) need not load at all. The keywords come from secrets.keyword-list.ts, a
 * list computed from the rules when the bin is built.
 *
 * It may say yes where the scanner then finds nothing; it must never say no where the scanner
 * would find something: it matches every keyword the scanner's own prefilter matches
 * (secrets.scan.ts `mayContainSecret`, tested on every rule's samples in secrets.prefilter.test.ts).
 */
import type { Change } from '../types.js';
import type { CheckContext } from './check.js';
import { PLAIN_KEYWORDS, TRIGGER_SOURCE } from './secrets.keyword-list.js';

let trigger: RegExp | undefined;

/** True when `text` holds a keyword or a trigger of some secret rule (any case). */
export function mayHoldSecret(text: string): boolean {
  const lower = text.toLowerCase();
  if (PLAIN_KEYWORDS.some((keyword) => lower.includes(keyword))) return true;
  trigger ??= new RegExp(TRIGGER_SOURCE, 'i');
  return trigger.test(text);
}

/**
 * False only for a change the secrets check has nothing to scan in: no files (a commit-msg hook's
 * change), no report of unused allow entries asked for, and no message, title or body with a keyword.
 */
export function secretsMayFind(change: Change, context: Pick<CheckContext, 'unusedAllow'>): boolean {
  if (change.files !== undefined || context.unusedAllow) return true;
  const texts = [...(change.messages ?? []).map((message) => message.text), change.pullRequest?.title, change.pullRequest?.body];
  return texts.some((text) => text !== undefined && text !== '' && mayHoldSecret(text));
}
