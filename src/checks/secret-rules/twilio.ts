/** Twilio API keys (`SK` + 32 hex) and auth tokens (32 hex assigned to a Twilio name). */
import type { SecretRule } from './define.js';

export const twilio: SecretRule = {
  id: 'mcflow/twilio',
  description: 'Twilio credential',
  keywords: ['sk', 'twilio'],
  patterns: [
    /\bSK[0-9a-f]{32}\b/g,
    /twilio[\w.-]{0,40}?(?:auth[\w.-]{0,20}?token|secret|api[\w.-]{0,20}?key)["']?[ \t]{0,5}(?:[:=]|=>)[ \t]{0,5}["']?(?<secret>[0-9a-f]{32})\b/gid,
  ],
  samples: {
    secrets: ['TWILIO_API_KEY=SK84d8dbc74254770f58904dba41ecccc3', 'TWILIO_AUTH_TOKEN=bfe228f219e9cb0eb53f16947ccf25ec', 'const twilioAuthToken = "84d8dbc74254770f58904dba41ecccc3";'],
    notSecrets: ['TWILIO_ACCOUNT_SID=AC84d8dbc74254770f58904dba41ecccc3', 'TWILIO_AUTH_TOKEN=your_auth_token', 'TWILIO_API_KEY=SKxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  },
};
