/** Tokens in an HTTP Authorization header (`Authorization: Bearer …`, `token …`), in code, curl commands and configs. */
import { characterClasses, entropy, type SecretRule } from './define.js';

export const bearerToken: SecretRule = {
  id: 'mcflow/bearer-token',
  description: 'token in an Authorization header',
  keywords: ['authorization'],
  patterns: [/authorization["']?\s*[:=]\s*["'`]?(?:Bearer|Token|Basic)\s+(?<secret>[A-Za-z0-9._~+/-]{20,}=*)/gid],
  verify: (token) => characterClasses(token) >= 2 && entropy(token) >= 3.5,
  samples: {
    secrets: [
      'curl -H "Authorization: Bearer u8jzPde0IgxLd6GncfBAepfJBd0Kh8oO" https://api.acme.io',
      "headers: { Authorization: 'Token mwufUxbvJDCTbyvHNsG9eh6Yo4gfqrc5' }",
    ],
    notSecrets: [
      'headers: { Authorization: `Bearer ${token}` }',
      'Authorization: Bearer <token>',
      'Authorization: Bearer YOUR_ACCESS_TOKEN_HERE',
    ],
  },
};
