/**
 * PEM private keys of every kind: RSA, EC, DSA, OpenSSH, PKCS#8, encrypted PKCS#8 and PGP
 * blocks. A block needs a real body (base64 of at least 64 characters): `-----BEGIN PRIVATE
 * KEY-----\n...\n-----END PRIVATE KEY-----` in documentation is not a key. Public keys and
 * certificates never match.
 */
import type { SecretRule } from './define.js';

const begin = (kind: string) => `-----BEGIN ${kind}-----`;
const end = (kind: string) => `-----END ${kind}-----`;
const body = 'MHcCAQEEIBd0Kh8oOOL8dKLzdocJ2isAjIhKtJ0RlgLKOmxgJu8joAoGCCqGSM49\nAwEHoUQDQgAEmwufUxbvJDCTbyvHNsG9eh6Yo4gfqrc5XlrWi0B26R08HgxzNNAL\n';

export const privateKey: SecretRule = {
  id: 'mcflow/private-key',
  description: 'private key',
  keywords: ['private key'],
  patterns: [
    /-----BEGIN (?<kind>(?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?)-----(?<secret>[\s\S]*?)-----END \k<kind>-----/gd,
  ],
  ownPlaceholderCheck: true,
  verify: (secret) => {
    const base64 = secret.replace(/^[\w-]+:.*$/gm, '').replace(/[^A-Za-z0-9+/=]/g, '');
    return base64.length >= 64 && new Set(base64).size > 16;
  },
  samples: {
    secrets: [
      `${begin('EC PRIVATE KEY')}\n${body}${end('EC PRIVATE KEY')}`,
      `${begin('ENCRYPTED PRIVATE KEY')}\n${body}${end('ENCRYPTED PRIVATE KEY')}`,
      `key: "${begin('OPENSSH PRIVATE KEY')}\\n${body.replace(/\n/g, '\\n')}${end('OPENSSH PRIVATE KEY')}"`,
    ],
    notSecrets: [
      `${begin('PRIVATE KEY')}\n...\n${end('PRIVATE KEY')}`,
      `${begin('PUBLIC KEY')}\n${body}${end('PUBLIC KEY')}`,
      `${begin('CERTIFICATE')}\n${body}${end('CERTIFICATE')}`,
    ],
  },
};
