/** Sentry auth tokens: organisation (`sntrys_…`), user (`sntryu_…`), and the older 64-hex tokens assigned to a Sentry name. DSNs are the sentry-dsn rule's. */
import { assignedTo, type SecretRule } from './define.js';
import { BASE64, fake, HEX } from './fake.js';

export const sentry: SecretRule = {
  id: 'mcflow/sentry',
  description: 'Sentry auth token',
  keywords: ['sntrys_', 'sntryu_', 'sentry'],
  patterns: [
    /(?<![A-Za-z0-9])sntrys_eyJ[A-Za-z0-9+/]{30,600}={0,2}_[A-Za-z0-9+/]{43}(?![\w+/=-])/g,
    /(?<![A-Za-z0-9])sntryu_[a-f0-9]{64}(?![\w-])/g,
    assignedTo('sentry', '[a-f0-9]{64}', '[A-Za-z0-9]'),
  ],
  get samples() {
    return {
      secrets: [
        `SENTRY_AUTH_TOKEN=sntr${'ys_'}eyJpYXQiOjE3MDAwMDAwMDAuMCwidXJsIjoiaHR0cHM6Ly9zZW50cnkuaW8iLCJyZWdpb25fdXJsIjoiaHR0cHM6Ly91cy5zZW50cnkuaW8iLCJvcmciOiJhY21lIn0=_${fake('sntrys', 43, BASE64)}`,
        `SENTRY_AUTH_TOKEN=sntr${'yu_'}${fake('sntryu', 64, HEX)}`,
        `sentry_token: ${fake('sentry-old', 64, HEX)}`,
      ],
      notSecrets: ['SENTRY_AUTH_TOKEN=sntryu_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'SENTRY_ORG=acme', 'sentry_token: ${SENTRY_TOKEN}'],
    };
  },
};
