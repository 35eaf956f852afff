/**
 * The rules mcflow-hooks adds to secretlint's recommended preset: one file per provider family
 * or shape, each with its own true- and false-positive samples (formats read from the providers'
 * documentation and from gitleaks' and trufflehog's definitions; samples our own, generated).
 */
import { age } from './age.js';
import { algolia } from './algolia.js';
import { anthropic } from './anthropic.js';
import { atlassian } from './atlassian.js';
import { awsAccessKeyId } from './aws-access-key-id.js';
import { awsCredentials } from './aws-credentials.js';
import { azure } from './azure.js';
import { bearerToken } from './bearer-token.js';
import { braintree } from './braintree.js';
import { cloudflare } from './cloudflare.js';
import { connectionUrl } from './connection-url.js';
import { curlCredentials } from './curl-credentials.js';
import { databricks } from './databricks.js';
import { datadog } from './datadog.js';
import type { SecretRule } from './define.js';
import { discord } from './discord.js';
import { docker } from './docker.js';
import { doppler } from './doppler.js';
import { frameworkSecretKey } from './framework-secret-key.js';
import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { googleApiKey } from './google-api-key.js';
import { googleOauth } from './google-oauth.js';
import { grafana } from './grafana.js';
import { heroku } from './heroku.js';
import { huggingface } from './huggingface.js';
import { jenkinsCredentials } from './jenkins-credentials.js';
import { jwt } from './jwt.js';
import { kubernetesSecret } from './kubernetes-secret.js';
import { linear } from './linear.js';
import { mailchimp } from './mailchimp.js';
import { mailgun } from './mailgun.js';
import { mapbox } from './mapbox.js';
import { netlify } from './netlify.js';
import { netrc } from './netrc.js';
import { newRelic } from './new-relic.js';
import { notion } from './notion.js';
import { npmToken } from './npm-token.js';
import { openai } from './openai.js';
import { postman } from './postman.js';
import { privateKey } from './private-key.js';
import { pulumi } from './pulumi.js';
import { puttyKey } from './putty-key.js';
import { pypi } from './pypi.js';
import { secretAssignment } from './secret-assignment.js';
import { sendgrid } from './sendgrid.js';
import { sentryDsn } from './sentry-dsn.js';
import { sentry } from './sentry.js';
import { shopify } from './shopify.js';
import { slackWebhook } from './slack-webhook.js';
import { slack } from './slack.js';
import { square } from './square.js';
import { stripe } from './stripe.js';
import { supabase } from './supabase.js';
import { terraform } from './terraform.js';
import { twilio } from './twilio.js';
import { vault } from './vault.js';
import { vercel } from './vercel.js';

export const SECRET_RULES: readonly SecretRule[] = [
  age,
  algolia,
  anthropic,
  atlassian,
  awsAccessKeyId,
  awsCredentials,
  azure,
  bearerToken,
  braintree,
  cloudflare,
  connectionUrl,
  curlCredentials,
  databricks,
  datadog,
  discord,
  docker,
  doppler,
  frameworkSecretKey,
  github,
  gitlab,
  googleApiKey,
  googleOauth,
  grafana,
  heroku,
  huggingface,
  jenkinsCredentials,
  jwt,
  kubernetesSecret,
  linear,
  mailchimp,
  mailgun,
  mapbox,
  netlify,
  netrc,
  newRelic,
  notion,
  npmToken,
  openai,
  postman,
  privateKey,
  pulumi,
  puttyKey,
  pypi,
  sendgrid,
  sentryDsn,
  sentry,
  shopify,
  slackWebhook,
  slack,
  square,
  stripe,
  supabase,
  terraform,
  twilio,
  vault,
  vercel,
  // Last: a specific rule's finding on the same text wins over the generic one.
  secretAssignment,
];

/**
 * Rules for shapes any credential can take (a header, a URL, a command line, a manifest): when
 * one matches the same text as a provider's rule, the provider's finding wins (it knows the
 * format, and whether the key is public by design); the generic assignment rule comes last.
 */
export const SHAPE_RULES: ReadonlySet<string> = new Set([
  'mcflow/bearer-token', 'mcflow/curl-credentials', 'mcflow/connection-url', 'mcflow/kubernetes-secret', 'mcflow/netrc',
]);

/**
 * Recommended-preset rules our rules replace: ours cover the same formats and more (every Slack
 * family, GitHub checksums, keys in string literals) with the shared placeholder filter, and
 * the preset's versions flag documented placeholders (`xoxe.xoxp-1-RANDOMSTRINGHERE`) or quote a
 * key name as the secret. Their messages are dropped (secretlint ignores `disabled` inside a preset),
 * so each format has one rule and one verdict.
 */
export const REPLACED_PRESET_RULES: readonly string[] = [
  'aws', 'github', 'npm', 'slack', 'openai', 'anthropic', 'linear', 'privatekey', 'sendgrid', 'shopify',
];

/**
 * Regular-expression sources (case-insensitive) one of which matches any text the preset rules
 * still enabled can flag: GCP service accounts, basic auth and database URLs (credentials
 * before an `@`), 1Password service-account tokens. A text matching none is never handed to
 * secretlint, which then is not even loaded. Kept narrow on purpose: `://` alone would load it
 * for most source files.
 */
export const PRESET_TRIGGERS: readonly string[] = [
  'private_key', 'service_account', ':\\/\\/[^\\s/@\'"`]{0,100}:[^\\s/@\'"`]{1,200}@', 'ops_[\\w-]{20}',
];
