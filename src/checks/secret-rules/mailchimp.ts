/** Mailchimp API keys: 32 hex, then the data centre (`-us21`). */
import { entropy, type SecretRule } from './define.js';
import { fake, HEX } from './fake.js';

export const mailchimp: SecretRule = {
  id: 'mcflow/mailchimp',
  description: 'Mailchimp API key',
  keywords: ['-us'],
  patterns: [/(?<![\w-])[0-9a-f]{32}-us\d{1,2}(?![\w-])/g],
  verify: (key) => entropy(key) >= 3.3,
  get samples() {
    return {
      secrets: [`MAILCHIMP_API_KEY=${fake('mc', 32, HEX)}-u${'s21'}`],
      notSecrets: ['MAILCHIMP_API_KEY=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-us21', 'MAILCHIMP_API_KEY=<key>-us21'],
    };
  },
};
