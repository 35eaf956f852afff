/** Stripe live secret and restricted keys (`sk_live_…`, `rk_live_…`) and webhook signing secrets (`whsec_…`). Test-mode keys are not live credentials. */
import type { SecretRule } from './define.js';

const live = 'sk_' + 'live_';
export const stripe: SecretRule = {
  id: 'mcflow/stripe',
  description: 'Stripe live key',
  keywords: ['_live_', 'whsec_'],
  patterns: [/\b(?:sk|rk)_live_[0-9A-Za-z]{24,247}\b/g, /\bwhsec_[0-9A-Za-z+/]{32,64}\b/g],
  samples: {
    secrets: [`STRIPE_SECRET_KEY=${live}u8jzPde0IgxLd6GncfBAepfJ`, `const key = "r${'k_live_'}Bd0Kh8oOOL8dKLzdocJ2isAjIhKtJ0Rl";`, `signing: wh${'sec_'}mwufUxbvJDCTbyvHNsG9eh6Yo4gfqrc5X`],
    notSecrets: ['STRIPE_SECRET_KEY=sk_test_u8jzPde0IgxLd6GncfBAepfJ', `STRIPE_SECRET_KEY=${live}xxxxxxxxxxxxxxxxxxxxxxxx`, `${live}short`, 'STRIPE_PUBLISHABLE_KEY=pk_live_u8jzPde0IgxLd6GncfBAepfJ'],
  },
};
