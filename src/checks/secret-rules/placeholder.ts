/**
 * Values that look like secrets but are not: references to a secret kept elsewhere
 * (`${DB_PASSWORD}`, `${{ secrets.X }}`, `%DB_PASSWORD%`, `process.env.X`, `os.environ["X"]`), template
 * markers (`<your-token>`, `{{ token }}`), documented examples (AWS's `…EXAMPLE` keys, Slack's
 * `T00000000`), and filler (`changeme`, `xxxxxxxx`, `****`). Applied to every rule's match,
 * the recommended preset's included, so one list decides for all.
 */

/** References and template syntax: the secret lives in an environment or a secret store. */
const REFERENCE =
  /\$\{|\{\{|\}\}|[%#]\{|<[^>]*>|^\$[A-Za-z_(]|%\(\w{1,40}\)[sdifr]|%s\b|^%\w{1,80}%$|^ENC\[|^arn:aws:|^(?:process\.env|import\.meta\.env|os\.environ|os\.getenv|getenv|env\(|ENV\[|secrets\.|vault:|ref\+|op:\/\/)|\bprocess\.env\b|\bos\.environ\b/;

/** Filler and documentation words. "example" also covers AWS's documented example keys. */
const FILLER =
  /example|sample|placeholder|change[-_ ]?me|changeit|your[-_ ]?(?:own[-_ ]?)?(?:\w+[-_ ])?(?:api[-_ ]?)?(?:key|token|secret|pass(?:word)?|dsn|id)|dummy|redacted|replace[-_ ]?(?:me|this|with)|insert[-_ ]?(?:your|here)|fixme|\btodo\b|notasecret|not[-_ ]?a[-_ ]?(?:real[-_ ]?)?(?:secret|key|token|password)|fake|0123456789|abcdefghij|qwerty|super[-_ ]?secret|\bmy[-_ ]?(?:\w+[-_ ])?(?:secret|password|pass|token|key)|[-_ ]here$|not[-_ ]?(?:a|my)[-_ ]?real/i;

/** Guessable stand-ins with a number or symbol tacked on: `password123`, `admin!`, `Secret2024`. */
const WEAK_STAND_IN = /^(?:password|passwd|pass|secret|admin|root|test|demo|changeme|default|qwerty|letmein|welcome|postgres|mysql)[\W_]*\d*[\W_]*$/i;

/**
 * Runs of one filler character: `xxxx`, `XXXX`, `****`, `...`, any character six times (`AIzaaaaaaa…`),
 * and zeros (Slack's `T00000000`);
 * an ellipsis `…` anywhere.
 * Zeros need six in a row: four occur by chance in about 1% of random 40-digit hex tokens.
 */
const FILLER_RUN = /([xX*#])\1{3,}|([^0])\2{5,}|\.{3}|0{6,}|_{4,}|…/;

/** Bare words that stand in for a value. */
const STAND_INS = new Set([
  'password', 'passwd', 'pass', 'secret', 'token', 'apikey', 'api_key', 'key', 'none', 'null', 'nil', 'undefined',
  'true', 'false', 'empty', 'string', 'value', 'required', 'optional', 'test', 'testing', 'admin', 'root', 'user',
  'username', 'postgres', 'mysql', 'redis', 'guest', 'default', 'secretpassword', 'mysecretpassword', 'mypassword',
  'supersecret', 'letmein', 'hunter2', 'tbd', 'n/a', 'env', 'set_me', 'setme',
]);

/**
 * Credentials that providers print in their own documentation and test suites: they are
 * everywhere in tutorials and never grant anything. (AWS's examples contain "EXAMPLE" and are
 * caught by FILLER; jwt.io's token is judged by its claims in the jwt rule.)
 */
const DOCUMENTED_EXAMPLES = new Set([
  // Stripe's API reference and quick starts.
  'sk_test_4eC39HqLyjWDarjtT1zdp7dc', 'pk_test_TYooMQauvdEDq54NiTphI7jx', 'sk_test_BQokikJOvBiI2HlWgH4olfQ2',
  'pk_test_6pRNASCoBOKtIshFeQd4XMUh', 'sk_test_26PHem9AhJZvU623DfE1x4sd', 'whsec_test_secret',
  // Slack's token documentation.
  'xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy', 'xoxp-4956821296-4969584705-4971658731-97d5da6e2b',
  // Kubernetes' documentation Secret (`admin` / `1f2d1e2e67df`), copied into countless manifests.
  '1f2d1e2e67df',
  // The Azurite storage emulator's account key, the same in every install: it opens only a local emulator.
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
  // Twilio's test-credential magic values and docs.
  'ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
]);

export function isPlaceholder(value: string): boolean {
  const trimmed = value.trim().replace(/^['"`]|['"`]$/g, '');
  if (trimmed.length < 4) return true;
  if (STAND_INS.has(trimmed.toLowerCase()) || DOCUMENTED_EXAMPLES.has(trimmed)) return true;
  if (hasSequence(trimmed) || hasInterleavedSequence(trimmed) || isMadeOfFillerWords(trimmed)) return true;
  // Words cut apart by separators still spell a stand-in: `user:pa:ss@word-secret` is "user password secret".
  if (/[^A-Za-z0-9]/.test(trimmed) && isMadeOfFillerWords(trimmed.replace(/[^A-Za-z0-9]+/g, ''))) return true;
  if (REFERENCE.test(trimmed) || FILLER.test(trimmed) || FILLER_RUN.test(trimmed) || WEAK_STAND_IN.test(trimmed)) return true;
  // Too few distinct characters to be random ("aaaaaaaa", "abababab"), or a short unit repeated ("xoxb-xoxb-xoxb-").
  if (hasAtMostDistinct(trimmed, 3) || isRepetitive(trimmed)) return true;
  // Base64 of a placeholder is a placeholder: "bm90IG15IHJlYWwgcGFzc3dvcmQ=" is "not my real password".
  // Base64 of structured data (a Grafana key is `{"k":"<random>","n":"mykey",…}`) is judged by its
  // random part, not by the words around it: not here.
  const decoded = decodePrintableBase64(trimmed);
  return decoded !== undefined && !/^[{[]/.test(decoded) && isPlaceholder(decoded);
}

/**
 * Words test data and documentation spell credentials with: a value made only of these (and
 * short numbers and separators) is a stand-in someone typed, not a generated secret:
 * `testtoken`, `abc@def-secret`, `user:pass@word-secret`, `my-api-key-123`.
 */
const FILLER_WORDS = new Set(
  ('test testing tests token tokens secret secrets pass password passwd passwords word user username users abc def ghi xyz ' +
    'foo bar baz qux quux key keys api my your our the dummy fake sample samples example examples demo value values admin ' +
    'hello world mock mocked stub some other another valid invalid wrong bad good new old dev local localhost default access ' +
    'auth private public npm github gitlab gh gl pat ghp glpat app client id server db database root guest login pwd super ' +
    'very secure insecure random string here there this that not real top unit ci bot service account ' +
    'shh hidden masked redacted xxx yyy zzz aaa bbb ccc one two three four five six seven eight nine ten').split(' '),
);
const LONGEST_FILLER = Math.max(...[...FILLER_WORDS].map((word) => word.length));

/** Maximal runs of letters or of digits: the pieces a stand-in is typed from (`my-api-key-123` is my, api, key, 123). */
const PIECE = /[a-z]+|[0-9]+/g;

export function isMadeOfFillerWords(value: string): boolean {
  const lower = value.toLowerCase();
  let words = 0;
  let singles = 0;
  // One regex pass, stopping at the first piece that is no filler: a random token fails on its first piece.
  PIECE.lastIndex = 0;
  for (let match = PIECE.exec(lower); match !== null; match = PIECE.exec(lower)) {
    const piece = match[0];
    const code = piece.charCodeAt(0);
    if (code >= 0x30 && code <= 0x39) {
      if (piece.length > 4) return false;
    } else if (piece.length === 1) singles++;
    else if (segments(piece)) words++;
    else return false;
  }
  return words > 0 && singles <= 3;
}

/** Whether `letters` splits into filler words (dynamic programming over split points: linear in length × longest word). */
function segments(letters: string): boolean {
  const reachable = new Uint8Array(letters.length + 1);
  reachable[0] = 1;
  let lastReachable = 0;
  for (let end = 1; end <= letters.length; end++) {
    // No word is longer than LONGEST_FILLER: past that gap nothing further is reachable.
    if (end - lastReachable > LONGEST_FILLER) return false;
    for (let start = Math.max(0, end - LONGEST_FILLER); start < end && !reachable[end]; start++) {
      if (reachable[start] && FILLER_WORDS.has(letters.slice(start, end))) reachable[end] = 1;
    }
    if (reachable[end]) lastReachable = end;
  }
  return reachable[letters.length] === 1;
}

/**
 * A run of six or more consecutive characters counting up or down (`123456`, `abcdef`,
 * `FEDCBA`): typed by a person writing an example, almost never produced by a generator (about
 * 1 in 40,000 for a random 32-hex token, far rarer for base62).
 */
export function hasSequence(value: string): boolean {
  let up = 1;
  let down = 1;
  for (let i = 1; i < value.length; i++) {
    const step = value.charCodeAt(i) - value.charCodeAt(i - 1);
    const alnum = isAlphanumeric(value.charCodeAt(i));
    up = step === 1 && alnum ? up + 1 : 1;
    down = step === -1 && alnum ? down + 1 : 1;
    if (up >= 6 || down >= 6) return true;
  }
  return false;
}

/**
 * Letters and digits counting up (or down) in step, taken in turn, four pairs or more:
 * `a1b2c3d4`, `1a2b3c4d`, `d4c3b2a1`. People type it to fill a value's length
 * (`shpss_a1b2c3d4e5f6…`, `px-api-a1b2c3d4-e5f6-…`); a generator produces it about once in 10^11 positions.
 */
export function hasInterleavedSequence(value: string): boolean {
  let pairs = 1;
  let direction = 0;
  for (let i = 3; i < value.length; i += 1) {
    const a = value.charCodeAt(i - 3);
    const b = value.charCodeAt(i - 2);
    const c = value.charCodeAt(i - 1);
    const d = value.charCodeAt(i);
    const step = c - a;
    const steps = (step === 1 || step === -1) && d - b === step && isAlphanumeric(a) && isAlphanumeric(b) && isAlphanumeric(c) && isAlphanumeric(d);
    const mixed = isDigit(a) !== isDigit(b);
    if (steps && mixed && (pairs === 1 || step === direction)) {
      direction = step;
      pairs++;
      if (pairs >= 4) return true;
      i++; // the next pair starts two characters on
    } else pairs = 1;
  }
  return false;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isAlphanumeric(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** Whether a value has at most `most` distinct characters; stops at the first one too many (a random token: within a few). */
function hasAtMostDistinct(value: string, most: number): boolean {
  const seen: string[] = [];
  for (const ch of value) {
    if (seen.includes(ch)) continue;
    if (seen.length === most) return false;
    seen.push(ch);
  }
  return true;
}

/**
 * A value that is a shorter unit said at least twice: `abc1abc1abc1`, `xoxb-xoxb-xoxb-`,
 * `secret_token=secret_token=`. Its smallest period is its length minus its longest proper
 * border (KMP's prefix function), found in one linear pass.
 */
export function isRepetitive(value: string): boolean {
  // One buffer reused across calls: a file of 100k matches does not allocate 100k arrays.
  if (borders.length < value.length) borders = new Uint32Array(value.length * 2);
  const border = borders;
  border[0] = 0;
  for (let i = 1, k = 0; i < value.length; i++) {
    while (k > 0 && value.charCodeAt(i) !== value.charCodeAt(k)) k = border[k - 1]!;
    if (value.charCodeAt(i) === value.charCodeAt(k)) k++;
    border[i] = k;
  }
  const period = value.length - (value.length > 0 ? border[value.length - 1]! : 0);
  return period * 2 <= value.length;
}

let borders = new Uint32Array(256);

function decodePrintableBase64(value: string): string | undefined {
  if (value.length < 12 || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return undefined;
  const text = Buffer.from(value, 'base64').toString('latin1');
  return /^[\x20-\x7e]+$/.test(text) ? text : undefined;
}
