/**
 * A secret never leaves the check whole: reports carry a masked excerpt (the public prefix
 * that names the kind of token, and the last 4 characters of long values) and a fingerprint.
 * The fingerprint hashes rule + value only, not commit or line, so it survives rebases and
 * squashes and can be allow-listed without writing the secret into the config.
 */
import { createHash } from 'node:crypto';

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

/** 16 hex digits of sha256(rule + NUL + value). */
export function fingerprintSecret(rule: string, value: string): string {
  return createHash('sha256').update(`${rule}\0${value.trim()}`).digest('hex').slice(0, 16);
}
