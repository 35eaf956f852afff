/**
 * Stripe secret and restricted keys, live and test mode (`sk_live_`, `rk_live_`, `sk_test_`,
 * `rk_test_`), and webhook signing secrets (`whsec_`). Test-mode keys are warnings: they move no
 * money, but they read and write the account's test data and webhooks and belong in CI secrets,
 * not in the repository. Publishable keys (`pk_…`) are public by design and not reported.
 */
import { entropy, type SecretRule } from './define.js';
import { BASE62, fake } from './fake.js';

export const stripe: SecretRule = {
  id: 'mcflow/stripe',
  description: 'Stripe live key',
  keywords: ['_live_', '_test_', '_prod_', 'whsec_'],
  // `_prod_` is the live mode's other spelling in restricted keys some accounts are issued.
  patterns: [/(?<![A-Za-z0-9])(?:sk|rk)_(?:live|test|prod)_[0-9A-Za-z]{24,247}(?![\w-])/g, /(?<![A-Za-z0-9])whsec_[0-9A-Za-z+/]{32,64}(?![\w+/-])/g],
  verify: (key) => {
    if (entropy(key) < 4) return false;
    if (key.startsWith('whsec_')) return { description: 'Stripe webhook signing secret' };
    return key.slice(3, 7) === 'test' ? { description: 'Stripe test-mode key', severity: 'warning' } : true;
  },
  get samples() {
    return {
      secrets: [
        `STRIPE_SECRET_KEY=sk${'_live_'}${fake('sk-live', 24)}`,
        `const key = "rk${'_live_'}${fake('rk-live', 99, BASE62)}";`,
        `signing: wh${'sec_'}${fake('whsec', 32)}`,
        `STRIPE_SECRET_KEY=sk${'_test_'}${fake('sk-test', 99)}`,
        `STRIPE_RESTRICTED_KEY=rk${'_prod_'}${fake('rk-prod', 99)}`,
      ],
      notSecrets: [
        `STRIPE_SECRET_KEY=sk_live_${'x'.repeat(24)}`,
        'sk_live_short',
        `STRIPE_PUBLISHABLE_KEY=pk_live_${fake('pk-live', 24)}`,
        'STRIPE_SECRET_KEY=sk_test_4eC39HqLyjWDarjtT1zdp7dc',
      ],
    };
  },
};
