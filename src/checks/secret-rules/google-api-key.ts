/**
 * Google API keys (Maps, Firebase, Gemini…): `AIza` followed by 35 URL-safe characters. A key
 * in a Firebase web config (beside `authDomain`, `messagingSenderId`, `*.firebaseapp.com`) is
 * public by design: every visitor's browser receives it. It is reported as a warning, so the
 * team checks it is restricted (HTTP referrers, App Check), not rotated.
 */
import { around, type SecretRule } from './define.js';
import { BASE64URL, fake } from './fake.js';

const FIREBASE_CONTEXT = /authDomain|messagingSenderId|firebaseapp\.com|firebaseConfig|initializeApp|firebase_?options/i;
export const googleApiKey: SecretRule = {
  id: 'mcflow/google-api-key',
  description: 'Google API key',
  keywords: ['aiza'],
  patterns: [/(?<![\w-])AIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g],
  verify: (_key, match) =>
    FIREBASE_CONTEXT.test(around(match, 600))
      ? { description: 'Firebase web API key (public by design: restrict it by HTTP referrer and App Check)', severity: 'warning' }
      : true,
  samples: {
    secrets: [
      `GOOGLE_API_KEY=AI${'za'}${fake('gkey', 35, BASE64URL)}`,
      `gemini = genai.Client(api_key="AI${'za'}${fake('gkey2', 35, BASE64URL)}")`,
      `const firebaseConfig = {\n  apiKey: "AI${'za'}${fake('gkey3', 35, BASE64URL)}",\n  authDomain: "acme.firebaseapp.com",\n};`,
    ],
    notSecrets: ['GOOGLE_API_KEY=AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'GOOGLE_API_KEY=AIza_your_api_key_here_0000000000000', 'AIzaShort'],
  },
};
