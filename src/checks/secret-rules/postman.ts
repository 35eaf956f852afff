/** Postman API keys: `PMAK-` + 24 hex + `-` + 34 hex. */
import { entropy, type SecretRule } from './define.js';
import { fake, HEX } from './fake.js';

export const postman: SecretRule = {
  id: 'mcflow/postman',
  description: 'Postman API key',
  keywords: ['pmak-'],
  patterns: [/(?<![A-Za-z0-9])PMAK-(?:[a-f0-9]{24}-[a-f0-9]{34}|[A-Za-z0-9]{59})(?![\w-])/gi],
  verify: (token) => entropy(token) >= 3.3,
  get samples() {
    return {
      secrets: [`POSTMAN_API_KEY=PM${'AK-'}${fake('pmak1', 24, HEX)}-${fake('pmak2', 34, HEX)}`],
      notSecrets: ['POSTMAN_API_KEY=PMAK-xxxxxxxxxxxxxxxxxxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'POSTMAN_API_KEY={{postman_api_key}}'],
    };
  },
};
