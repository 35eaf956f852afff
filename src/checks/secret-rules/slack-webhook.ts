/** Slack incoming-webhook and workflow URLs: anyone holding one can post into the channel. */
import { characterClasses, entropy, type SecretRule } from './define.js';
import { fake, LOWER_ALNUM } from './fake.js';

const host = 'hooks.' + 'slack.com';
export const slackWebhook: SecretRule = {
  id: 'mcflow/slack-webhook',
  description: 'Slack webhook URL',
  keywords: ['hooks.slack.com'],
  patterns: [
    /(?:https?:\/\/)?hooks\.slack\.com\/(?:services\/T[A-Z0-9]{6,12}\/B[A-Z0-9]{6,12}\/[A-Za-z0-9]{20,32}|workflows\/T[A-Z0-9]{6,12}\/A[A-Z0-9]{6,12}\/\d{6,20}\/[A-Za-z0-9]{20,32}|triggers\/T[A-Z0-9]{6,12}\/\d{6,20}\/[A-Za-z0-9]{20,32})(?![A-Za-z0-9])/g,
    // Any other path under a webhook kind: Slack has changed the id shapes before, and a URL on
    // this host with a long random path posts into a channel whatever its segments look like.
    /(?:https?:\/\/)?hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9_/-]{32,160}(?![A-Za-z0-9_/-])/g,
  ],
  // The path must look random: documentation writes `…/services/T000/B000/XXXX` or words.
  verify: (url) => {
    const path = url.slice(url.indexOf('.com/') + 5).replace(/^[a-z]+\//, '').replace(/[/_-]/g, '');
    return entropy(path) >= 3.5 && characterClasses(path) >= 2;
  },
  get samples() {
    return {
      secrets: [
        `SLACK_WEBHOOK=https://${host}/services/TQZJ865UF/BRDL1ERBFQF/M2oeq3hDavJA76rNicHTp8hk`,
        `url: ${host}/services/${fake('swh-lower', 44, LOWER_ALNUM)}`,
        `WORKFLOW_URL="https://${host}/triggers/${fake('swh-trig', 11, LOWER_ALNUM).toUpperCase()}/${fake('swh-trig2', 13, '0123456789')}/${fake('swh-trig3', 32, '0123456789abcdef')}"`,
      ],
      notSecrets: [
        `SLACK_WEBHOOK=https://${host}/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX`,
        `SLACK_WEBHOOK=https://${host}/services/T00000000/B00000000/M2oeq3hDavJA76rNicHTp8hk`,
        `see https://${host}/services/<team>/<channel>/<token>`,
        `docs: https://${host}/services/your/webhook/path/goes/here/for/real`,
        `https://${host}/workflows/aaaabbbbccccddddeeeeffffgggghhhhiiii`,
      ],
    };
  },
};
