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
  patterns: [/(?<![A-Za-z0-9])gh[pousr]_[A-Za-z0-9]{36}(?![\w-])/g, /(?<![A-Za-z0-9])github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}(?![\w-])/g],
  verify: (token) => {
    if (entropy(token) < 4) return false;
    return token.startsWith('github_pat_') || !hasValidChecksum(token.slice(4)) ? true : { description: 'GitHub token (checksum valid)' };
  },
  get samples() {
    return {
      secrets: [`GITHUB_TOKEN=${fakeChecksummed(`gh${'p_'}`, 'ghp')}`, `token: gh${'s_'}${fake('ghs', 36)}`, `GH_TOKEN=github${'_pat_'}${fake('ghfg1', 22)}_${fake('ghfg2', 59)}`,
        // After a hyphen or underscore, as in a ref or file name (`release-ghp_…`).
        `git tag release-gh${'p_'}${fake('ghp-tag', 36)}`,
      ],
      notSecrets: ['GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'GITHUB_TOKEN=${{ secrets.GITHUB_TOKEN }}', 'ghp_short'],
    };
  },
};
