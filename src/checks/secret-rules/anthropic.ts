/** Anthropic API keys (`sk-ant-api03-…`) and Admin API keys (`sk-ant-admin01-…`): 93 characters, then `AA`. */
import type { SecretRule } from './define.js';
import { BASE64URL, fake } from './fake.js';

export const anthropic: SecretRule = {
  id: 'mcflow/anthropic',
  description: 'Anthropic API key',
  keywords: ['sk-ant-'],
  patterns: [/(?<![A-Za-z0-9])sk-ant-(?:api|admin|sid)\d{2}-[A-Za-z0-9_-]{80,110}AA(?![\w-])/g],
  verify: (key) => (key.startsWith('sk-ant-admin') ? { description: 'Anthropic Admin API key' } : true),
  get samples() {
    return {
      secrets: [`ANTHROPIC_API_KEY=sk-${'ant-api03-'}${fake('ant', 93, BASE64URL)}AA`, `ANTHROPIC_ADMIN_KEY=sk-${'ant-admin01-'}${fake('ant-admin', 93, BASE64URL)}AA`],
      notSecrets: ['ANTHROPIC_API_KEY=sk-ant-api03-...', 'ANTHROPIC_API_KEY=sk-ant-xxxxxxxxxxxxxxxxxxxx', 'ANTHROPIC_API_KEY=${ANTHROPIC_API_KEY}'],
    };
  },
};
