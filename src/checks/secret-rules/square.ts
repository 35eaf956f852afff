/** Square access tokens (`EAAA…`, `sq0atp-…`) and application secrets (`sq0csp-…`). */
import { entropy, type SecretRule } from './define.js';
import { BASE64URL, fake } from './fake.js';

export const square: SecretRule = {
  id: 'mcflow/square',
  description: 'Square access token or application secret',
  keywords: ['eaaa', 'sq0atp-', 'sq0csp-', 'sq0csb-'],
  patterns: [/(?<![\w+-])EAAA[A-Za-z0-9_=+-]{60}(?![\w=+-])/g, /(?<![A-Za-z0-9])sandbox-sq0csb-[A-Za-z0-9_-]{43}(?![\w-])/g, /(?<![A-Za-z0-9])sq0atp-[A-Za-z0-9_-]{22}(?![\w-])/g, /(?<![A-Za-z0-9])sq0csp-[A-Za-z0-9_-]{43}(?![\w-])/g],
  verify: (token) => (entropy(token) < 4 ? false : token.startsWith('sandbox-') ? { description: 'Square sandbox application secret (test mode)', severity: 'warning' } : true),
  get samples() {
    return {
      secrets: [`SQUARE_ACCESS_TOKEN=EA${'AA'}${fake('sq', 60, BASE64URL)}`, `square.secret = "sq0${'csp-'}${fake('sqcsp', 43, BASE64URL)}"`, `SQUARE_TOKEN=sq0${'atp-'}${fake('sqatp', 22, BASE64URL)}`],
      notSecrets: ['SQUARE_ACCESS_TOKEN=EAAAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'SQUARE_ACCESS_TOKEN=<sandbox-token>'],
    };
  },
};
