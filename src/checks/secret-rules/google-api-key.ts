/** Google API keys (Maps, Firebase, Gemini…): `AIza` followed by 35 URL-safe characters. */
import type { SecretRule } from './define.js';

export const googleApiKey: SecretRule = {
  id: 'mcflow/google-api-key',
  description: 'Google API key',
  keywords: ['aiza'],
  patterns: [/\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g],
  samples: {
    secrets: [`GOOGLE_API_KEY=AI${'za'}ddJ8HyS5SUkCnD8zRA9a9SkpXz9w3QlY7Zk`, `apiKey: "AI${'za'}SyBd0Kh8oOOL8dKLzdocJ2isAjIhKtJ0R-1"`],
    notSecrets: ['GOOGLE_API_KEY=AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'GOOGLE_API_KEY=AIza_your_api_key_here_0000000000000', 'AIzaShort'],
  },
};
