/** Vercel tokens: the prefixed formats (`vcp_`, `vci_`, `vca_`, `vcr_`, `vck_`) and the older 24-character tokens assigned to a Vercel name. */
import { assignedTo, characterClasses, entropy, type SecretRule } from './define.js';
import { fake } from './fake.js';

export const vercel: SecretRule = {
  id: 'mcflow/vercel',
  description: 'Vercel token',
  keywords: ['vcp_', 'vci_', 'vca_', 'vcr_', 'vck_', 'vercel'],
  patterns: [/(?<![A-Za-z0-9])vc[picark]_[A-Za-z0-9]{24,80}(?![\w-])/g, assignedTo('vercel', '[A-Za-z0-9]{24}', '[A-Za-z0-9]')],
  verify: (token) => characterClasses(token) >= 2 && entropy(token) >= 3.8,
  get samples() {
    return {
      secrets: [`VERCEL_TOKEN=${fake('vercel-old', 24)}`, `VERCEL_TOKEN=vc${'p_'}${fake('vcp', 56)}`],
      notSecrets: ['VERCEL_TOKEN=${{ secrets.VERCEL_TOKEN }}', 'VERCEL_ORG_ID=team_acme', 'VERCEL_TOKEN=xxxxxxxxxxxxxxxxxxxxxxxx'],
    };
  },
};
