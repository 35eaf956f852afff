/**
 * Google API keys (Maps, Firebase, Gemini…): `AIza` followed by 35 URL-safe characters. A key
 * in a Firebase web config (beside `authDomain`, `messagingSenderId`, `*.firebaseapp.com`) is
 * public by design: every visitor's browser receives it; so is a Maps JavaScript key loaded by a
 * page or named for Maps. Both are reported as warnings, so the team checks they are restricted
 * (HTTP referrers, App Check), not rotated.
 */
import { around, type SecretRule } from './define.js';
import { BASE64URL, fake } from './fake.js';

const FIREBASE_CONTEXT = /authDomain|messagingSenderId|firebaseapp\.com|firebaseConfig|initializeApp|firebase_?options/i;
/** A Maps JavaScript API key is loaded by every visitor's browser (`maps.googleapis.com/maps/api/js?key=…`). */
const MAPS_CONTEXT = /maps\.googleapis\.com\/maps\/api\/js|google_?maps?_?(?:api_?|js_?|browser_?)?key|mapsApiKey|@googlemaps\//i;
export const googleApiKey: SecretRule = {
  id: 'mcflow/google-api-key',
  description: 'Google API key',
  keywords: ['aiza'],
  patterns: [/(?<![A-Za-z0-9])AIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g],
  verify: (_key, match) => {
    const nearby = around(match, 600);
    if (FIREBASE_CONTEXT.test(nearby)) return { description: 'Firebase web API key (public by design: restrict it by HTTP referrer and App Check)', severity: 'warning' };
    if (MAPS_CONTEXT.test(nearby)) return { description: 'Google Maps browser key (public by design: restrict it by HTTP referrer)', severity: 'warning' };
    return true;
  },
  get samples() {
    return {
      secrets: [
        `GOOGLE_API_KEY=AI${'za'}${fake('gkey', 35, BASE64URL)}`,
        `gemini = genai.Client(api_key="AI${'za'}${fake('gkey2', 35, BASE64URL)}")`,
        `const firebaseConfig = {\n  apiKey: "AI${'za'}${fake('gkey3', 35, BASE64URL)}",\n  authDomain: "acme.firebaseapp.com",\n};`,
        `<script src="https://maps.googleapis.com/maps/api/js?key=AI${'za'}${fake('gkey4', 35, BASE64URL)}&callback=initMap"></script>`,
      ],
      notSecrets: ['GOOGLE_API_KEY=AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'GOOGLE_API_KEY=AIza_your_api_key_here_0000000000000', 'AIzaShort'],
    };
  },
};
