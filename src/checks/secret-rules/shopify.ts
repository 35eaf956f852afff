/**
 * Shopify access tokens and shared secrets: `shpat_`, `shpca_`, `shppa_`, `shpss_` + 32 hex, or
 * (since Shopify lengthened them) 32 to 64 letters and digits of both cases.
 */
import { entropy, type SecretRule } from './define.js';
import { BASE62, fake, HEX } from './fake.js';

export const shopify: SecretRule = {
  id: 'mcflow/shopify',
  description: 'Shopify token',
  keywords: ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
  patterns: [/(?<![A-Za-z0-9])shp(?:at|ca|pa|ss)_[A-Za-z0-9]{32,64}(?![\w-])/g],
  // Hex bodies carry at most 4 bits a character; mixed-case ones must look like it.
  verify: (token) => entropy(token) >= (/^shp\w\w_[a-fA-F0-9]{32}$/.test(token) ? 3.3 : 4) && (/^shp\w\w_[a-fA-F0-9]{32}$/.test(token) || (/[a-z]/.test(token.slice(6)) && /[A-Z]/.test(token.slice(6)) && /\d/.test(token.slice(6)))),
  get samples() {
    return {
      secrets: [`SHOPIFY_ACCESS_TOKEN=shp${'at_'}${fake('shp', 32, HEX)}`, `SHOPIFY_SECRET=shp${'ss_'}${fake('shpss', 32, HEX)}`, `SHOPIFY_API_SECRET=shp${'ss_'}${fake('shpss-long', 38, BASE62)}`],
      notSecrets: ['SHOPIFY_ACCESS_TOKEN=shpat_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'SHOPIFY_ACCESS_TOKEN=shpat_<token>', 'SHOPIFY_ACCESS_TOKEN=shpat_thisisnotarealshopifytokenvalue', `shpca_${'Ab1'.repeat(12)}`],
    };
  },
};
