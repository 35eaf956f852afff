/**
 * High-entropy values assigned to names that hold credentials (`*_PASSWORD`, `*_SECRET`,
 * `SECRET_KEY`, `*_TOKEN`, `*_API_KEY`, `clientSecret`…), in the forms env files, YAML, JSON,
 * TypeScript/JavaScript and Python write them. The name says "credential"; the value must look
 * random (length, entropy, mixed characters) and not be a reference or placeholder. In code
 * files an unquoted value is an expression (`process.env.X`, a variable), so only quoted
 * literals count there.
 */
import { characterClasses, entropy, type SecretRule } from './define.js';

/** The credential part a name ends with, after camelCase is split: `dbPassword` → `db_password`. */
const CREDENTIAL_NAME =
  /(?:^|_)(?:password|passwd|pwd|pass|secret|secret_?key|secret_?key_?base|client_?secret|token|auth_?token|access_?token|refresh_?token|bearer_?token|api_?key|api_?secret|access_?key|secret_?access_?key|private_?key|encryption_?key|signing_?key|master_?key|app_?key|credentials?)$/;
/** Names that say "not a secret" even though they end like one. */
const HARMLESS_NAME = /(?:^|_)(?:public|publishable|pub)_|(?:_file|_path|_name|_id|_url_env|_length|_ttl|_expiry|_header)$|^(?:pwd|old_?pwd|all_?pass|any_?pass|by_?pass)$/;
const CODE_EXTENSIONS = new Set(['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.py', '.rb', '.go', '.java', '.kt', '.cs', '.php']);

export function normalizeName(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[.-]/g, '_')
    .toLowerCase();
}

export const secretAssignment: SecretRule = {
  id: 'mcflow/secret-assignment',
  description: 'password, secret or token value',
  keywords: ['pass', 'pwd', 'secret', 'token', 'key', 'credential'],
  patterns: [
    // NAME=value, NAME: value, "name": "value", name = 'value', name => "value"; optional `export`.
    // The name must end in a credential word here already: most `a: b` pairs in code never reach verify.
    /(?<![\w$])["']?(?<name>(?:[A-Za-z_][\w.-]{0,80}?)?(?:pass(?:word|wd)?|pwd|secret|token|key|key_?base|credentials?))["']?[ \t]{0,10}(?::=|=>|[:=])[ \t]{0,10}(?<quote>["'`]?)(?<secret>[^\s"'`,;)}\]]{8,200})\k<quote>/gdi,
  ],
  verify: (value, match, { ext }) => {
    const name = normalizeName(match.groups!.name!);
    if (!CREDENTIAL_NAME.test(name) || HARMLESS_NAME.test(name)) return false;
    if (CODE_EXTENSIONS.has(ext) && match.groups!.quote === '') return false;
    // A dotted or called expression, or a plain identifier, is code, not a value.
    if (/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$|\(/.test(value)) return false;
    // Stripe's test-mode keys reach no real money or data.
    if (/^(?:sk|rk|pk)_test_/.test(value)) return false;
    // Paths (`PWD=/home/ann`), constant names (`TOKEN_STRING`) and camelCase identifiers are not values a person keeps secret.
    // A trailing `=` or `:` is the next assignment's, not the value's (`a_token=b_token=`).
    const bare = value.replace(/[=:]{1,3}$/, '');
    if (/^(?:\/|~\/|\.\.?\/|[A-Za-z]:\\)/.test(value) || /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(bare) || /^[a-z]+(?:[A-Z][a-z]+)+$/.test(bare) || /^[a-z]+(?:[-_.][a-z]+)+$/.test(bare)) return false;
    if (/^\d+$/.test(value) || /^(?:https?:\/\/)?[\w.-]+\.(?:com|org|io|net|dev)(?:\/\S*)?$/.test(value)) return false;
    const passwordLike = /(?:pass|pwd)/.test(name);
    const minimum = passwordLike ? 8 : 12;
    const bits = entropy(value);
    const classes = characterClasses(value);
    // Two kinds of character need more spread than three or four: "overEvery" is a word, "Xq7!pLm2" is not.
    return value.length >= minimum && classes >= 2 && bits >= (classes >= 3 && passwordLike ? 2.5 : 3);
  },
  samples: {
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
    ],
    ext: '.env',
  },
};
