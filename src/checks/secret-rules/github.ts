/**
 * GitHub tokens: classic personal (`ghp_`), OAuth (`gho_`), user-to-server (`ghu_`),
 * server-to-server (`ghs_`) and refresh (`ghr_`) tokens, and fine-grained personal tokens
 * (`github_pat_`). The classic formats end in a CRC-32 checksum of their random part: a finding
 * says when it holds, which a made-up look-alike almost never does.
 */
import { entropy, type SecretRule } from './define.js';
import { hasValidChecksum } from './checksum.js';
import { fake, fakeChecksummed } from './fake.js';

export const github: SecretRule = {
  id: 'mcflow/github',
  description: 'GitHub token',
  keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
  patterns: [
    /(?<![A-Za-z0-9])gh[pousr]_[A-Za-z0-9]{36}(?![\w-])/g,
    /(?<![A-Za-z0-9])github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}(?![\w-])/g,
    // App installation and user-to-server tokens in their JWT form: `ghs_<app id>_<JWT>`.
    /(?<![A-Za-z0-9])gh[su]_\d{1,12}_eyJ[\w-]{10,2000}\.eyJ[\w-]{10,4000}\.[\w-]{16,1000}(?![\w-])/g,
  ],
  verify: (token) => {
    if (/^gh[su]_\d/.test(token)) return { description: 'GitHub App token (JWT form)' };
    if (entropy(token) < 4) return false;
    return token.startsWith('github_pat_') || !hasValidChecksum(token.slice(4)) ? true : { description: 'GitHub token (checksum valid)' };
  },
  get samples() {
    return {
      secrets: [`GITHUB_TOKEN=${fakeChecksummed(`gh${'p_'}`, 'ghp')}`, `token: gh${'s_'}${fake('ghs', 36)}`, `GH_TOKEN=github${'_pat_'}${fake('ghfg1', 22)}_${fake('ghfg2', 59)}`,
        // After a hyphen or underscore, as in a ref or file name (`release-ghp_…`).
        `git tag release-gh${'p_'}${fake('ghp-tag', 36)}`,
        `GITHUB_APP_TOKEN=gh${'s_'}48213_${Buffer.from('{"alg":"RS256","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"iat":1900000000,"exp":1900000600,"iss":"48213"}').toString('base64url')}.${fake('ghs-jwt-sig', 86, '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_')}`,
      ],
      notSecrets: ['GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'GITHUB_TOKEN=${{ secrets.GITHUB_TOKEN }}', 'ghp_short'],
    };
  },
};
