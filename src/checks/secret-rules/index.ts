/**
 * The rules mcflow-hooks adds to secretlint's recommended preset, for what the preset misses
 * (measured on realistic secrets: about half were missed). One file per rule, each with its
 * own true- and false-positive samples.
 */
import { awsAccessKeyId } from './aws-access-key-id.js';
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
 * Lower-case strings at least one of which occurs in any text the recommended preset can flag
 * (read from its rules: AWS, GCP, npm, Slack, basic auth, OpenAI, Anthropic, Linear, private
 * keys, SendGrid, Shopify, GitHub, 1Password, database connection strings). A file with none of
 * these nor any of our rules' keywords is not handed to secretlint at all.
 */
export const PRESET_KEYWORDS: readonly string[] = [
  'aws', 'akia', 'private_key', 'service_account', 'npm_', '_authtoken', 'xox', 'hooks.slack.com', '://', 'sk-', 'lin_api_',
  'private key', 'sg.', 'shpat_', 'shpss_', 'shpca_', 'shppa_', 'ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_', 'ops_',
  'mongodb', 'postgres', 'mysql', 'password', 'xapp-',
];
