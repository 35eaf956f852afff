/**
 * High-entropy values assigned to names that hold credentials (`*_PASSWORD`, `*_SECRET`,
 * `SECRET_KEY`, `*_TOKEN`, `*_API_KEY`, `clientSecret`…), in the forms env files, YAML, JSON,
 * TypeScript/JavaScript and Python write them. The name says "credential"; the value must look
 * random (length, entropy, mixed characters) and not be a reference or placeholder. In code
 * files an unquoted value is an expression (`process.env.X`, a variable), so only quoted
 * literals count there.
 */
import { characterClasses, entropy, type SecretRule } from './define.js';
import { BASE64, BASE64URL, fake, HEX, LOWER_ALNUM } from './fake.js';

/** The credential part a name ends with, after camelCase is split: `dbPassword` → `db_password`. */
const CREDENTIAL_NAME =
  /(?:^|_)(?:password|passwd|pwd|pass|secret|secret_?key|secret_?key_?base|client_?secret|token|auth_?token|access_?token|refresh_?token|bearer_?token|api_?key|api_?secret|access_?key|secret_?access_?key|private_?key|encryption_?key|signing_?key|master_?key|app_?key|license_?key|credentials?)$/;
/**
 * Any other `…key` name (`AZURE_OPENAI_KEY`, `account_key`, `storageKey`) holds a credential when
 * its value is long and random: a 32-hex or 40-character base64 value there is a provider's key.
 * These `…key` names hold identifiers and lookup keys instead, however random their values look,
 * or keys made for browsers (`siteKey`, `writeKey`, `searchKey`, `instrumentationKey`).
 */
const ANY_KEY_NAME = /^(?:[a-z0-9]+_)*[a-z0-9]+_?key$/;
const LOOKUP_KEY_NAME =
  /(?:^|_)(?:cache|sort|primary|foreign|partition|row|hash|range|idempotency|dedup(?:e|lication)?|lookup|index|unique|map|dict|object|item|list|node|query|group|shard|routing|message|event|composite|natural|surrogate|translation|i18n|react|site|public|pub|ssh|gpg|pgp|host|kid|storage_?path|file|s3|bucket|config|setting|env|field|column|table|attr|prop|state|cursor|page|sequence|idempotent|monkey|turnkey|hotkey|passkey|search|search_only|write|browser|client|frontend|publishable|recaptcha|hcaptcha|turnstile|maps|analytics|tracking|measurement|instrumentation|keyboard|shortcuts?|label|locale|lang|header|param|route|sitemap)_?key$|(?:^|_)(?:monkey|turnkey|hotkey|passkey|whiskey|hockey|jockey|donkey|turkey)$/;
/**
 * Names that say "not a secret" even though they end like one. A CSRF token is a per-session
 * nonce a page embeds in its own forms: random, but it guards nothing once the session is gone.
 */
const HARMLESS_NAME = /(?:^|_)(?:public|publishable|pub)_|(?:^|_)(?:csrf|xsrf)(?:_|$)|(?:_file|_path|_name|_id|_url_env|_length|_ttl|_expiry|_header)$|^(?:pwd|old_?pwd|all_?pass|any_?pass|by_?pass)$/;
/** Stylesheets name things `.fa-user-secret:before{…}`: selectors and rules, never credentials. */
const STYLESHEETS = new Set(['.css', '.scss', '.sass', '.less', '.styl', '.svg']);
const CODE_EXTENSIONS = new Set(['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.py', '.rb', '.go', '.java', '.kt', '.cs', '.php', '.ps1', '.psm1', '.pl', '.pm']);

/**
 * The name an assignment's credential word ends: the run of name characters before `end`, back to
 * at most 80 characters. Undefined when it is part of an expression (`${token}`, `a.b$c`).
 */
function nameEndingAt(text: string, end: number): string | undefined {
  let start = end;
  while (start > 0 && end - start < 90 && /[\w.-]/.test(text[start - 1]!)) start--;
  // A quote may open the name (`"token": …`); a `$` or a word character before it means an expression
  // or a cut-off run, and a `/` a URL (`https://x-access-token:…@host` is the basic-auth rule's).
  // A `$` that starts a word is a variable's sigil in PHP, PowerShell and Perl (`$token = "…"`).
  const sigil = start > 0 && text[start - 1] === '$' && (start === 1 || !/[\w$.]/.test(text[start - 2]!));
  if (start > 0 && !sigil && /[\w$/]/.test(text[start - 1]!)) return undefined;
  const name = text.slice(start, end).replace(/^[.-]+/, '');
  return /^[A-Za-z_]/.test(name) ? name : undefined;
}

export function normalizeName(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[.-]/g, '_')
    .toLowerCase();
}

