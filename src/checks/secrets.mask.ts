/**
 * Masks secrets in text we echo: suggested headers, quoted subjects, branch and tag names,
 * remote URLs, error messages, whole reports. The same rules as the `secrets` check find the
 * values and the same masking replaces them (`ghp_****...wXyZ`), so an echo never shows more
 * of a secret than the finding about it. Userinfo is removed from every URL first: git hands
 * the pre-push hook `https://x-access-token:<token>@host/repo.git` as the remote's name, and a
 * token as a URL's user name is a credential to GitHub even without a password.
 */
import { stripUserinfo } from '../url-userinfo.js';
import { prefilter, prefilterReady } from './secrets.keywords.js';
import { maskSecret } from './secrets.redact.js';
import { mayContainSecret, scanTexts } from './secrets.scan.js';

/**
 * The indexes of the texts that hold a keyword or trigger (and maybe a few more: a line in a key
 * block). Once a scan has built the prefilter's tables, one pass over all the texts joined by
 * newlines answers, by the lines it keeps: a report holds a few hundred short texts, some with
 * characters beyond Latin-1 (`…`), and one by one each kind of string cost V8 a compile of the
 * pass again (~5 ms for a report of 21 findings). Before that (a hook that scanned a message or
 * nothing), the keyword regex, text by text.
 */
function keywordHolders(texts: readonly string[]): number[] {
  const byRegex = () => texts.flatMap((text, index) => (mayContainSecret(text) ? [index] : []));
  if (!prefilterReady() || texts.length === 0) return byRegex();
  const result = prefilter(texts.join('\n'));
  if (!result) return byRegex();
  if (!result.any) return [];
  // Lines keep their numbers: a text's lines are the joined text's next ones, and a line is empty
  // in `kept` unless the pass kept it (a line with a keyword is never empty).
  const kept = result.kept.split('\n');
  const holders: number[] = [];
  let line = 0;
  texts.forEach((text, index) => {
    let lines = 1;
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines++;
    for (let k = line; k < line + lines; k++) {
      if (kept[k] !== '') {
        holders.push(index);
        break;
      }
    }
    line += lines;
  });
  return holders;
}

/** Each text with URL userinfo removed and every secret the rules find masked. */
export async function maskTexts(texts: readonly string[]): Promise<string[]> {
  // Each distinct text once: a report repeats its keys and most values in every finding (338
  // strings, 81 distinct, in a report of 21 findings), and each would be searched and scanned.
  const distinct = [...new Set(texts)];
  const out = distinct.map(stripUserinfo);
  // The keyword prefilter: most texts hold no keyword, and then no rule runs.
  const candidates = keywordHolders(out);
  if (candidates.length > 0) {
    const results = await scanTexts(candidates.map((index) => ({ path: '', content: out[index]! })));
    candidates.forEach((index, k) => {
      // Longest first: a value that contains another is masked whole.
      const values = [...new Set(results[k]!.map((secret) => secret.value))].sort((a, b) => b.length - a.length);
      let text = out[index]!;
      for (const value of values) text = text.split(value).join(maskSecret(value));
      out[index] = text;
    });
  }
  if (distinct.length === texts.length) return out;
  const masked = new Map(distinct.map((text, index) => [text, out[index]!]));
  return texts.map((text) => masked.get(text)!);
}

export async function maskText(text: string): Promise<string> {
  return (await maskTexts([text]))[0]!;
}

/**
 * A copy of a report (any JSON-like value) with every string masked, keys included (a map keyed
 * by a value, such as a branch name, must not print it): what reporters get. Two keys that mask
 * alike are both kept, the second with " (2)" appended.
 */
export async function maskDeep<T>(value: T): Promise<T> {
  const strings: string[] = [];
  const collect = (node: unknown): void => {
    if (typeof node === 'string') strings.push(node);
    else if (Array.isArray(node)) node.forEach(collect);
    else if (node !== null && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        strings.push(key);
        collect(child);
      }
    }
  };
  collect(value);
  const masked = await maskTexts(strings);
  let next = 0;
  const rebuild = (node: unknown): unknown => {
    if (typeof node === 'string') return masked[next++];
    if (Array.isArray(node)) return node.map(rebuild);
    if (node === null || typeof node !== 'object') return node;
    const keys = new Set<string>();
    // fromEntries defines own properties: a "__proto__" key stays data.
    return Object.fromEntries(
      Object.values(node).map((child) => {
        const base = masked[next++]!;
        let key = base;
        for (let n = 2; keys.has(key); n++) key = `${base} (${n})`;
        keys.add(key);
        return [key, rebuild(child)];
      }),
    );
  };
  return rebuild(value) as T;
}
