/** SendGrid API keys: `SG.<22>.<43>`. */
import { entropy, type SecretRule } from './define.js';
import { BASE64URL, fake } from './fake.js';

export const sendgrid: SecretRule = {
  id: 'mcflow/sendgrid',
  description: 'SendGrid API key',
  keywords: ['sg.'],
  patterns: [/(?<![\w.-])SG\.[A-Za-z0-9_-]{20,24}\.[A-Za-z0-9_-]{39,50}(?![\w-])/g],
  verify: (key) => entropy(key) >= 4,
  get samples() {
    return {
      secrets: [`SENDGRID_API_KEY=S${'G.'}${fake('sg1', 22, BASE64URL)}.${fake('sg2', 43, BASE64URL)}`],
      notSecrets: ['SENDGRID_API_KEY=SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'SENDGRID_API_KEY=SG.<key>'],
    };
  },
};
