/** Passwords in `.netrc` / `_netrc` entries: `machine host login user password secret` (on one line or several). */
import type { SecretRule } from './define.js';
import { fake } from './fake.js';

export const netrc: SecretRule = {
  id: 'mcflow/netrc',
  description: 'password in a .netrc entry',
  keywords: ['machine', 'password'],
  patterns: [/\b(?:machine[ \t]{1,10}[^\s]{1,200}|default)\s{1,20}(?:login[ \t]{1,10}[^\s]{1,200}\s{1,20})?password[ \t]{1,10}(?<secret>[^\s]{4,200})/gd],
  get samples() {
    return {
      secrets: [`machine api.heroku.com\n  login ann@acme.io\n  password ${fake('netrc', 36)}`, `machine github.com login ci password ${fake('netrc2', 24)}`],
      notSecrets: ['machine example.com login user password <password>', 'machine api.acme.io login ci password $NETRC_PASSWORD'],
      ext: '.netrc',
    };
  },
};
