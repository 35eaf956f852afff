/**
 * Values that look like secrets but are not: references to a secret kept elsewhere
 * (`${DB_PASSWORD}`, `${{ secrets.X }}`, `process.env.X`, `os.environ["X"]`), template
 * markers (`<your-token>`, `{{ token }}`), documented examples (AWS's `…EXAMPLE` keys, Slack's
 * `T00000000`), and filler (`changeme`, `xxxxxxxx`, `****`). Applied to every rule's match,
 * the recommended preset's included, so one list decides for all.
 */

/** References and template syntax: the secret lives in an environment or a secret store. */
const REFERENCE =
  /\$\{|\{\{|\}\}|[%#]\{|<[^>]*>|^\$[A-Za-z_(]|%\(|%s\b|^ENC\[|^arn:aws:|^(?:process\.env|import\.meta\.env|os\.environ|os\.getenv|getenv|env\(|ENV\[|secrets\.|vault:|ref\+|op:\/\/)|\bprocess\.env\b|\bos\.environ\b/;

/** Filler and documentation words. "example" also covers AWS's documented example keys. */
const FILLER =
  /example|sample|placeholder|change[-_ ]?me|changeit|your[-_ ]?(?:own[-_ ]?)?(?:\w+[-_ ])?(?:api[-_ ]?)?(?:key|token|secret|pass(?:word)?|dsn|id)|dummy|redacted|replace[-_ ]?(?:me|this|with)|insert[-_ ]?(?:your|here)|fixme|\btodo\b|notasecret|not[-_ ]?a[-_ ]?(?:real[-_ ]?)?(?:secret|key|token|password)|fake|0123456789|abcdefghij|qwerty|super[-_ ]?secret|\bmy[-_ ]?(?:\w+[-_ ])?(?:secret|password|pass|token|key)|[-_ ]here$|not[-_ ]?(?:a|my)[-_ ]?real/i;

/** Guessable stand-ins with a number or symbol tacked on: `password123`, `admin!`, `Secret2024`. */
const WEAK_STAND_IN = /^(?:password|passwd|pass|secret|admin|root|test|demo|changeme|default|qwerty|letmein|welcome|postgres|mysql)[\W_]*\d*[\W_]*$/i;

/**
 * Runs of one filler character: `xxxx`, `XXXX`, `****`, `....`, and zeros (Slack's `T00000000`);
 * an ellipsis `…` anywhere.
 * Zeros need six in a row: four occur by chance in about 1% of random 40-digit hex tokens.
 */
const FILLER_RUN = /([xX*.#])\1{3,}|0{6,}|_{4,}|…/;

/** Bare words that stand in for a value. */
const STAND_INS = new Set([
  'password', 'passwd', 'pass', 'secret', 'token', 'apikey', 'api_key', 'key', 'none', 'null', 'nil', 'undefined',
  'true', 'false', 'empty', 'string', 'value', 'required', 'optional', 'test', 'testing', 'admin', 'root', 'user',
  'username', 'postgres', 'mysql', 'redis', 'guest', 'default', 'secretpassword', 'mysecretpassword', 'mypassword',
  'supersecret', 'letmein', 'hunter2', 'tbd', 'n/a', 'env', 'set_me', 'setme',
]);

export function isPlaceholder(value: string): boolean {
  const trimmed = value.trim().replace(/^['"`]|['"`]$/g, '');
  if (trimmed.length < 4) return true;
  if (STAND_INS.has(trimmed.toLowerCase())) return true;
  if (REFERENCE.test(trimmed) || FILLER.test(trimmed) || FILLER_RUN.test(trimmed) || WEAK_STAND_IN.test(trimmed)) return true;
  // Too few distinct characters to be random ("aaaaaaaa", "abababab"), or a short unit repeated ("xoxb-xoxb-xoxb-").
  if (new Set(trimmed).size <= 3 || isRepetitive(trimmed)) return true;
  // Base64 of a placeholder is a placeholder: "bm90IG15IHJlYWwgcGFzc3dvcmQ=" is "not my real password".
  const decoded = decodePrintableBase64(trimmed);
  return decoded !== undefined && isPlaceholder(decoded);
}

/**
 * A value that is a shorter unit said at least twice: `abc1abc1abc1`, `xoxb-xoxb-xoxb-`,
 * `secret_token=secret_token=`. Its smallest period is its length minus its longest proper
 * border (KMP's prefix function), found in one linear pass.
 */
export function isRepetitive(value: string): boolean {
  const border = new Uint32Array(value.length);
  for (let i = 1, k = 0; i < value.length; i++) {
    while (k > 0 && value.charCodeAt(i) !== value.charCodeAt(k)) k = border[k - 1]!;
    if (value.charCodeAt(i) === value.charCodeAt(k)) k++;
    border[i] = k;
  }
  const period = value.length - (border[value.length - 1] ?? 0);
  return period * 2 <= value.length;
}

function decodePrintableBase64(value: string): string | undefined {
  if (value.length < 12 || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return undefined;
  const text = Buffer.from(value, 'base64').toString('latin1');
  return /^[\x20-\x7e]+$/.test(text) ? text : undefined;
}
