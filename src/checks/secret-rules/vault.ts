/** HashiCorp Vault tokens: service (`hvs.`), batch (`hvb.`), recovery (`hvr.`), and the legacy `s.…` form assigned to a Vault name or header. */
import { characterClasses, entropy, type SecretRule } from './define.js';
import { BASE64URL, fake } from './fake.js';

export const vault: SecretRule = {
  id: 'mcflow/vault',
  description: 'HashiCorp Vault token',
  keywords: ['hvs.', 'hvb.', 'hvr.', 'vault', 'token'],
  patterns: [
    /(?<![\w.-])hv[sbr]\.[A-Za-z0-9_-]{24,400}(?![\w-])/g,
    // Legacy tokens anywhere: `s.` + 24 random base62, never part of a longer dotted name.
    /(?<![\w.$-])[sb]\.[A-Za-z0-9]{24}(?![\w.-])/g,
  ],
  // A legacy token mixes digits and both cases; `s.someLongPropertyNameHere` in minified code does not.
  verify: (token) => entropy(token) >= 3.8 && (token.startsWith('hv') || characterClasses(token.slice(2)) >= 3),
  get samples() {
    return {
      secrets: [
        `VAULT_TOKEN=hv${'s.'}CAESI${fake('hvs', 90, BASE64URL)}`,
        `export VAULT_TOKEN="hv${'b.'}AAAAAQ${fake('hvb', 140, BASE64URL)}"`,
        `vault_token = "s.${fake('vault-legacy', 24)}"`,
        `curl -H "X-Vault-Token: hv${'s.'}${fake('hvs-dev', 24)}" https://vault.acme.io/v1/secret`,
      ],
      notSecrets: ['token = this.s.someLongPropertyNameHereX;', 'VAULT_TOKEN=hvs.xxxxxxxxxxxxxxxxxxxxxxxx', 'VAULT_ADDR=https://vault.acme.io', 'vault_token: s.<token>'],
    };
  },
};
