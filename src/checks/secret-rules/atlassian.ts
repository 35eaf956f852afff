/** Atlassian (Jira, Confluence, Bitbucket Cloud) API tokens: `ATATT3…`, `ATCTT3…`, and the older 24-character tokens assigned to an Atlassian name. */
import { assignedTo, characterClasses, entropy, type SecretRule } from './define.js';
import { BASE64URL, fake } from './fake.js';

export const atlassian: SecretRule = {
  id: 'mcflow/atlassian',
  description: 'Atlassian API token',
  keywords: ['atatt3', 'atctt3', 'atlassian', 'jira', 'confluence', 'bitbucket'],
  patterns: [
    /(?<![A-Za-z0-9])AT[AC]TT3[A-Za-z0-9_=-]{150,300}(?![\w=-])/g,
    assignedTo('atlassian|jira|confluence', '[A-Za-z0-9]{24}', '[A-Za-z0-9]'),
  ],
  // The older tokens are random base62: digits and both cases (`searchConfluenceUsingCql` is a method name).
  verify: (token) => entropy(token) >= 3.8 && (token.startsWith('AT') || characterClasses(token) >= 3),
  get samples() {
    return {
      secrets: [
        `JIRA_API_TOKEN=AT${'ATT3'}xFfGF0${fake('atatt', 170, BASE64URL)}=${fake('atatt-crc', 8, '0123456789ABCDEF')}`,
        `confluence_token: "${fake('atl-old', 24)}"`,
      ],
      notSecrets: ['getPagesInConfluenceSpace,searchConfluenceUsingCql', 'JIRA_API_TOKEN=<your-atlassian-api-token>', 'JIRA_URL=https://acme.atlassian.net', 'jira_project_key: ACMEPROJECTKEYS123456789'],
    };
  },
};
