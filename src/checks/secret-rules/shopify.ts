/** Shopify access tokens and shared secrets: `shpat_`, `shpca_`, `shppa_`, `shpss_` + 32 hex. */
import { entropy, type SecretRule } from './define.js';
import { fake, HEX } from './fake.js';

export const shopify: SecretRule = {
  id: 'mcflow/shopify',
  description: 'Shopify token',
  keywords: ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
  patterns: [/(?<![A-Za-z0-9])shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}(?![\w-])/g],
  verify: (token) => entropy(token) >= 3.3,
  get samples() {
    return {
      secrets: [`SHOPIFY_ACCESS_TOKEN=shp${'at_'}${fake('shp', 32, HEX)}`, `SHOPIFY_SECRET=shp${'ss_'}${fake('shpss', 32, HEX)}`],
      notSecrets: ['SHOPIFY_ACCESS_TOKEN=shpat_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'SHOPIFY_ACCESS_TOKEN=shpat_<token>'],
    };
  },
};
