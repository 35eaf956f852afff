/**
 * Google OAuth credentials: client secrets (`GOCSPX-…`), access tokens (`ya29.…`) and refresh
 * tokens (`1//0…`). Service-account JSON is found by its private key (private-key rule).
 */
import { entropy, type SecretRule } from './define.js';
import { BASE64URL, fake } from './fake.js';

export const googleOauth: SecretRule = {
  id: 'mcflow/google-oauth',
  description: 'Google OAuth client secret or token',
  keywords: ['gocspx-', 'ya29.', '1//0'],
  patterns: [
    /(?<![A-Za-z0-9])GOCSPX-[A-Za-z0-9_-]{28}(?![\w-])/g,
    /(?<![\w.-])ya29\.[A-Za-z0-9_-]{30,2000}(?![\w-])/g,
    /(?<![\w/])1\/\/0[A-Za-z0-9_-]{40,500}(?![\w-])/g,
  ],
  verify: (value) => entropy(value) >= 4,
  get samples() {
    return {
      secrets: [
        `"client_secret": "GOC${'SPX-'}${fake('gocspx', 28, BASE64URL)}"`,
        `token = "ya${'29.'}${fake('ya29', 120, BASE64URL)}"`,
        `refresh_token: 1/${'/0'}${fake('refresh', 100, BASE64URL)}`,
      ],
      notSecrets: ['GOCSPX-xxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'client_secret: GOCSPX-<secret>', 'ya29.short', 'see https://example.com/1//0abc'],
    };
  },
};
