/**
 * AWS access key ids (`AKIA…` long-term, `ASIA…` temporary, and the other documented
 * prefixes) followed by 16 base32 characters (`A-Z2-7`: the id encodes the account in base32, so
 * a 0, 1, 8 or 9 after the prefix marks a made-up or mangled id, e.g. `ASIA…02W…` in a test of
 * "invalid" ids, or a hex string that starts with AKIA). The recommended preset leaves this scan off;
 * AWS's documented `AKIAIOSFODNN7EXAMPLE` is a placeholder.
 */
import type { SecretRule } from './define.js';

export const awsAccessKeyId: SecretRule = {
  id: 'mcflow/aws-access-key-id',
  description: 'AWS access key id',
  keywords: ['akia', 'asia', 'abia', 'acca', 'a3t', 'agpa', 'aida', 'aroa', 'aipa', 'anpa', 'anva', 'apka'],
  patterns: [/\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA|A3T[A-Z0-9])[A-Z2-7]{16}\b/g],
  get samples() {
    return {
      secrets: [`AWS_ACCESS_KEY_ID=AK${'IA'}XJQI5OGZ7KOK3ZV2`, `aws_access_key_id = AS${'IA'}XJQI5OGZ7KOK3ZV2`, `key: AK${'IA'}2E3A5F3B244C7QR6`],
      notSecrets: ['AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE', 'AWS_ACCESS_KEY_ID=AKIAXXXXXXXXXXXXXXXX', 'AKIA12345', 'AKIAXJQI5OGZ7KOK3ZV2Q7', 'id: ASIAQ0RT8XW4M2ZLP9NB', 'key: AKIA2E0A8F3B244C9986'],
    };
  },
};
