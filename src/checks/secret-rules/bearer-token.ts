/** Tokens in an HTTP Authorization header (`Authorization: Bearer …`, `token …`), in code, curl commands and configs. */
import { characterClasses, entropy, type SecretRule } from './define.js';

export const bearerToken: SecretRule = {
  id: 'mcflow/bearer-token',
  description: 'token in an Authorization header',
  keywords: ['authorization'],
  patterns: [/authorization["']?[ \t]{0,5}[:=][ \t]{0,5}["'`]?(?:Bearer|Token|Basic)[ \t]{1,5}(?<secret>[A-Za-z0-9._~+/-]{20,1000}={0,2})/gid],
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
