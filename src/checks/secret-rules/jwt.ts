/** JSON Web Tokens: three base64url parts whose header decodes to JSON naming an algorithm. */
import type { SecretRule } from './define.js';

export const jwt: SecretRule = {
  id: 'mcflow/jwt',
  description: 'JSON Web Token',
  keywords: ['eyj'],
  patterns: [/(?<![\w-])eyJ[0-9A-Za-z_-]{10,8000}\.eyJ[0-9A-Za-z_-]{10,16000}\.[0-9A-Za-z_-]{16,1000}/g],
  verify: (token) => {
    try {
      const header = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString('utf8')) as { alg?: unknown };
      return typeof header.alg === 'string' && header.alg.toLowerCase() !== 'none';
    } catch {
      return false;
    }
  },
  samples: {
    secrets: [
      'AUTH_TOKEN=' + ['eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9', 'eyJzdWIiOiI0MjEiLCJyb2xlIjoiYWRtaW4iLCJpYXQiOjE3MzAwMDAwMDB9', 'u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8dKLzdocJ'].join('.'),
    ],
    notSecrets: [
      'eyJhbGciOiJub25lIn0.eyJzdWIiOiI0MjEiLCJyb2xlIjoiYWRtaW4ifQ.u8jzPde0IgxLd6GncfBAepfJBd0Kh8',
      'eyJub3QiOiJqd3QifQ.eyJzdWIiOiI0MjEiLCJyb2xlIjoiYWRtaW4ifQ.u8jzPde0IgxLd6GncfBAepfJBd0Kh8',
      'token: eyJhbGciOiJIUzI1NiJ9.<payload>.<signature>',
    ],
  },
};
