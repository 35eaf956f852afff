/**
 * Supabase secrets: management-API personal tokens (`sbp_`), secret API keys (`sb_secret_`).
 * Publishable keys (`sb_publishable_`) and the `anon` JWT are public by design and not reported;
 * the `service_role` JWT is (jwt rule).
 */
import { entropy, type SecretRule } from './define.js';
import { BASE64URL, fake, HEX } from './fake.js';

export const supabase: SecretRule = {
  id: 'mcflow/supabase',
  description: 'Supabase token or secret key',
  keywords: ['sbp_', 'sb_secret_'],
  patterns: [/(?<![A-Za-z0-9])sbp_(?:oauth_)?[a-z0-9]{40}(?![\w-])/g, /(?<![A-Za-z0-9])sb_secret_[A-Za-z0-9_-]{20,80}(?![\w-])/g],
  verify: (token) => entropy(token) >= 3.5,
  get samples() {
    return {
      secrets: [`SUPABASE_ACCESS_TOKEN=sb${'p_'}${fake('sbp', 40, HEX)}`, `SUPABASE_SECRET_KEY=sb_${'secret_'}${fake('sbsecret', 31, BASE64URL)}`],
      notSecrets: [`SUPABASE_PUBLISHABLE_KEY=sb_publishable_${fake('sbpub', 31, BASE64URL)}`, 'SUPABASE_ACCESS_TOKEN=sbp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
    };
  },
};
