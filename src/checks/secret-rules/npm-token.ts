/**
 * npm credentials: access tokens (`npm_` + 30 random + 6-character CRC-32 checksum; a finding
 * says when the checksum holds), and `.npmrc` auth entries (`//registry/:_authToken=…`,
 * `_auth=`, `_password=`) whose value is not an environment reference (`${NPM_TOKEN}`).
 */
import { entropy, type SecretRule } from './define.js';
import { hasValidChecksum } from './checksum.js';
import { fake, fakeChecksummed } from './fake.js';

export const npmToken: SecretRule = {
  id: 'mcflow/npm-token',
  description: 'npm token',
  keywords: ['npm_', '_authtoken', '_auth', '_password'],
  patterns: [
    /(?<![A-Za-z0-9])npm_[A-Za-z0-9]{36}(?![\w-])/g,
    /(?:^|[\s:])_(?:authToken|auth|password)[ \t]{0,5}=[ \t]{0,5}["']?(?<secret>[^\s"'#;]{8,2000})/gdm,
  ],
  verify: (token) => {
    if (entropy(token) < 3.5) return false;
    return token.startsWith('npm_') && hasValidChecksum(token.slice(4)) ? { description: 'npm token (checksum valid)' } : true;
  },
  get samples() {
    return {
      secrets: [
        `//registry.npmjs.org/:_authToken=${fakeChecksummed(`np${'m_'}`, 'npm')}`,
        `NPM_TOKEN=np${'m_'}${fake('npm2', 36)}`,
        `//npm.pkg.github.com/:_authToken=${fake('npm-gh', 40)}`,
        `//registry.acme.io/:_password=${Buffer.from(fake('npm-pw', 18)).toString('base64')}`,
      ],
      notSecrets: ['//registry.npmjs.org/:_authToken=${NPM_TOKEN}', 'NPM_TOKEN=npm_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', '//registry.npmjs.org/:_authToken=<token>', 'always-auth=true'],
      ext: '.npmrc',
    };
  },
};
