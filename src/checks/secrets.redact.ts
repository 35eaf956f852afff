/**
 * A secret never leaves the check whole: reports carry a masked excerpt (the public prefix
 * that names the kind of token, and the last 4 characters of long values) and a fingerprint.
 * The fingerprint derives from rule + value only, not commit or line, so it survives rebases and
 * squashes, is the same on every laptop and in CI, and can be allow-listed without writing the
 * secret into the config.
 *
 * A fingerprint is printed in CI logs and SARIF, so it must not give the value back:
 * - a value a person may have chosen (a password in an assignment or a URL, a bearer token,
 *   anything from a rule not known to match generated tokens) goes through scrypt
 *   (N=2^14, r=8: 16 MiB and tens of milliseconds per guess, measured in the README), so a
 *   dictionary costs that much per word instead of a microsecond of sha256;
 * - a provider-generated token (`ghp_…`, `sk_live_…`, AKIA…, a private key) has over 100 bits
 *   of randomness no dictionary covers: a domain-separated sha256 is enough and costs nothing.
 * A keyed hash (HMAC) was not used: laptops and CI must compute the same fingerprint, so the key
 * would have to live in the repository, where the attacker reads it.
 */
/**
 * node:crypto is loaded on the first fingerprint, not with this module: requiring it costs a few
 * milliseconds (OpenSSL bindings), and the commit-msg hook loads this bundle for every message.
 */
function crypto(): typeof import('node:crypto') {
  return process.getBuiltinModule('node:crypto') as typeof import('node:crypto');
}

/** Prefixes that say what a token is without revealing any of its secret part. */
const PUBLIC_PREFIX =
  /^(?:(?:sk|rk|pk)_(?:live|test)_|whsec_|gh[pousr]_|github_pat_|gl[a-z]{1,5}-|GR1348941|xox[a-z]-|AKIA|ASIA|AIza|HRKU-|dp\.[a-z]{2,5}\.|eyJ|SG\.|npm_|shp[a-z]{2}_|sk-(?:ant-|proj-)?|lin_api_|ops_|(?:jdbc:)?[a-z][a-z0-9+.-]*:\/\/)/;

export function maskSecret(value: string): string {
  const secret = value.trim();
  const prefix = PUBLIC_PREFIX.exec(secret)?.[0] ?? '';
  const rest = secret.slice(prefix.length);
  // Short values show nothing of themselves: 4 characters of an 10-character password is too many.
  const tail = rest.length >= 20 ? rest.slice(-4) : '';
  return `${prefix}****${tail ? `...${tail}` : ''}`;
}

/** Every fingerprint printed since v2 starts so; 16 bare hex digits are the old, reversible kind. */
export const FINGERPRINT_PREFIX = 'fp2-';
const OLD_FINGERPRINT = /^[0-9a-f]{16}$/;

export function isOldFingerprint(fingerprint: string): boolean {
  return OLD_FINGERPRINT.test(fingerprint);
}

/**
 * Rules whose every match is a token a provider generated (a fixed format around a long random
 * body). Any other rule, and any rule added later, gets the slow fingerprint: the safe default.
 * Not here although they look like it: secretlint/npm (an .npmrc `_auth` is base64 of a user's
 * own password), mcflow/jwt (an unsigned token is readable claims, not randomness).
 */
const GENERATED_TOKEN_RULES = new Set([
  'mcflow/aws-access-key-id',
  'mcflow/datadog',
  'mcflow/doppler',
  'mcflow/gitlab',
  'mcflow/google-api-key',
  'mcflow/heroku',
  'mcflow/private-key',
  'mcflow/sentry-dsn',
  'mcflow/slack-webhook',
  'mcflow/stripe',
  'mcflow/twilio',
  'secretlint/aws',
  'secretlint/gcp',
  'secretlint/slack',
  'secretlint/openai',
  'secretlint/anthropic',
  'secretlint/linear',
  'secretlint/privatekey',
  'secretlint/sendgrid',
  'secretlint/shopify',
  'secretlint/github',
  'secretlint/1password',
]);

/** True when the rule's values may be human-chosen, so the fingerprint must be slow to guess. */
export function needsSlowFingerprint(rule: string): boolean {
  return !GENERATED_TOKEN_RULES.has(rule);
}

/**
 * scrypt cost: N=2^14, r=8, p=1 is 128·N·r = 16 MiB of memory and ~30 ms of a core per guess.
 * N=2^15 doubles both; it was measured too and rejected: an audit that meets 2,000 distinct
 * passwords would then spend over a minute of a 2-core machine on fingerprints alone.
 */
export const SCRYPT_PARAMS = { N: 2 ** 14, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
const DOMAIN = 'mcflow-hooks fingerprint v2';

/**
 * Fingerprints computed in this process, by rule and value: audit meets the same secret in
 * many commits, and each scrypt costs tens of milliseconds. Bounded so a huge history cannot
 * grow it without limit.
 */
const memo = new Map<string, Promise<string>>();
const MEMO_LIMIT = 10_000;

/** `fp2-` and 16 hex digits: scrypt or sha256 (see the header) of rule + value. */
export function fingerprintSecret(rule: string, value: string): Promise<string> {
  const key = `${rule}\0${value.trim()}`;
  let fingerprint = memo.get(key);
  if (!fingerprint) {
    fingerprint = needsSlowFingerprint(rule) ? slowDigest(rule, value.trim()) : Promise.resolve(fastDigest(rule, value.trim()));
    if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value!);
    memo.set(key, fingerprint);
  }
  return fingerprint;
}

function fastDigest(rule: string, value: string): string {
  return FINGERPRINT_PREFIX + crypto().createHash('sha256').update(`${DOMAIN}\0${rule}\0${value}`).digest('hex').slice(0, 16);
}

/** Salted by rule: the same password under two rules gives two unrelated fingerprints. */
function slowDigest(rule: string, value: string): Promise<string> {
  return new Promise((resolve, reject) => {
    // Async: runs on libuv's thread pool, so many findings use every core.
    crypto().scrypt(value, `${DOMAIN}\0${rule}`, 8, SCRYPT_PARAMS, (error, key) => {
      if (error) reject(error);
      else resolve(FINGERPRINT_PREFIX + key.toString('hex'));
    });
  });
}

/**
 * The fingerprint versions before v2 printed (16 hex digits of a bare sha256). Computed only to
 * tell a user which new fingerprint replaces an old `secrets.allow` entry; never printed.
 */
export function oldFingerprint(rule: string, value: string): string {
  return crypto().createHash('sha256').update(`${rule}\0${value.trim()}`).digest('hex').slice(0, 16);
}
