/**
 * sensitive-files: files that hold credentials by their nature are refused by path, whatever
 * their content: `.env` files, private keys and keystores, cloud credential files, Terraform
 * state, anything under a `secrets/` directory. A few need a look inside: `.npmrc`/`.pypirc`
 * only with a credential in them, `credentials.json` only for a service account, `.pem` only
 * with a private key (a certificate or public key is fine). Force-added (`git add -f`) ignored
 * files are staged paths like any other, so they are checked too.
 *
 * Why: these files exist to hold secrets; committing one publishes all of them at once.
 *
 * Config: `files.sensitive` adds globs, `files.allowSensitive` exempts globs.
 *   { "files": { "sensitive": ["**\/*.sqlite"], "allowSensitive": ["test/fixtures/**"] } }
 */
import { compileMatcher, type Matcher } from '../config/glob.js';
import { messages } from '../messages.js';
import type { ChangedFile, Problem } from '../types.js';
import type { Check } from './check.js';
import { decodeText } from './secrets.text.js';

const text = messages.sensitiveFiles;

/** Built-in patterns and what each file is, for the message. */
export const SENSITIVE_PATTERNS: readonly [glob: string, what: string][] = [
  ['**/.env', 'an environment file'],
  ['**/.env.*', 'an environment file'],
  ['**/*.env', 'an environment file'],
  ['**/secrets/**', 'a file in a secrets/ directory'],
  ['**/*.{key,pem,p12,pfx,jks,keystore,p8,ppk}', 'a private key or keystore'],
  ['**/{id_rsa,id_dsa,id_ecdsa,id_ed25519,id_ecdsa_sk,id_ed25519_sk}', 'an SSH private key'],
  ['**/*.{tfstate,tfstate.backup}', 'Terraform state (it stores resource secrets in clear)'],
  ['**/.aws/credentials', 'AWS credentials'],
  ['**/{.netrc,_netrc,.pgpass,.htpasswd,.git-credentials}', 'a credentials file'],
];

/** Look-alikes that are meant to be committed. */
export const ALLOWED_PATTERNS: readonly string[] = [
  '**/.env*.{example,sample,template,dist,defaults,schema}',
  '**/*.env.{example,sample,template,dist}',
  '**/env.d.ts',
  '**/environment*.ts',
];

/** Files that are sensitive only with certain content: the test reads the staged blob. */
const BY_CONTENT: readonly [glob: string, what: string, test: (content: string) => boolean][] = [
  ['**/{.npmrc,.yarnrc,.yarnrc.yml}', 'a package-registry config with a credential', (c) => /(?:_authToken|_auth|_password|npmAuthToken)\s*[=:]\s*["']?(?!\$\{)[^\s"'$]{8,}/i.test(c)],
  ['**/.pypirc', 'a PyPI config with a password', (c) => /^\s*password\s*[=:]\s*(?!\$\{|%\()\S{4,}/im.test(c)],
  ['**/*.json', 'a cloud service-account key', (c) => /"type"\s*:\s*"service_account"/.test(c) && /"private_key"\s*:\s*"-----BEGIN/.test(c)],
];

const PRIVATE_KEY_BLOCK = /-----BEGIN [A-Z ]*PRIVATE KEY( BLOCK)?-----/;
/** Credential files are small: a larger file with one of these names is data, and is not read. */
const MAX_CONTENT_CHECK = 256 * 1024;
/** File names are matched without case: `.ENV`, `ID_RSA` and `Secrets/` are the same files on macOS and Windows. */
const NOCASE = { nocase: true };
const PEM = compileMatcher(['**/*.pem'], NOCASE);

export const sensitiveFiles: Check = {
  id: 'sensitive-files',
  why: text.why,
  async run(change, context) {
    const config = context.config.files ?? {};
    const allowed = compileMatcher([...ALLOWED_PATTERNS, ...(config.allowSensitive ?? [])], NOCASE);
    const byPath: [Matcher, string][] = [
      ...SENSITIVE_PATTERNS.map(([glob, what]): [Matcher, string] => [compileMatcher([glob], NOCASE), what]),
      ...(config.sensitive ?? []).map((glob): [Matcher, string] => [compileMatcher([glob], NOCASE), text.configured]),
    ];
    const byContent = BY_CONTENT.map(([glob, what, test]) => ({ matches: compileMatcher([glob], NOCASE), what, test }));
    const suspects: { file: ChangedFile; what: string; needs?: (content: string) => boolean }[] = [];
    for (const file of change.files ?? []) {
      if (allowed(file.path)) continue;
      const what = byPath.find(([matches]) => matches(file.path))?.[1];
      // A .pem holding only certificates or public keys is fine: read it before deciding.
      if (what && PEM(file.path) && file.readContent) suspects.push({ file, what, needs: (c) => PRIVATE_KEY_BLOCK.test(c) });
      else if (what) suspects.push({ file, what });
      else {
        const rule = byContent.find((candidate) => candidate.matches(file.path));
        if (rule && file.readContent && (file.size ?? 0) <= MAX_CONTENT_CHECK) suspects.push({ file, what: rule.what, needs: rule.test });
      }
    }
    const contents = await Promise.all(suspects.map(({ file, needs }) => (needs ? file.readContent!() : undefined)));
    const problems: Problem[] = [];
    suspects.forEach(({ file, what, needs }, index) => {
      // Read as text by content (a UTF-16 .npmrc is still one); binary content holds no such line.
      if (needs && !needs(decodeText(contents[index]!)?.text ?? '')) return;
      problems.push({
        message: text.found(file.path, what),
        file: file.path,
        ...(file.commit ? { commit: file.commit } : {}),
        fix: text.fix(context.stage, file.path, file.commit),
      });
    });
    return problems;
  },
};
