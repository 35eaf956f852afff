/**
 * Masks secrets in text we echo: suggested headers, quoted subjects, branch and tag names,
 * remote URLs, error messages, whole reports. The same rules as the `secrets` check find the
 * values and the same masking replaces them (`ghp_****...wXyZ`), so an echo never shows more
 * of a secret than the finding about it. Userinfo is removed from every URL first: git hands
 * the pre-push hook `https://x-access-token:<token>@host/repo.git` as the remote's name, and a
 * token as a URL's user name is a credential to GitHub even without a password.
 */
import { stripUserinfo } from '../url-userinfo.js';
import { maskSecret } from './secrets.redact.js';
import { mayContainSecret, scanTexts } from './secrets.scan.js';

/** Each text with URL userinfo removed and every secret the rules find masked. */
export async function maskTexts(texts: readonly string[]): Promise<string[]> {
  const out = texts.map(stripUserinfo);
  // The keyword prefilter: most texts hold no keyword, and then no rule runs.
  const candidates = out.flatMap((text, index) => (mayContainSecret(text) ? [index] : []));
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

/** A copy of a report (any JSON-like value) with every string masked: what reporters get. */
export async function maskDeep<T>(value: T): Promise<T> {
  const strings: string[] = [];
  const collect = (node: unknown): void => {
    if (typeof node === 'string') strings.push(node);
    else if (Array.isArray(node)) node.forEach(collect);
    else if (node !== null && typeof node === 'object') Object.values(node).forEach(collect);
  };
  collect(value);
  const masked = await maskTexts(strings);
  let next = 0;
  const rebuild = (node: unknown): unknown => {
    if (typeof node === 'string') return masked[next++];
    if (Array.isArray(node)) return node.map(rebuild);
    if (node !== null && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, rebuild(child)]));
    return node;
  };
  return rebuild(value) as T;
}
