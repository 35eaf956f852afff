/**
 * Credentials on a command line: `curl -u user:password`, `--user user:password`, and
 * `-H "Authorization: Basic <base64 of user:password>"`. Shell variables (`$TOKEN`) and
 * placeholders are references, not values.
 */
import { characterClasses, entropy, type SecretRule } from './define.js';
import { fake } from './fake.js';
import { isPlaceholder } from './placeholder.js';

export const curlCredentials: SecretRule = {
  id: 'mcflow/curl-credentials',
  description: 'password on a command line',
  keywords: ['-u ', '-u"', "-u'", '--user', 'basic '],
  patterns: [
    /(?<![\w-])(?:-u|--user)(?:[ \t]{1,5}|=)["']?[^\s:'"$]{0,100}:["']?(?<secret>[^\s'"]{4,200})["']?/gd,
    // An API key as the user name and no password (`curl -u sk_live_…:`, `-u "$KEY:"` written out).
    /(?<![\w-])(?:-u|--user)(?:[ \t]{1,5}|=)["']?(?<secret>[A-Za-z0-9_.+/=-]{16,200}):(?=["']?(?:[ \t]|$))/gdm,
    /Authorization:[ \t]{0,5}Basic[ \t]{1,5}(?<secret>[A-Za-z0-9+/]{8,400}={0,2})(?![A-Za-z0-9+/=])/gdi,
  ],
  ownPlaceholderCheck: true,
  verify: (value, match) => {
    // A key mixes digits or cases in its letters and digits; `deploy-user-account-name:` is a user name.
    if (match[0].endsWith(':')) return entropy(value) >= 3.5 && characterClasses(value.replace(/[^A-Za-z0-9]/g, '')) >= 2 && !isPlaceholder(value) ? { description: 'API key as a user name on a command line' } : false;
    if (!match[0].toLowerCase().startsWith('authorization')) return value.length >= 4 && !value.startsWith('$') && !isPlaceholder(value);
    const password = basicPassword(value);
    // A value that does not decode to `user:password` is still a credential when it is long and random.
    if (password === undefined) return value.length >= 16 && entropy(value) >= 4 && !isPlaceholder(value);
    return password.length >= 4 && !isPlaceholder(password);
  },
  get samples() {
    return {
      secrets: [
        `curl -u deploy:${fake('curl-pw', 16)} https://api.acme.io/v1/releases`,
        `curl --user "ci:${fake('curl-pw2', 20)}" https://nexus.acme.io`,
        `curl --user ops:'${fake('curl-pw3', 16)}' -X PATCH https://api.acme.io`,
        `curl https://api.acme.io/v1/charges -u "${fake('curl-key', 32)}:" -d amount=100`,
        `curl -H "Authorization: Basic ${Buffer.from(`svc:${fake('basic', 18)}`).toString('base64')}" https://api.acme.io`,
      ],
      notSecrets: ['curl -u "$USER:$TOKEN" https://api.acme.io', 'curl -u user:password https://httpbin.org/basic-auth', 'curl -u admin:<password> …', 'ssh -u root host', 'curl -u deploy-user-account-name: https://x', `curl -u ${'x'.repeat(24)}: https://x`],
      ext: '.sh',
    };
  },
};

/** The password part of HTTP Basic credentials, if the value decodes to `user:password`. */
function basicPassword(value: string): string | undefined {
  const decoded = Buffer.from(value, 'base64').toString('latin1');
  const colon = decoded.indexOf(':');
  return colon > 0 && /^[\x20-\x7e]+$/.test(decoded) ? decoded.slice(colon + 1) : undefined;
}
