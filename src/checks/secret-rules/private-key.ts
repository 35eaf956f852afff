/**
 * PEM private keys of every kind: RSA, EC, DSA, OpenSSH, PKCS#8, encrypted PKCS#8, PGP blocks and
 * ssh.com's `---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----`, also inside string literals with `\n`
 * escapes (service-account JSON, source code). A block needs a real body (base64 of at least 64
 * characters): `-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----` in documentation is
 * not a key. Public keys and certificates never match.
 *
 * Why no regex: `BEGIN (kind)[\s\S]*?END \k<kind>` retries from every BEGIN to the end of the
 * text when no END follows, which is quadratic (448 KB of BEGIN lines took 11.8 s). Instead one
 * pass finds every marker and pairs each END with the nearest open BEGIN of the same kind, so
 * every character is looked at a bounded number of times.
 */
import type { SecretRule } from './define.js';

const begin = (kind: string) => `-----BEGIN ${kind}-----`;
const end = (kind: string) => `-----END ${kind}-----`;
const body = 'MHcCAQEEIBd0Kh8oOOL8dKLzdocJ2isAjIhKtJ0RlgLKOmxgJu8joAoGCCqGSM49\nAwEHoUQDQgAEmwufUxbvJDCTbyvHNsG9eh6Yo4gfqrc5XlrWi0B26R08HgxzNNAL\n';

/** A BEGIN or END marker of a private-key kind; the kind is at most 40 characters, so each try is bounded. */
const MARKER = /-{4,5} ?(?<edge>BEGIN|END) (?<kind>[A-Z0-9 ]{0,40}?PRIVATE KEY(?: BLOCK)?) ?-{4,5}/g;

/** A real key body: enough base64 with enough distinct characters; header lines (`Proc-Type: …`) and `\n` escapes aside. */
export function isKeyBody(text: string): boolean {
  const base64 = text
    .replace(/\\[nr]/g, '\n')
    .replace(/^[\w-]+:.*$/gm, '')
    .replace(/[^A-Za-z0-9+/=]/g, '');
  return base64.length >= 64 && new Set(base64).size > 16;
}

/** An END marker alone (what MARKER matches with `edge` END), searched ahead of the pass. */
const END_MARKER = /-{4,5} ?END [A-Z0-9 ]{0,40}?PRIVATE KEY(?: BLOCK)? ?-{4,5}/g;

/**
 * Every BEGIN…END pair of the same kind with a key body between: one left-to-right pass over the
 * markers. Only an END can complete a pair: at a BEGIN with no END marker anywhere after it the
 * pass stops (found with one search, kept until the pass goes past it), so a megabyte of BEGIN
 * lines with no END costs one search, not a marker match per line.
 */
export function* findPrivateKeys(text: string): Generator<{ index: number; value: string }> {
  let open: { kind: string; bodyStart: number } | undefined;
  let nextEnd = -1;
  MARKER.lastIndex = 0;
  for (let marker = MARKER.exec(text); marker !== null; marker = MARKER.exec(text)) {
    const { edge, kind } = marker.groups as { edge: string; kind: string };
    if (edge === 'BEGIN') {
      if (nextEnd < marker.index) {
        // Every END marker holds `END `: a native search says when there is none at all.
        END_MARKER.lastIndex = marker.index;
        nextEnd = text.indexOf('END ', marker.index) === -1 ? Infinity : (END_MARKER.exec(text)?.index ?? Infinity);
      }
      if (nextEnd === Infinity) return;
      // A later BEGIN replaces an unterminated one: the nearest BEGIN owns the body.
      open = { kind, bodyStart: marker.index + marker[0].length };
    } else if (open?.kind === kind) {
      const value = text.slice(open.bodyStart, marker.index);
      if (isKeyBody(value)) yield { index: open.bodyStart, value };
      open = undefined;
    }
  }
}

export const privateKey: SecretRule = {
  id: 'mcflow/private-key',
  description: 'private key',
  // `ls0tls1crudjti`: "-----BEGIN" in base64, how keys travel in env vars, Helm values and JSON.
  keywords: ['private key', 'ls0tls1crudjti'],
  patterns: [/(?<![A-Za-z0-9+/])LS0tLS1CRUdJTi[A-Za-z0-9+/]{60,12000}={0,2}(?![A-Za-z0-9+/=])/g],
  find: findPrivateKeys,
  ownPlaceholderCheck: true,
  // A base64 blob is a key when it decodes to a whole PEM private key with a real body.
  verify: (blob) => {
    const pem = Buffer.from(blob, 'base64').toString('latin1');
    for (const key of findPrivateKeys(pem)) if (key.value.length > 0) return { description: 'private key (base64-encoded PEM)' };
    return false;
  },
  get samples() {
    return {
      secrets: [
        `${begin('EC PRIVATE KEY')}\n${body}${end('EC PRIVATE KEY')}`,
        `${begin('ENCRYPTED PRIVATE KEY')}\n${body}${end('ENCRYPTED PRIVATE KEY')}`,
        `key: "${begin('OPENSSH PRIVATE KEY')}\\n${body.replace(/\n/g, '\\n')}${end('OPENSSH PRIVATE KEY')}"`,
        `${begin('PRIVATE KEY')}\n${begin('PRIVATE KEY')}\n${body}${end('PRIVATE KEY')}`,
        `---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\nComment: "rsa-key"\n${body}---- END SSH2 ENCRYPTED PRIVATE KEY ----`,
        `PRIVATE_KEY_B64=${Buffer.from(`${begin('RSA PRIVATE KEY')}\n${body}${end('RSA PRIVATE KEY')}\n`).toString('base64')}`,
      ],
      notSecrets: [
        `${begin('PRIVATE KEY')}\n...\n${end('PRIVATE KEY')}`,
        `${begin('PUBLIC KEY')}\n${body}${end('PUBLIC KEY')}`,
        `${begin('CERTIFICATE')}\n${body}${end('CERTIFICATE')}`,
        `${begin('RSA PRIVATE KEY')}\n${body}`,
        `${begin('RSA PRIVATE KEY')}\n${body}${end('EC PRIVATE KEY')}`,
        `CERT_B64=${Buffer.from(`${begin('CERTIFICATE')}\n${body}${end('CERTIFICATE')}\n`).toString('base64')}`,
        `KEY_B64=${Buffer.from(`${begin('PRIVATE KEY')}\n...\n${end('PRIVATE KEY')}\n`).toString('base64')}`,
      ],
    };
  },
};
