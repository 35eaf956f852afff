/**
 * Atlassian (Jira, Confluence, Bitbucket Cloud) API tokens: `ATATT3…`, `ATCTT3…`, and the older
 * 24-character tokens assigned to an Atlassian name; and Data Center personal access tokens
 * (Jira, Confluence, Bitbucket `BBDC-…`), recognised by their structure wherever they stand: 44
 * base64 characters that decode to a 12-digit token id, a colon and 20 random bytes.
 */
import { assignedTo, characterClasses, entropy, type SecretRule } from './define.js';
import { BASE64URL, fake } from './fake.js';

/** A Data Center token decodes to `<12 digits>:<20 bytes>`; the bytes must not be filler. */
function isDataCenterToken(token: string): boolean {
  const bytes = Buffer.from(token, 'base64');
  if (bytes.length !== 33 || !/^\d{12}:$/.test(bytes.subarray(0, 13).toString('latin1'))) return false;
  return new Set(bytes.subarray(13)).size >= 12;
}

/** A Data Center token for samples: base64 of a 12-digit id, a colon and 20 random bytes. */
const dataCenterToken = (label: string) => Buffer.concat([Buffer.from(`${fake(`${label}-id`, 12, '0123456789')}:`), Buffer.from(fake(`${label}-rnd`, 40, '0123456789abcdef'), 'hex')]).toString('base64');

export const atlassian: SecretRule = {
  id: 'mcflow/atlassian',
  description: 'Atlassian API token',
  keywords: ['atatt3', 'atctt3', 'atlassian', 'jira', 'confluence', 'bitbucket', 'bbdc-'],
  patterns: [
    /(?<![A-Za-z0-9])AT[AC]TT3[A-Za-z0-9_=-]{150,300}(?![\w=-])/g,
    assignedTo('atlassian|jira|confluence', '[A-Za-z0-9]{24}', '[A-Za-z0-9]'),
    // Base64 of 12 ASCII digits is four groups that each start with M, N or O, then D, T, j or z.
    /(?<![A-Za-z0-9+/])(?:BBDC-)?(?:[MNO][DTjz][A-Za-z0-9+/]{2}){4}[A-Za-z0-9+/]{28}(?![A-Za-z0-9+/=])/g,
  ],
  // The older tokens are random base62: digits and both cases (`searchConfluenceUsingCql` is a method name).
  verify: (token) => {
    if (token.length === 44 || token.startsWith('BBDC-')) return isDataCenterToken(token.replace(/^BBDC-/, ''));
    return entropy(token) >= 3.8 && (token.startsWith('AT') || characterClasses(token) >= 3);
  },
  get samples() {
    return {
      secrets: [
        `JIRA_API_TOKEN=AT${'ATT3'}xFfGF0${fake('atatt', 170, BASE64URL)}=${fake('atatt-crc', 8, '0123456789ABCDEF')}`,
        `confluence_token: "${fake('atl-old', 24)}"`,
        `BITBUCKET_TOKEN=BBDC-${dataCenterToken('bbdc')}`,
        `confluence_prod=${dataCenterToken('confluence-dc')}`,
      ],
      notSecrets: ['getPagesInConfluenceSpace,searchConfluenceUsingCql', 'JIRA_API_TOKEN=<your-atlassian-api-token>', 'JIRA_URL=https://acme.atlassian.net', 'jira_project_key: ACMEPROJECTKEYS123456789', `jira_token: ${Buffer.concat([Buffer.from('123456789012:'), Buffer.alloc(20)]).toString('base64')}`, `jira sha: ${fake('atl-b64', 44, BASE64URL.slice(0, 62) + '+/')}`],
    };
  },
};
