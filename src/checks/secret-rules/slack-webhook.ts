/** Slack incoming-webhook and workflow URLs: anyone holding one can post into the channel. */
import type { SecretRule } from './define.js';

const host = 'hooks.' + 'slack.com';
export const slackWebhook: SecretRule = {
  id: 'mcflow/slack-webhook',
  description: 'Slack webhook URL',
  keywords: ['hooks.slack.com'],
  patterns: [
    /(?:https?:\/\/)?hooks\.slack\.com\/(?:services\/T[A-Z0-9]{6,12}\/B[A-Z0-9]{6,12}\/[A-Za-z0-9]{20,32}|workflows\/T[A-Z0-9]{6,12}\/A[A-Z0-9]{6,12}\/\d{6,20}\/[A-Za-z0-9]{20,32}|triggers\/T[A-Z0-9]{6,12}\/\d{6,20}\/[A-Za-z0-9]{20,32})(?![A-Za-z0-9])/g,
  ],
  get samples() {
    return {
      secrets: [`SLACK_WEBHOOK=https://${host}/services/TQZJ865UF/BRDL1ERBFQF/M2oeq3hDavJA76rNicHTp8hk`],
      notSecrets: [
        `SLACK_WEBHOOK=https://${host}/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX`,
        `SLACK_WEBHOOK=https://${host}/services/T00000000/B00000000/M2oeq3hDavJA76rNicHTp8hk`,
        `see https://${host}/services/<team>/<channel>/<token>`,
      ],
    };
  },
};
