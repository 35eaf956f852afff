/** age encryption secret keys: `AGE-SECRET-KEY-1` + 58 bech32 characters. Public recipients (`age1…`) and age-encrypted files are not secrets. */
import type { SecretRule } from './define.js';
import { fake } from './fake.js';

const BECH32 = 'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L';
export const age: SecretRule = {
  id: 'mcflow/age',
  description: 'age secret key',
  keywords: ['age-secret-key-1'],
  patterns: [/(?<![A-Za-z0-9])AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}(?![\w-])/g],
  get samples() {
    return {
      secrets: [`# created: 2024-01-01\n# public key: age1${fake('age-pub', 58, BECH32.toLowerCase())}\nAGE-SECRET-${'KEY-1'}${fake('age', 58, BECH32)}`],
      notSecrets: [`recipient: age1${fake('age-pub2', 58, BECH32.toLowerCase())}`, '-----BEGIN AGE ENCRYPTED FILE-----', 'AGE-SECRET-KEY-1XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX'],
    };
  },
};
