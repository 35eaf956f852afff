/**
 * Removes userinfo from URLs in a text: `https://x-access-token:<token>@host/repo.git` →
 * `https://host/repo.git`. Git hands the pre-push hook such a URL as the remote's name when one
 * pushes to a URL, and a token as a URL's user name is a credential even without a password.
 * Tiny and dependency-free: the pre-push source uses it on the hook path.
 */
const USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@'"`<>]*@/gi;

export function stripUserinfo(text: string): string {
  return text.includes('@') ? text.replace(USERINFO, '$1') : text;
}
