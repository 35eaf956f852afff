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
 * Whether a text holds a keyword or trigger. Once a scan has built the prefilter's tables, they
 * answer (the same answer, tested): a report of findings holds a few hundred texts, some with
 * characters beyond Latin-1 (`…`), for which V8 would compile the ~190-keyword regex a second
 * time. Before that (a hook that scanned a message or nothing), the regex.
 */
function holdsKeyword(text: string): boolean {
  return prefilterReady() ? (prefilter(text)?.any ?? mayContainSecret(text)) : mayContainSecret(text);
}

/** Each text with URL userinfo removed and every secret the rules find masked. */
export async function maskTexts(texts: readonly string[]): Promise<string[]> {
  const out = texts.map(stripUserinfo);
  // The keyword prefilter: most texts hold no keyword, and then no rule runs.
  const candidates = out.flatMap((text, index) => (holdsKeyword(text) ? [index] : []));
  if (candidates.length === 0) return out;
  const results = await scanTexts(candidates.map((index) => ({ path: '', content: out[index]! })));
  candidates.forEach((index, k) => {
    // Longest first: a value that contains another is masked whole.
    const values = [...new Set(results[k]!.map((secret) => secret.value))].sort((a, b) => b.length - a.length);
    let text = out[index]!;
    for (const value of values) text = text.split(value).join(maskSecret(value));
    out[index] = text;
  });
  return out;
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
