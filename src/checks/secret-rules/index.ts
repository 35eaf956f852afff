/**
 * The rules mcflow-hooks adds to secretlint's recommended preset, for what the preset misses
 * (measured on realistic secrets: about half were missed). One file per rule, each with its
 * own true- and false-positive samples.
 */
import { awsAccessKeyId } from './aws-access-key-id.js';
import { bearerToken } from './bearer-token.js';
import { connectionUrl } from './connection-url.js';
import { datadog } from './datadog.js';
import type { SecretRule } from './define.js';
import { doppler } from './doppler.js';
import { gitlab } from './gitlab.js';
import { googleApiKey } from './google-api-key.js';
import { heroku } from './heroku.js';
import { jwt } from './jwt.js';
import { privateKey } from './private-key.js';
import { secretAssignment } from './secret-assignment.js';
import { sentryDsn } from './sentry-dsn.js';
import { slackWebhook } from './slack-webhook.js';
import { stripe } from './stripe.js';
import { twilio } from './twilio.js';

export const SECRET_RULES: readonly SecretRule[] = [
  awsAccessKeyId,
  bearerToken,
  connectionUrl,
  datadog,
  doppler,
  gitlab,
  googleApiKey,
  heroku,
  jwt,
  privateKey,
  sentryDsn,
  slackWebhook,
  stripe,
  twilio,
  // Last: a specific rule's finding on the same text wins over the generic one.
  secretAssignment,
];

/**
 * Regular-expression sources (case-insensitive) one of which matches any text the recommended
 * preset can flag, read from its rules: AWS, GCP, npm, Slack, basic auth and database URLs
 * (credentials before an `@`), OpenAI, Anthropic, Linear, private keys, SendGrid, Shopify,
 * GitHub, 1Password. A text matching none is never handed to secretlint, which then is not even
 * loaded. Kept narrow on purpose: `://` alone or `msg.` would load it for most source files.
 */
export const PRESET_TRIGGERS: readonly string[] = [
  'aws', 'akia', 'private_key', 'service_account', 'npm_', '_authtoken', 'xox[abpor]-', 'xapp-', 'hooks\\.slack\\.com',
  ':\\/\\/[^\\s/@\'"`]{0,100}:[^\\s/@\'"`]{1,200}@', 'sk-[\\w-]{20}', 'lin_api_', 'private key', '\\bsg\\.[\\w-]{16}', 'shp(?:at|ss|ca|pa)_',
  'gh[pousr]_', 'github_pat_', 'ops_[\\w-]{20}',
];
