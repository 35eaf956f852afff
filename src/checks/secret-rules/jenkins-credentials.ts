/**
 * Jenkins `credentials.xml` and job configs: secrets encrypted with the controller's
 * `secrets/master.key` (`<password>{AQAAABAAAA…}</password>`): anyone with that key, or with
 * script-console access, decrypts them, so the file must not be shared.
 */
import type { SecretRule } from './define.js';
import { BASE64, fake } from './fake.js';

export const jenkinsCredentials: SecretRule = {
  id: 'mcflow/jenkins-credentials',
  description: 'Jenkins encrypted credential (decryptable with the controller\'s master.key)',
  keywords: ['{aqaaabaaaa'],
  patterns: [/<(?<tag>[A-Za-z]{1,40})>(?<secret>\{AQAAABAAAA[A-Za-z0-9+/]{20,8000}={0,2}\})<\/\k<tag>>/gd],
  get samples() {
    return {
      secrets: [`<com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>\n  <username>deploy</username>\n  <password>{AQAAABAAAA${fake('jenkins', 44, BASE64)}=}</password>\n</com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>`],
      notSecrets: ['<password>${DEPLOY_PASSWORD}</password>', '<password></password>'],
      ext: '.xml',
    };
  },
};
