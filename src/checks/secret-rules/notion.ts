/** Notion integration tokens: `ntn_…` and the older `secret_…` (43 characters). */
import { characterClasses, entropy, type SecretRule } from './define.js';
import { fake } from './fake.js';

export const notion: SecretRule = {
  id: 'mcflow/notion',
  description: 'Notion integration token',
  keywords: ['ntn_', 'secret_'],
  patterns: [/(?<![A-Za-z0-9])ntn_\d{11}[A-Za-z0-9]{35}(?![\w-])/g, /(?<![A-Za-z0-9])secret_[A-Za-z0-9]{43}(?![\w-])/g],
  // `secret_` also starts identifiers: the rest must be random, mixed-case base62.
  verify: (token) => characterClasses(token.slice(token.indexOf('_') + 1)) >= 3 && entropy(token) >= 4.2,
  get samples() {
    return {
      secrets: [`NOTION_TOKEN=nt${'n_'}${fake('ntn1', 11, '0123456789')}${fake('ntn2', 35)}`, `notion_key: "sec${'ret_'}${fake('notion-old', 43)}"`],
      notSecrets: ['NOTION_TOKEN=ntn_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'secret_key_base_for_the_development_environment_x'],
    };
  },
};