/** The credential word a normalised name ends with, for the finding's explanation. */
const KEYWORD = /(?:password|passwd|pwd|pass|secret_?key_?base|secret_?access_?key|client_?secret|api_?secret|secret_?key|secret|auth_?token|access_?token|refresh_?token|bearer_?token|token|api_?key|access_?key|private_?key|encryption_?key|signing_?key|master_?key|app_?key|license_?key|credentials?|key)$/;

/** Values that are random but not secret: identifiers, digests and public or encrypted material. */
const NOT_A_SECRET = [
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, // a UUID names a thing; it grants nothing
  /^\$(?:2[abxy]?|argon2(?:id|i|d)|[156]|pbkdf2[\w-]*|scrypt|bcrypt)\$/, // password hashes (bcrypt, argon2, crypt)
  /^(?:pbkdf2_sha\d+|bcrypt_sha256|argon2|sha\d+|md5)\$/, // Django's password hashes
  /^(?:sha(?:1|256|384|512)|md5)[-:]/i, // integrity and digest strings
  // Blockchain addresses. A legacy Bitcoin address is base58 of mixed case: a hex key that starts
  // with 1 or 3 and happens to hold no 0 (one 32-hex key in 60) is not one.
  /^0x[0-9a-fA-F]{40}$|^(?:bc1|tb1)[02-9ac-hj-np-z]{25,90}$|^[13](?![0-9a-f]+$)[1-9A-HJ-NP-Za-km-z]{25,34}$/,
  /^(?:pk|pub)[._](?:live_|test_|eyJ)|^sb_publishable_/, // publishable keys made for browsers
  /^(?:ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-|age1[02-9ac-hj-np-z]{20})/, // public keys
  /^(?:ENC\[|\$ANSIBLE_VAULT|vault:v\d|-----BEGIN AGE)/, // SOPS, ansible-vault, Vault transit and age ciphertext (sealed-secrets values exceed the length bound)
];

export const secretAssignment: SecretRule = {
  id: 'mcflow/secret-assignment',
  description: 'password, secret or token value',
  keywords: ['pass', 'pwd', 'secret', 'token', 'key', 'credential'],
  patterns: [
    // NAME=value, NAME: value, "name": "value", name = 'value', name => "value"; optional `export`.
    // The match starts at the credential word the name ends with (a regex that started at every
    // name would try 80 characters from every position); verify reads the rest of the name back.
    // The value must end where its run ends: a 300-character blob is not cut to a 200-character "password".
    // A short number may follow the word (`api_token_2`, `DB_PASSWORD1`): a second credential of the same kind.
    /(?<keyword>pass(?:word|wd)?|pwd|secret|token|key|key_?base|credentials?)(?:[_-]?\d{1,4})?["']?\]?[ \t]{0,10}(?::=|=>|[:=])[ \t]{0,10}(?<quote>["'`]?)(?<secret>[^\s"'`,;)}\]]{8,200})(?![^\s"'`,;)}\]])\k<quote>/gdi,
    // .NET appSettings and similar key/value elements: `<add key="SmtpPassword" value="…" />`.
    /<add[ \t]{1,5}key=["'][\w.:-]{0,60}?(?<keyword>pass(?:word|wd)?|pwd|secret|token|key|credentials?)["'][ \t]{1,5}value=(?<quote>["'])(?<secret>[^\s"'<>]{8,200})\k<quote>/gdi,
  ],
  verify: (value, match, { ext }) => {
    const keywordEnd = (match as RegExpExecArray & { indices?: { groups?: Record<string, [number, number]> } }).indices?.groups?.keyword?.[1];
    const rawName = nameEndingAt(match.input, keywordEnd ?? match.index + match.groups!.keyword!.length);
    if (rawName === undefined) return false;
    const name = normalizeName(rawName);
    const anyKey = !CREDENTIAL_NAME.test(name);
    if ((anyKey && (!ANY_KEY_NAME.test(name) || LOOKUP_KEY_NAME.test(name) || name === 'key')) || HARMLESS_NAME.test(name)) return false;
    if (STYLESHEETS.has(ext) || (CODE_EXTENSIONS.has(ext) && match.groups!.quote === '')) return false;
    // A dotted or called expression, or a plain identifier, is code, not a value.
    if (/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$|[({<>]/.test(value)) return false;
    // A query string (`st=…&se=…&sr=c`, a SAS token's fields) is judged by its own parameters: a
    // signature there is the azure rule's, and the rest (dates, versions, flags) are not secret.
    if (/^(?:[\w.-]{1,30}=[^&\s]{0,200}&){2,30}/.test(value)) return false;
    // A PowerShell cmdlet (`Read-Host`, `ConvertTo-SecureString`) reads or converts a value; it is not one.
    if (/^[A-Z][a-z]{1,15}(?:[A-Z][a-z]{1,15})?-[A-Z][A-Za-z]{2,40}$/.test(value)) return false;
    // A CSS selector or element id (`'#add-password'`, `'.reset-token'`) names a thing on a page.
    if (/^[#.][A-Za-z][\w-]{0,80}$/.test(value)) return false;
    // A JSON Web Token is the jwt rule's: it reads the claims (a Supabase anon key is public by design).
    if (/^eyJ[\w-]{4,}\.eyJ/.test(value)) return false;
    // A URL is the connection-url and basic-auth rules' (they judge its password, not the whole URL).
    if (/^[a-z][a-z0-9+.-]{1,20}:\/\//i.test(value)) return false;
    // An AWS secret access key is exactly 40 characters: another length under that name is not one (often ciphertext).
    if (/(?:^|_)aws_secret_access_key$/.test(name) && value.length !== 40) return false;
    // A Slack token's team and user ids are 8 digits or more: `xoxp-1234-1234-1234-…` is the
    // documentation's shape, which the slack rule rejects, not an unknown format.
    if (/^xox[a-z]-(?:\d{1,5}-){2}/.test(value)) return false;
    // Stripe's test-mode keys are the stripe rule's (a warning there).
    if (/^(?:sk|rk)_test_/.test(value)) return false;
    if (NOT_A_SECRET.some((shape) => shape.test(value))) return false;
    // A trailing `=` or `:` is the next assignment's, not the value's (`a_token=b_token=`).
    const bare = value.replace(/[=:]{1,3}$/, '');
    // Paths (`PWD=/home/ann`), constant names (`TOKEN_STRING`), identifiers in any case style and
    // dotted/kebab words (`gitlab-ci-token`) are not values a person keeps secret.
    if (/^(?:\/|~\/|\.\.?\/|[A-Za-z]:\\)/.test(value) || /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(bare) || /^[a-z]+(?:[A-Z][a-z]+)+$/.test(bare) || /^[a-z]+(?:[-_.][a-z]+)+$/.test(bare)) return false;
    if (/^\d+$/.test(value) || /^(?:https?:\/\/)?[\w.-]+\.(?:com|org|io|net|dev)(?:\/\S*)?$/.test(value) || /^[^@\s]+@[\w-]+\.[\w.-]+$/.test(value)) return false;
    // Version strings and dates: `1.2.3-beta.4`, `2024-01-01T00:00:00Z`.
    if (/^v?\d+(?:\.\d+){1,3}(?:[-+][\w.]+)?$|^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+Z?)?$/.test(value)) return false;
    const passwordLike = /(?:pass|pwd)/.test(name);
    const minimum = passwordLike ? 8 : 12;
    const bits = entropy(value);
    const classes = characterClasses(value);
    // Two kinds of character need more spread than three or four: "overEvery" is a word, "Xq7!pLm2" is not.
    const threshold = classes >= 3 && passwordLike ? 2.5 : 3;
    if (value.length < minimum || classes < 2 || bits < threshold) return false;
    // A name that only ends in "key" needs a value no person types: 32 characters or more, spread
    // like random hex or lower-case alphanumerics (a random 32-hex value is near 3.7 bits) or
    // random base64 (near 5).
    if (anyKey && (value.length < 32 || bits < (/^[0-9a-z]+$/.test(value) || /^[0-9A-F]+$/.test(value) ? 3.3 : 4))) return false;
    const keyword = KEYWORD.exec(name)?.[0] ?? name;
    const alphabet = /^[0-9a-f]+$/i.test(value) ? 'hex' : /^[A-Za-z0-9+/_-]+={0,2}$/.test(value) ? 'base64' : 'mixed';
    return {
      description: `value of ${JSON.stringify(rawName)} (name says "${keyword.replace(/_/g, '')}"; Shannon entropy ${bits.toFixed(1)} bits/char ≥ ${threshold} over ${classes} character classes, ${alphabet})`,
    };
  },
  get samples() {
    return {
      secrets: [
        'POSTGRES_PASSWORD=HgxzNN&AL5#wIS',
        'export ADMIN_PASSWORD="Adm1n!x7Qz2024"',
        'SECRET_KEY = "django-insecure-u8jzPde0IgxLd6GncfBAepfJ"',
        'jwt_secret: Bd0Kh8oOOL8dKLzdocJ2isAjIhKt',
        '{ "clientSecret": "mwufUxbvJDCTbyvHNsG9eh6Yo4gf" }',
        'const apiKey = "k3y_u8jzPde0IgxLd6GncfBA";',
        'INTERNAL_API_KEY=4f1d9c2e7b8a6d5c3e1f0a9b8c7d6e5f',
        'password=Xq7!pLm2vR9tK',
        '"token": "Bd0Kh8oOOL8dKLzdocJ2isAjIhKt"',
        `$token = "${fake('sa-sigil', 52, LOWER_ALNUM)}"`,
        `AZURE_OPENAI_KEY=${fake('sa-anykey-hex', 32, HEX)}`,
        `'account_key' => '${fake('sa-anykey-b64', 86, BASE64)}==',`,
        `license_key: ${fake('sa-license', 40, HEX)}`,
        // A hex key that starts with 3 and holds no 0 is not a Bitcoin address.
        `OPENAI_API_KEY=3${fake('sa-btc', 31, '123456789abcdef')}`,
        `backup_api_token_2 = "${fake('sa-numbered', 40)}"`,
        `<add key="SmtpPassword" value="${fake('sa-appsettings', 14)}!" />`,
        `os.environ["OPENAI_API_KEY"] = '${fake('sa-subscript', 32, HEX)}'`,
        `AZURE_APIM_SUBSCRIPTION_KEY=${fake('sa-lower-alnum', 32, LOWER_ALNUM)}`,
      ],
      notSecrets: [
        'POSTGRES_PASSWORD=${POSTGRES_PASSWORD}',
        'password: ${{ secrets.DB_PASSWORD }}',
        'const apiKey = process.env.API_KEY;',
        'SECRET_KEY = os.environ["SECRET_KEY"]',
        'ADMIN_PASSWORD=changeme',
        'API_TOKEN=<your-token>',
        'POSTGRES_PASSWORD=postgres',
        'MAX_TOKENS=4096',
        'password = getPassword(user)',
        'STRIPE_PUBLISHABLE_KEY=pk_live_u8jzPde0IgxLd6GncfBAepfJ',
        'GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'token: this.session.accessToken',
        'DB_PASSWORD=password123',
        "PWD: '/Users/ann/projects'",
        "'allPass': 'overEvery',",
        'TOKEN: "TOKEN_STRING",',
        "token: 'my-auth-token-here'",
        "const USE_CREDENTIALS = 'use-credentials'",
        "password: 'bm90IG15IHJlYWwgcGFzc3dvcmQ=',",
        'JWT_SECRET="my-super-secret-jwt-key"',
        'password: ENC[AES256_GCM,data:Tr7o=,iv:1Xq=,tag:9Q==,type:str]',
        'password: "#{db_password}"',
        '.fa-user-secret:before{content:"\\f21b"}.fa-motorcycle:before{content:"\\f21c"}',
        "this.resetPassword = '#reset-password-form';",
        `cache_key: "${fake('sa-cache', 32, HEX)}"`,
        `sort_key = "${fake('sa-sort', 40)}"`,
        `"key": "${fake('sa-bare', 40)}"`,
        `storageKey: "${fake('sa-short', 20)}"`,
        `ssh_host_key: "${fake('sa-ssh', 44, BASE64)}"`,
        `const recaptchaSiteKey = "6Lc${fake('sa-recaptcha', 37, BASE64URL)}";`,
        `analytics.load({ writeKey: "${fake('sa-segment', 32)}" })`,
        `foo.$token = "${fake('sa-prop', 24)}"`,
        '$password = Read-Host -AsSecureString',
        '$securePassword = ConvertTo-SecureString $plain -AsPlainText -Force',
        'MAX_TOKENS_2=4096',
        '<add key="PasswordMinLength" value="12345678" />',
        '<add key="ApiKeyHeaderName" value="X-Api-Key-Header" />',
        '<add key="ClearTextPassword" value="%NUGET_FEED_PASSWORD%" />',
        `AWS_SECRET_ACCESS_KEY = ${fake('sa-aws-enc', 54, BASE64)}==`,
        'MYSQL_TEST_CREDENTIALS = "mysql://mysql:mysql@localhost:3306/test"',
        `"token2": "xoxp-4321-8765-2109-${fake('sa-xoxp', 32, HEX)}"`,
        `credit_card_type = "${fake('sa-credit', 20)}"`,
        'AZURE_SAS_TOKEN=sp=r&st=2031-05-01T10:00:00Z&se=2031-05-02T10:00:00Z&spr=https&sv=2024-08-04&sr=b',
        'CSRF_TOKEN=Wq8Zt3kL9vNx2RbP7yHm4JdC',
        'xsrf-token: "b7Kp2Qw9Xz4Lm8Nr3Tv6Yc1H"',
      ],
      ext: '.env',
    };
  },
};
