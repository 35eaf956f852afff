/**
 * New Relic keys: user API keys (`NRAK-`), admin keys (`NRAA-`), insert and query keys (`NRII-`,
 * `NRIQ-`), license keys (`…NRAL`, also `…FFFFNRAL` and region-prefixed `eu01xx…NRAL`), and two
 * keys that ship to every client and are public by design, reported as warnings: browser keys
 * (`NRJS-`, `NRBR-`), which every page the browser agent runs on receives, and mobile app tokens (`…-NRMA`),
 * compiled into the app.
 */
import type { SecretRule } from './define.js';
import { fake, HEX, UPPER_ALNUM } from './fake.js';

export const newRelic: SecretRule = {
  id: 'mcflow/new-relic',
  description: 'New Relic key',
  keywords: ['nrak-', 'nraa-', 'nrii-', 'nriq-', 'nrjs-', 'nrbr-', 'nral', 'nrma'],
  patterns: [
    /(?<![A-Za-z0-9])NRAK-[A-Z0-9]{27}(?![\w-])/g,
    /(?<![A-Za-z0-9])NRAA-[a-f0-9]{27}(?![\w-])/g,
    // Insert and query keys: 32 characters after the prefix, or 25 in the older form.
    /(?<![A-Za-z0-9])NRI[IQ]-(?:[A-Za-z0-9_-]{32}|[A-Za-z0-9_-]{25})(?![\w-])/g,
    // License keys are 40 characters ending `NRAL`: 36 hex, or (newer) 32 hex + `FFFF`, or a
    // region prefix (`eu01xx`) in front of the hex.
    /(?<![\w-])(?:[a-z]{2}\d{2}xx[a-f0-9]{26}|[a-f0-9]{32})(?:[a-f0-9]{4}|FFFF)NRAL(?![\w-])/g,
    // Mobile app tokens: 42 hex (or a region prefix and 36 hex) and `-NRMA`.
    /(?<![\w-])(?:[a-z]{2}\d{2}xx[a-f0-9]{36}|[a-f0-9]{42})-NRMA(?![\w-])/g,
    /(?<![A-Za-z0-9])NR(?:JS|BR)-[a-f0-9]{19}(?![\w-])/g,
  ],
  verify: (key) => {
    if (key.startsWith('NRJS-') || key.startsWith('NRBR-')) return { description: 'New Relic browser key (public by design: it ships in every page)', severity: 'warning' };
    // The mobile token ships inside the app binary, like a browser key: a warning.
    if (key.endsWith('-NRMA')) return { description: 'New Relic mobile app token (ships inside the app: public by design)', severity: 'warning' };
    return true;
  },
  get samples() {
    return {
      secrets: [
        `NEW_RELIC_API_KEY=NR${'AK-'}${fake('nrak', 27, UPPER_ALNUM)}`,
        `NEW_RELIC_INSERT_KEY=NR${'II-'}${fake('nrii', 32)}`,
        `NEW_RELIC_LICENSE_KEY=${fake('nral', 36, HEX)}NR${'AL'}`,
        `newrelic.browserKey = "NR${'JS-'}${fake('nrjs', 19, HEX)}"`,
        `admin_key: NR${'AA-'}${fake('nraa', 27, HEX)}`,
        `"querykey": "NR${'IQ-'}${fake('nriq', 32)}"`,
        `insights_insert_key = 'NR${'II-'}${fake('nrii-short', 25, '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_')}'`,
        `license_key: ${fake('nral-eu', 4, 'abcdefghijklmnopqrstuvwxyz').slice(0, 2)}01xx${fake('nral-eu2', 30, HEX)}NR${'AL'}`,
        `license: eu01xx${fake('nral-eu3', 26, HEX)}FFFFNR${'AL'}`,
        `NEW_RELIC_LICENSE_KEY=${fake('nral-ffff', 32, HEX)}FFFFNR${'AL'}`,
        `NEW_RELIC_MOBILE_TOKEN=${fake('nrma', 42, HEX)}-NR${'MA'}`,
      ],
      notSecrets: ['NEW_RELIC_API_KEY=NRAK-XXXXXXXXXXXXXXXXXXXXXXXXXXX', 'NEW_RELIC_LICENSE_KEY=<license-key>', 'NRAK-short', `NEW_RELIC_LICENSE_KEY=${'a'.repeat(36)}NRAL`, 'license: eu01xxaa7460e1ea3abdfbbbd36e85c1xyzNRAL', 'NRIQ-tooShort'],
    };
  },
};
