/** Mailgun private API keys (`key-` + 32 lower-case letters and digits, or the newer `<32 hex>-<8 hex>-<8 hex>`) in a text that mentions Mailgun. */
import { entropy, mentions, type SecretRule } from './define.js';
import { fake, HEX } from './fake.js';

export const mailgun: SecretRule = {
  id: 'mcflow/mailgun',
  description: 'Mailgun API key',
  keywords: ['mailgun'],
  patterns: [/(?<![\w-])key-[0-9a-z]{32}(?![\w-])/g, /(?<![\w-])[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8}(?![\w-])/g],
  // Both shapes also name cache entries and build ids: only a text about Mailgun holds its keys.
  verify: (key, match) => mentions(match, /mailgun/i) && entropy(key) >= 3.3,
  get samples() {
    return {
      secrets: [`MAILGUN_API_KEY=ke${'y-'}${fake('mg', 32, HEX)}`, `mailgun:\n  api_key: ${fake('mg2', 32, HEX)}-${fake('mg3', 8, HEX)}-${fake('mg4', 8, HEX)}`],
      notSecrets: [`cache: key-${fake('mg-cache', 32, HEX)}`, 'MAILGUN_API_KEY=key-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'MAILGUN_DOMAIN=mg.acme.io'],
    };
  },
};
