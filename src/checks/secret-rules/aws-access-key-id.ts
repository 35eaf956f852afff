/**
 * AWS access key ids (`AKIA…` long-term, `ASIA…` temporary, and the other documented
 * prefixes) followed by 16 upper-case letters or digits (real ids use base32, `A-Z2-7`, but
 * the prefix is specific enough to accept any digit). The recommended preset leaves this scan off;
 * AWS's documented `AKIAIOSFODNN7EXAMPLE` is a placeholder.
 */
import type { SecretRule } from './define.js';

export const awsAccessKeyId: SecretRule = {
  id: 'mcflow/aws-access-key-id',
  description: 'AWS access key id',
  keywords: ['akia', 'asia', 'abia', 'acca', 'a3t', 'agpa', 'aida', 'aroa', 'aipa', 'anpa', 'anva', 'apka'],
  patterns: [/\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA|A3T[A-Z0-9])[A-Z0-9]{16}\b/g],
  get samples() {
    return {
      secrets: [`AWS_ACCESS_KEY_ID=AK${'IA'}XJQI5OGZ7KOK3ZV2`, `aws_access_key_id = AS${'IA'}XJQI5OGZ7KOK3ZV2`, `key: AK${'IA'}2E0A8F3B244C9986`],
      notSecrets: ['AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE', 'AWS_ACCESS_KEY_ID=AKIAXXXXXXXXXXXXXXXX', 'AKIA12345', 'AKIAXJQI5OGZ7KOK3ZV2Q7'],
    };
  },
};
