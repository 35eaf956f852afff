/** Pulumi access tokens: `pul-` + 40 lower-case letters and digits (hex in practice). */
import { entropy, type SecretRule } from './define.js';
import { fake, HEX } from './fake.js';

export const pulumi: SecretRule = {
  id: 'mcflow/pulumi',
  description: 'Pulumi access token',
  keywords: ['pul-'],
  patterns: [/(?<![A-Za-z0-9])pul-[a-z0-9]{40}(?![\w-])/g],
  verify: (token) => entropy(token) >= 3.3,
  get samples() {
    return {
      secrets: [`PULUMI_ACCESS_TOKEN=pu${'l-'}${fake('pul', 40, HEX)}`],
      notSecrets: ['PULUMI_ACCESS_TOKEN=pul-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'PULUMI_ACCESS_TOKEN=${{ secrets.PULUMI_ACCESS_TOKEN }}'],
    };
  },
};
