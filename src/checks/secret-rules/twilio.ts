/**
 * Twilio API keys (`SK` + 32 hex), and auth tokens: 32 hex assigned to a Twilio name, or next to
 * an account SID (`AC` + 32 hex) within a few lines.
 */
import { cutAtEdge, entropy, type SecretRule } from './define.js';
import { fake, HEX } from './fake.js';

const SID = /(?<![\w-])AC[0-9a-f]{32}(?![\w-])/g;
const HEX32 = /(?<![\w-])[0-9a-f]{32}(?![\w-])/g;
const NEAR = 300;

/** Every 32-hex run within NEAR characters of an account SID, each once. */
function* tokensNearSids(text: string): Generator<{ index: number; value: string }> {
  let searchedTo = 0;
  SID.lastIndex = 0;
  for (let sid = SID.exec(text); sid !== null; sid = SID.exec(text)) {
    const from = Math.max(searchedTo, sid.index - NEAR);
    const to = Math.min(text.length, sid.index + sid[0].length + NEAR);
    if (from >= to) continue;
    // Search the window alone: a regex left to run from `from` would scan to the end of the text for every SID.
    const window = text.slice(from, to);
    for (const token of window.matchAll(HEX32)) {
      if (!cutAtEdge(text, from + token.index, token[0].length, /[\w-]/) && entropy(token[0]) >= 3.3) yield { index: from + token.index, value: token[0] };
    }
    searchedTo = to;
  }
}

export const twilio: SecretRule = {
  id: 'mcflow/twilio',
  description: 'Twilio credential',
  keywords: ['sk', 'twilio', 'sid', 'client(', 'auth'],
  patterns: [
    /(?<![\w-])SK[0-9a-f]{32}(?![\w-])/g,
    /twilio[\w.-]{0,40}?(?:auth[\w.-]{0,20}?token|secret|api[\w.-]{0,20}?key)["']?[ \t]{0,5}(?:[:=]|=>)[ \t]{0,5}["']?(?<secret>[0-9a-f]{32})(?![\w-])/gid,
  ],
  find: tokensNearSids,
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
