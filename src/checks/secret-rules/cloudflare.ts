/**
 * Cloudflare credentials: user and account API tokens (`cfut_`, `cfat_`), the older 40-character
 * API tokens and 37-hex global API keys assigned to a Cloudflare name, and Origin CA keys (`v1.0-…`).
 */
import { assignedTo, entropy, type SecretRule } from './define.js';
import { BASE64URL, fake, HEX } from './fake.js';

export const cloudflare: SecretRule = {
  id: 'mcflow/cloudflare',
  description: 'Cloudflare API token or key',
  keywords: ['cloudflare', 'cf_api', 'cfut_', 'cfat_', 'cfk_', 'v1.0-'],
  patterns: [
    // User and account API tokens (`cfut_`, `cfat_`) and global API keys (`cfk_`): 40 random characters and an 8-hex checksum.
    /(?<![A-Za-z0-9])cf(?:[ua]t|k)_[A-Za-z0-9]{40}[a-f0-9]{8}(?![\w-])/g,
    assignedTo('cloudflare|\\bcf_api', '[A-Za-z0-9_-]{40}', '[\\w-]'),
    assignedTo('cloudflare|\\bcf_api', '[a-f0-9]{37}', '[\\w-]'),
    /(?<![\w.-])v1\.0-[a-f0-9]{24}-[a-f0-9]{146}(?![\w-])/g,
  ],
  verify: (token) => entropy(token) >= 3.5,
  get samples() {
    return {
      secrets: [
        `CLOUDFLARE_API_TOKEN=${fake('cf-token', 40, BASE64URL)}`,
        `CF_API_KEY=${fake('cf-global', 37, HEX)}`,
        `CLOUDFLARE_API_TOKEN=cf${'ut_'}${fake('cfut', 40)}${fake('cfut-crc', 8, HEX)}`,
        `global_key: cf${'k_'}${fake('cfk', 40)}${fake('cfk-crc', 8, HEX)}`,
        `origin_ca_key = "v1.${'0-'}${fake('cfca1', 24, HEX)}-${fake('cfca2', 146, HEX)}"`,
      ],
      notSecrets: ['CLOUDFLARE_API_TOKEN=${CLOUDFLARE_API_TOKEN}', 'CLOUDFLARE_ZONE=example.com', 'CLOUDFLARE_API_TOKEN=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
    };
  },
};
