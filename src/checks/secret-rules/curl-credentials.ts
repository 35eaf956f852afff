/**
 * Credentials on a command line: `curl -u user:password`, `--user user:password`, and
 * `-H "Authorization: Basic <base64 of user:password>"`. Shell variables (`$TOKEN`) and
 * placeholders are references, not values.
 */
import { entropy, type SecretRule } from './define.js';
import { fake } from './fake.js';
import { isPlaceholder } from './placeholder.js';

export const curlCredentials: SecretRule = {
  id: 'mcflow/curl-credentials',
  description: 'password on a command line',
  keywords: ['-u ', '-u"', "-u'", '--user', 'basic '],
  patterns: [
    /(?<![\w-])(?:-u|--user)(?:[ \t]{1,5}|=)["']?[^\s:'"$]{0,100}:["']?(?<secret>[^\s'"]{4,200})["']?/gd,
    /Authorization:[ \t]{0,5}Basic[ \t]{1,5}(?<secret>[A-Za-z0-9+/]{8,400}={0,2})(?![A-Za-z0-9+/=])/gdi,
  ],
  ownPlaceholderCheck: true,
  verify: (value, match) => {
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
        `curl -H "Authorization: Basic ${Buffer.from(`svc:${fake('basic', 18)}`).toString('base64')}" https://api.acme.io`,
      ],
      notSecrets: ['curl -u "$USER:$TOKEN" https://api.acme.io', 'curl -u user:password https://httpbin.org/basic-auth', 'curl -u admin:<password> …', 'ssh -u root host'],
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
