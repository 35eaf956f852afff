/**
 * Sentry DSNs (`https://<32 hex key>@o1.ingest.sentry.io/<project>`). The public key is public
 * by design (browser SDKs send it from every page; it only lets anyone send events): a warning.
 * A legacy DSN with a secret key (`https://<key>:<secret>@…`) is a secret.
 */
import type { SecretRule } from './define.js';

export const sentryDsn: SecretRule = {
  id: 'mcflow/sentry-dsn',
  description: 'Sentry DSN',
  keywords: ['://'],
  patterns: [/\bhttps?:\/\/[0-9a-f]{32}(?::[0-9a-f]{32})?@[A-Za-z0-9.-]{1,200}(?::\d{1,5})?\/(?:[\w.-]{1,100}\/){0,5}\d{1,20}\b/g],
  verify: (dsn) =>
    /^https?:\/\/[0-9a-f]{32}:/.test(dsn) ? { description: 'Sentry DSN with its secret key' } : { description: 'Sentry DSN (public by design: it only lets anyone send events)', severity: 'warning' },
  get samples() {
    return {
      secrets: [
        'SENTRY_DSN=https://bfe228f219e9cb0eb53f16947ccf25ec@o450123.ingest.sentry.io/5512345',
        "dsn: 'https://84d8dbc74254770f58904dba41ecccc3:bfe228f219e9cb0eb53f16947ccf25ec@sentry.internal.acme.io/12'",
      ],
      notSecrets: [
        'SENTRY_DSN=https://examplePublicKey@o0.ingest.sentry.io/0',
        'SENTRY_DSN=https://00000000000000000000000000000000@o0.ingest.sentry.io/0',
        'SENTRY_DSN=${SENTRY_DSN}',
      ],
    };
  },
};
