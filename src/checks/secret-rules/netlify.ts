/** Netlify personal access tokens (`nfp_…`, and the older 40-46 character tokens assigned to a Netlify name). */
import { assignedTo, entropy, type SecretRule } from './define.js';
import { BASE64URL, fake } from './fake.js';

export const netlify: SecretRule = {
  id: 'mcflow/netlify',
  description: 'Netlify access token',
  keywords: ['nfp_', 'nfo_', 'nfc_', 'netlify'],
  patterns: [/(?<![A-Za-z0-9])nf[poc]_[A-Za-z0-9]{36}(?![\w-])/g, assignedTo('netlify', '[A-Za-z0-9_-]{40,46}', '[\\w-]')],
  verify: (token) => entropy(token) >= 3.8,
  get samples() {
    return {
      secrets: [`NETLIFY_AUTH_TOKEN=nf${'p_'}${fake('nfp', 36)}`, `NETLIFY_AUTH_TOKEN=${fake('netlify-old', 43, BASE64URL)}`],
      notSecrets: ['NETLIFY_AUTH_TOKEN=${{ secrets.NETLIFY_AUTH_TOKEN }}', 'NETLIFY_SITE_ID=acme-site'],
    };
  },
};
