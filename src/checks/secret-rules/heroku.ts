/** Heroku API keys: the current `HRKU-` format, and the older UUID form when assigned to a Heroku name. */
import type { SecretRule } from './define.js';

export const heroku: SecretRule = {
  id: 'mcflow/heroku',
  description: 'Heroku API key',
  keywords: ['hrku-', 'heroku'],
  patterns: [
    /(?<![A-Za-z0-9])HRKU-[0-9A-Za-z_-]{58,60}(?![\w-])/g,
    /heroku[\w.-]{0,40}?(?:api[\w.-]{0,20}?key|token|secret)["']?[ \t]{0,5}(?:[:=]|=>)[ \t]{0,5}["']?(?<secret>[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\b/gid,
  ],
  get samples() {
    return {
      secrets: [`HEROKU_API_KEY=HR${'KU-'}uvqdt7s8Stqcbnr3yBdGBLEPH1qhT61qtc4xatws8phP9nhFyJfm5di4Pz`, 'HEROKU_API_KEY=3f1c9a2b-84d8-4dbc-9425-4770f58904db'],
      notSecrets: ['HEROKU_API_KEY=00000000-0000-0000-0000-000000000000', 'HEROKU_APP_ID=3f1c9a2b-84d8-4dbc-9425-4770f58904db', 'HEROKU_API_KEY=HRKU-xxxxxxxx'],
    };
  },
};
