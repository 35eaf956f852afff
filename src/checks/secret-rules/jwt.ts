/**
 * JSON Web Tokens: three base64url parts whose header decodes to JSON naming a signing algorithm.
 * - `alg: none` is unsigned: nothing to protect, not reported.
 * - Supabase `anon` keys are public by design (every client sends one): not reported; a
 *   `service_role` key bypasses row-level security and is.
 * - Example tokens (jwt.io's John Doe, sequential ids, "example" or `<…>` claims) are placeholders.
 *   A claim made of ordinary words (`admin-user`, `newuser1`, `myPublicKey`) is not: real
 *   tokens carry user and key names like these.
 * - Expired tokens (`exp` in the past) are still reported, as warnings: they can no longer be
 *   replayed, but they were signed with a real key, their signature lets anyone guess a weak HMAC
 *   secret offline, and their claims often hold personal data.
 */
import type { SecretRule } from './define.js';
import { isMadeOfFillerWords, isPlaceholder } from './placeholder.js';

function decodePart(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const part = (claims: object) => Buffer.from(JSON.stringify(claims)).toString('base64url');
const signature = Buffer.from('a1f3c95e07d24b6f8e2a9c0d3b7e5f14c8a2d6e0b9f3c71a', 'hex').toString('base64url');
const header = part({ alg: 'HS256', typ: 'JWT' });
export const jwt: SecretRule = {
  id: 'mcflow/jwt',
  description: 'JSON Web Token',
  keywords: ['eyj'],
  patterns: [/(?<![\w-])eyJ[0-9A-Za-z_-]{10,8000}\.eyJ[0-9A-Za-z_-]{10,16000}\.[0-9A-Za-z_-]{16,1000}/g],
  verify: (token) => {
    const [head, body] = token.split('.');
    const alg = decodePart(head!)?.alg;
    if (typeof alg !== 'string' || alg.toLowerCase() === 'none') return false;
    const claims = decodePart(body!);
    if (!claims) return false;
    if (claims.role === 'anon') return false;
    const placeholderClaim = (value: unknown) => typeof value === 'string' && value.length >= 8 && isPlaceholder(value) && !isMadeOfFillerWords(value);
    if (Object.values(claims).some(placeholderClaim) || claims.name === 'John Doe') return false;
    if (claims.role === 'service_role') return { description: 'Supabase service-role key' };
    if (typeof claims.exp === 'number' && claims.exp * 1000 < Date.now()) return { description: 'expired JSON Web Token', severity: 'warning' };
    return true;
  },
  get samples() {
    return {
      secrets: [
        `AUTH_TOKEN=${header}.${part({ sub: '421', role: 'admin', iat: 1730000000 })}.${signature}`,
        `SUPABASE_SERVICE_ROLE_KEY=${header}.${part({ iss: 'supabase', ref: 'qwhkzprmtwbvxnla', role: 'service_role', iat: 1700000000, exp: 4100000000 })}.${signature}`,
        `token: ${header}.${part({ sub: '77', exp: 1600000000 })}.${signature}`,
        `"idToken": "${header}.${part({ sub: 'system:serviceaccount:ops:deploy-bot', preferred_username: 'newuser1', kid: 'myPublicKey', iat: 1730000000 })}.${signature}"`,
      ],
      notSecrets: [
        `${part({ alg: 'none' })}.${part({ sub: '421' })}.${signature}`,
        `${part({ not: 'jwt' })}.${part({ sub: '421' })}.${signature}`,
        'token: eyJhbGciOiJIUzI1NiJ9.<payload>.<signature>',
        `SUPABASE_ANON_KEY=${header}.${part({ iss: 'supabase', ref: 'qwhkzprmtwbvxnla', role: 'anon', iat: 1700000000, exp: 4100000000 })}.${signature}`,
        `${header}.${part({ sub: '1234567890', name: 'John Doe', iat: 1516239022 })}.${signature}`,
        `${header}.${part({ sub: 'u-1', email: 'someone@example.com', iat: 1730000000 })}.${signature}`,
      ],
    };
  },
};
