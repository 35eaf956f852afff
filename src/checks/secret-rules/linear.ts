/** Linear API keys (`lin_api_` + 40) and OAuth tokens (`lin_oauth_` + 64 hex). */
import { entropy, type SecretRule } from './define.js';
import { fake, HEX } from './fake.js';

export const linear: SecretRule = {
  id: 'mcflow/linear',
  description: 'Linear API key',
  keywords: ['lin_api_', 'lin_oauth_'],
  patterns: [/(?<![A-Za-z0-9])lin_api_[A-Za-z0-9]{40}(?![\w-])/g, /(?<![A-Za-z0-9])lin_oauth_[a-f0-9]{64}(?![\w-])/g],
  verify: (token) => entropy(token) >= 3.5,
  get samples() {
    return {
      secrets: [`LINEAR_API_KEY=lin${'_api_'}${fake('lin', 40)}`, `LINEAR_TOKEN=lin${'_oauth_'}${fake('lino', 64, HEX)}`],
      notSecrets: ['LINEAR_API_KEY=lin_api_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'LINEAR_API_KEY=<lin_api_key>'],
    };
  },
};
