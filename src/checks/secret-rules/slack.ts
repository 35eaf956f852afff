/**
 * Slack tokens of every family: bot (`xoxb-`), user (`xoxp-`), workspace and legacy (`xoxa-`,
 * `xoxo-`, `xoxr-`, `xoxs-`), configuration (`xoxe.xoxp-`, `xoxe.xoxb-`), refresh (`xoxe-`) and
 * app-level (`xapp-`). Webhooks are the slack-webhook rule's.
 */
import { entropy, type SecretRule } from './define.js';
import { fake, HEX, LOWER_ALNUM, UPPER_ALNUM } from './fake.js';

const digits = (label: string, n: number) => fake(label, n, '0123456789');
export const slack: SecretRule = {
  id: 'mcflow/slack',
  description: 'Slack token',
  keywords: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxo-', 'xoxr-', 'xoxs-', 'xoxe', 'xapp-'],
  patterns: [
    // `xoxe-` with numeric groups is a user token issued by token rotation (seen in file URLs' `?t=`).
    // Legacy `xoxs-`/`xoxo-` tokens end in a 10-character hex tail, newer ones in 24 to 64 characters.
    /(?<![A-Za-z0-9])xox[bpaosre]-(?:\d{1,2}-)?(?:\d{6,14}-){1,3}[A-Za-z0-9]{10,64}(?![A-Za-z0-9-])/g,
    // Older and shorter shapes: two long team/user ids, then a short tail or none.
    /(?<![A-Za-z0-9])xox[bpaosr]-\d{8,14}-\d{8,14}[A-Za-z0-9]{0,17}(?![\w-])/g,
    // Workspace-app access and refresh tokens (`xoxa-2-…`, `xoxr-…`): one random run after the prefix.
    /(?<![A-Za-z0-9])xox[ar]-(?:\d-)?[A-Za-z0-9]{8,48}(?![\w-])/g,
    /(?<![A-Za-z0-9])xoxe\.xox[bp]-\d-[A-Za-z0-9]{140,200}(?![A-Za-z0-9])/g,
    /(?<![A-Za-z0-9])xoxe-\d-[A-Za-z0-9]{120,200}(?![A-Za-z0-9])/g,
    /(?<![A-Za-z0-9])xapp-\d-[A-Z0-9]{8,14}-\d{8,16}-[a-z0-9]{40,80}(?![A-Za-z0-9])/g,
  ],
  // The random tail must look random: Slack's docs write `xoxb-1234-5678-abcdefghijkl…`. Hex
  // carries at most 4 bits a character (a random 32-hex tail is near 3.7, sometimes under 3.5) and
  // a 10-character tail at most log2(10): each is held to a bar its alphabet and length can reach.
  verify: (token) => {
    const tail = token.slice(token.lastIndexOf('-') + 1);
    if (/^xox[ar]-(?:\d-)?[A-Za-z0-9]+$/.test(token)) return /\d/.test(tail) && /[a-z]/i.test(tail) && entropy(tail) >= 3;
    if (/^\d+[A-Za-z0-9]{0,17}$/.test(tail) && token.split('-').length === 3) return true;
    const hex = /^[0-9a-f]+$/.test(tail);
    if (tail.length < 18) return hex && /[a-f]/.test(tail) && entropy(tail) >= 2.4 && token.split('-').length >= 4;
    return entropy(tail) >= (hex ? 3 : 3.5);
  },
  get samples() {
    return {
      secrets: [
        `SLACK_BOT_TOKEN=xo${'xb-'}${digits('sb1', 12)}-${digits('sb2', 13)}-${fake('sb3', 24)}`,
        `token: "xo${'xp-'}${digits('sp1', 12)}-${digits('sp2', 12)}-${digits('sp3', 13)}-${fake('sp4', 32, HEX)}"`,
        `SLACK_LEGACY=xo${'xs-'}${digits('ss1', 11)}-${digits('ss2', 11)}-${digits('ss3', 12)}-${fake('ss4', 64, HEX)}`,
        `SLACK_CONFIG_TOKEN=xo${'xe.xoxp-'}1-${fake('se', 160)}`,
        `SLACK_REFRESH=xo${'xe-'}1-${fake('sr', 146)}`,
        `SLACK_TOKEN=xo${'xa-'}${digits('sx1', 11)}-${digits('sx2', 11)}c`,
        `"access_token": "xo${'xa-'}2-${fake('sxa2', 24, LOWER_ALNUM)}"`,
        `"refresh_token": "xo${'xr-'}${fake('sxr', 14, LOWER_ALNUM)}"`,
        `"access_token": "xo${'xs-'}${digits('sl1', 10)}-${digits('sl2', 10)}-${digits('sl3', 10)}-${fake('sl4', 10, HEX)}"`,
        `https://files.slack.com/files-pri/T0A/F0B/a.png?t=xo${'xe-'}${digits('sxe1', 13)}-${digits('sxe2', 13)}-${digits('sxe3', 13)}-${fake('sxe4', 32, HEX)}`,
        `SLACK_USER_TOKEN=xo${'xp-'}${digits('sph1', 12)}-${digits('sph2', 12)}-${digits('sph3', 12)}-${fake('sph4', 32, '0123569adef')}`, // a hex tail under 3.5 bits/char
        `SLACK_APP_TOKEN=xa${'pp-'}1-${fake('sa1', 11, UPPER_ALNUM)}-${digits('sa2', 13)}-${fake('sa3', 64, LOWER_ALNUM)}`,
      ],
      notSecrets: [
        'SLACK_BOT_TOKEN=xoxb-your-bot-token',
        'xoxb-12345-abcd234',
        '"token3": "xoxp-1234-1234-1234-4ddbc191d40ee098cbaae6f3523ada2d"',
        'SLACK_BOT_TOKEN=xoxb-000000000000-0000000000000-xxxxxxxxxxxxxxxxxxxxxxxx',
        'SLACK_BOT_TOKEN=xoxb-1234567890-1234567890123-abcdefghijklmnopqrstuvwx',
        'xoxb-',
        'xoxs-1234567890-1234567890-1234567890-aaaaaaaaaa',
        'legacy tokens look like xoxs-1234-5678-abc',
        'SLACK_REFRESH=xoxr-refreshtoken',
        'token: xoxa-abcdefgh',
        '"token": "xoxp-481516234200-815162342008-151623420081-####################"',
      ],
    };
  },
};
