/** Heroku API keys: the current `HRKU-` format, and the older UUID form when assigned to a Heroku name. */
import { entropy, type SecretRule } from './define.js';
import { BASE64URL, fake } from './fake.js';
import { isPlaceholder } from './placeholder.js';

export const heroku: SecretRule = {
  id: 'mcflow/heroku',
  description: 'Heroku API key',
  keywords: ['hrku-', 'heroku'],
  patterns: [
    /(?<![A-Za-z0-9])HRKU-[0-9A-Za-z_-]{58,60}(?![\w-])/g,
    /heroku[\w.-]{0,40}?(?:api[\w.-]{0,20}?key|token|secret)["']?[ \t]{0,5}(?:[:=]|=>)[ \t]{0,5}["']?(?<secret>[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\b/gid,
  ],
  // The HRKU- body is base64url of bytes that include runs of 0xFF, which encode as `_____`: a
  // run of underscores there is data, not the filler it is elsewhere.
  ownPlaceholderCheck: true,
  verify: (key) => (key.startsWith('HRKU-') ? entropy(key) >= 3.5 && !isPlaceholder(key.replace(/_{4,}/g, '_')) : !isPlaceholder(key)),
  get samples() {
    return {
      secrets: [`HEROKU_API_KEY=HR${'KU-'}uvqdt7s8Stqcbnr3yBdGBLEPH1qhT61qtc4xatws8phP9nhFyJfm5di4Pz`, 'HEROKU_API_KEY=3f1c9a2b-84d8-4dbc-9425-4770f58904db', `const KEY = "HR${'KU-'}AA${fake('hrku-ff-a', 30, BASE64URL)}_____w${fake('hrku-ff-b', 22, BASE64URL)}"`],
      notSecrets: ['HEROKU_API_KEY=00000000-0000-0000-0000-000000000000', 'HEROKU_APP_ID=3f1c9a2b-84d8-4dbc-9425-4770f58904db', 'HEROKU_API_KEY=HRKU-xxxxxxxx', `HEROKU_API_KEY=HRKU-${'_'.repeat(58)}`],
    };
  },
};
