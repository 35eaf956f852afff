/**
 * PayPal / Braintree: access tokens (`access_token$production$…$…`; sandbox ones reach no real
 * money and are warnings), Braintree private keys and PayPal client secrets assigned to their names.
 */
import { assignedTo, entropy, type SecretRule } from './define.js';
import { BASE64URL, fake, HEX, LOWER_ALNUM } from './fake.js';

export const braintree: SecretRule = {
  id: 'mcflow/braintree',
  description: 'PayPal or Braintree credential',
  keywords: ['access_token$', 'braintree', 'paypal'],
  patterns: [
    /access_token\$(?:production|sandbox)\$[0-9a-z]{16}\$[0-9a-f]{32}(?![\w$])/g,
    assignedTo('braintree[\\w.-]{0,20}private', '[a-f0-9]{32}', '[A-Za-z0-9]'),
    assignedTo('paypal[\\w.-]{0,20}secret', '[A-Za-z0-9_-]{60,90}', '[\\w-]'),
  ],
  verify: (token) => {
    if (token.startsWith('access_token$sandbox$')) return { description: 'Braintree sandbox access token (test mode)', severity: 'warning' };
    return entropy(token) >= 3.5;
  },
  get samples() {
    return {
      secrets: [
        `BRAINTREE_TOKEN=access_token$${'production'}$${fake('bt1', 16, LOWER_ALNUM)}$${fake('bt2', 32, HEX)}`,
        `BRAINTREE_PRIVATE_KEY=${fake('btpk', 32, HEX)}`,
        `PAYPAL_CLIENT_SECRET=E${fake('pp', 79, BASE64URL)}`,
      ],
      notSecrets: ['BRAINTREE_PRIVATE_KEY=<private-key>', 'PAYPAL_CLIENT_SECRET=${PAYPAL_SECRET}', 'BRAINTREE_MERCHANT_ID=acme'],
    };
  },
};
