/**
 * Twilio API keys (`SK` + 32 hex), and auth tokens: 32 hex assigned to a Twilio name, or next to
 * an account SID (`AC` + 32 hex) within a few lines.
 */
import { entropy, findNear, type SecretRule } from './define.js';
import { fake, HEX } from './fake.js';

/** Auth tokens within a few lines of an account SID. */
const NEAR_SID = {
  anchor: /(?<![\w-])AC[0-9a-f]{32}(?![\w-])/g,
  value: /(?<![\w-])[0-9a-f]{32}(?![\w-])/g,
  run: /[\w-]/,
  radius: 300,
  accept: (token: string) => entropy(token) >= 3.3,
};

export const twilio: SecretRule = {
  id: 'mcflow/twilio',
  description: 'Twilio credential',
  keywords: ['sk', 'twilio', 'sid', 'client(', 'auth'],
  patterns: [
    /(?<![\w-])SK[0-9a-f]{32}(?![\w-])/g,
    /twilio[\w.-]{0,40}?(?:auth[\w.-]{0,20}?token|secret|api[\w.-]{0,20}?key)["']?[ \t]{0,5}(?:[:=]|=>)[ \t]{0,5}["']?(?<secret>[0-9a-f]{32})(?![\w-])/gid,
  ],
  find: (text) => findNear(text, NEAR_SID),
  verify: (token) => entropy(token) >= 3.3,
  get samples() {
    return {
      secrets: [
        `TWILIO_API_KEY=S${'K'}${fake('tw-sk', 32, HEX)}`,
        `TWILIO_AUTH_TOKEN=${fake('tw-auth', 32, HEX)}`,
        `client = Client("A${'C'}${fake('tw-sid', 32, HEX)}", "${fake('tw-auth2', 32, HEX)}")`,
      ],
      notSecrets: [`TWILIO_ACCOUNT_SID=A${'C'}${fake('tw-sid2', 32, HEX)}`, 'TWILIO_AUTH_TOKEN=your_auth_token', 'TWILIO_API_KEY=SKxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
    };
  },
};
