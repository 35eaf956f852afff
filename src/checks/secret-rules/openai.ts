/**
 * OpenAI API keys: user (legacy `sk-…T3BlbkFJ…`), project (`sk-proj-`), service-account
 * (`sk-svcacct-`) and admin (`sk-admin-`) keys. `T3BlbkFJ` is base64 of "OpenAI".
 */
import { entropy, type SecretRule } from './define.js';
import { BASE64URL, fake } from './fake.js';

export const openai: SecretRule = {
  id: 'mcflow/openai',
  description: 'OpenAI API key',
  keywords: ['t3blbkfj', 'sk-proj-', 'sk-svcacct-', 'sk-admin-', 'sk-None-'.toLowerCase()],
  patterns: [
    /(?<![A-Za-z0-9])sk-(?:[A-Za-z0-9]{20}|(?:proj|svcacct|admin|service|None)-[A-Za-z0-9_-]{20,200})T3BlbkFJ[A-Za-z0-9_-]{20,200}(?![\w-])/g,
    /(?<![A-Za-z0-9])sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{80,250}(?![\w-])/g,
  ],
  verify: (key) => entropy(key) >= 4,
  get samples() {
    return {
      secrets: [
        `OPENAI_API_KEY=sk-${fake('oai-1', 20)}T3Blbk${'FJ'}${fake('oai-2', 20)}`,
        `OPENAI_API_KEY="sk-${'proj-'}${fake('oai-p1', 74, BASE64URL)}T3Blbk${'FJ'}${fake('oai-p2', 74, BASE64URL)}"`,
        `client = OpenAI(api_key="sk-${'svcacct-'}${fake('oai-s', 156, BASE64URL)}")`,
      ],
      notSecrets: ['OPENAI_API_KEY=sk-proj-...', 'OPENAI_API_KEY=sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'OPENAI_API_KEY=<your-openai-key>'],
    };
  },
};
