/**
 * Tokens in HTTP headers: `Authorization: Bearer …` / `token …`, and the API-key headers
 * services read (`X-API-Key`, `PRIVATE-TOKEN`, `X-Auth-Token`…), in code, curl commands and
 * configs. Basic credentials are the curl-credentials rule's (it decodes them).
 */
import { characterClasses, entropy, type SecretRule } from './define.js';

export const bearerToken: SecretRule = {
  id: 'mcflow/bearer-token',
  description: 'token in an Authorization header',
  keywords: ['authorization', 'api-key', 'private-token', 'auth-token', 'access-token'],
  patterns: [
    /authorization["']?[ \t]{0,5}[:=,][ \t]{0,5}["'`]?(?:Bearer|Token)[ \t]{1,5}(?<secret>[A-Za-z0-9._~+/-]{20,1000}={0,2})(?![\w.~+/=-])/gid,
    /(?<![\w-])(?:x-api-key|api-key|private-token|x-auth-token|x-access-token)["']?[ \t]{0,5}[:=,][ \t]{0,5}["'`]?(?<secret>[A-Za-z0-9._~+/-]{20,1000}={0,2})(?![\w.~+/=-])/gid,
  ],
  verify: (token) => characterClasses(token) >= 2 && entropy(token) >= 3.5,
  samples: {
    secrets: [
      'curl -H "Authorization: Bearer u8jzPde0IgxLd6GncfBAepfJBd0Kh8oO" https://api.acme.io',
      "headers: { Authorization: 'Token mwufUxbvJDCTbyvHNsG9eh6Yo4gfqrc5' }",
      'curl --header "PRIVATE-TOKEN: Xq7pLm2vR9tKHgxzNNAL5wIS" https://gitlab.acme.io/api/v4/projects',
      "requests.get(url, headers={'X-API-Key': 'k9Fh2LmQ8wZr4TbN7pVx3sYc'})",
    ],
    notSecrets: [
      'headers: { Authorization: `Bearer ${token}` }',
      'Authorization: Bearer <token>',
      'Authorization: Bearer YOUR_ACCESS_TOKEN_HERE',
    ],
  },
};
