/**
 * Discord bot tokens (`<base64 of the bot's numeric id>.<6>.<27-38>`: the first part must decode
 * to the id's digits) and webhook URLs.
 */
import { entropy, type SecretRule } from './define.js';
import { BASE64URL, fake } from './fake.js';

/** The first part of a bot token is the bot's snowflake id, base64-encoded. */
function encodesSnowflake(token: string): boolean {
  const id = Buffer.from(token.slice(0, token.indexOf('.')), 'base64url').toString('latin1');
  return /^\d{17,20}$/.test(id);
}

const botId = Buffer.from(fake('discord-id', 18, '0123456789').replace(/^0/, '1')).toString('base64url');
export const discord: SecretRule = {
  id: 'mcflow/discord',
  description: 'Discord bot token or webhook',
  keywords: ['discord'],
  patterns: [
    /(?<![\w.-])[MNO][A-Za-z0-9_-]{22,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,40}(?![\w-])/g,
    /https:\/\/(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/(?:v\d{1,2}\/)?webhooks\/\d{17,20}\/[A-Za-z0-9_-]{60,80}/g,
  ],
  verify: (token) => (token.startsWith('https:') ? entropy(token.slice(token.lastIndexOf('/') + 1)) >= 4 : encodesSnowflake(token)),
  get samples() {
    return {
      secrets: [
        `DISCORD_BOT_TOKEN=${botId}.${fake('dc2', 6, BASE64URL)}.${fake('dc3', 38, BASE64URL)}`,
        `DISCORD_WEBHOOK=https://discord.com/api/${'webhooks/'}${fake('dcw', 19, '0123456789').replace(/^0/, '1')}/${fake('dcw2', 68, BASE64URL)}`,
      ],
      notSecrets: [
        `discord_token: ${Buffer.from('not-a-snowflake-id').toString('base64url')}.abcdef.${fake('dc4', 27, BASE64URL)}`,
        'DISCORD_WEBHOOK=https://discord.com/api/webhooks/<id>/<token>',
      ],
    };
  },
};
