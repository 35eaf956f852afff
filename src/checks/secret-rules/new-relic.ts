/**
 * New Relic keys: user API keys (`NRAK-`), insert keys (`NRII-`), license keys (`…NRAL`), and
 * browser keys (`NRJS-`), which every page the browser agent runs on receives: public by design,
 * reported as a warning.
 */
import type { SecretRule } from './define.js';
import { fake, HEX, UPPER_ALNUM } from './fake.js';

export const newRelic: SecretRule = {
  id: 'mcflow/new-relic',
  description: 'New Relic key',
  keywords: ['nrak-', 'nrii-', 'nrjs-', 'nral'],
  patterns: [
    /(?<![A-Za-z0-9])NRAK-[A-Z0-9]{27}(?![\w-])/g,
    /(?<![A-Za-z0-9])NRII-[A-Za-z0-9_-]{32}(?![\w-])/g,
    /(?<![\w-])[a-f0-9]{36}NRAL(?![\w-])/g,
    /(?<![A-Za-z0-9])NRJS-[a-f0-9]{19}(?![\w-])/g,
  ],
  verify: (key) => (key.startsWith('NRJS-') ? { description: 'New Relic browser key (public by design: it ships in every page)', severity: 'warning' } : true),
  get samples() {
    return {
      secrets: [
        `NEW_RELIC_API_KEY=NR${'AK-'}${fake('nrak', 27, UPPER_ALNUM)}`,
        `NEW_RELIC_INSERT_KEY=NR${'II-'}${fake('nrii', 32)}`,
        `NEW_RELIC_LICENSE_KEY=${fake('nral', 36, HEX)}NR${'AL'}`,
        `newrelic.browserKey = "NR${'JS-'}${fake('nrjs', 19, HEX)}"`,
      ],
      notSecrets: ['NEW_RELIC_API_KEY=NRAK-XXXXXXXXXXXXXXXXXXXXXXXXXXX', 'NEW_RELIC_LICENSE_KEY=<license-key>', 'NRAK-short'],
    };
  },
};
