/**
 * HashiCorp Vault tokens: service (`hvs.`), batch (`hvb.`), recovery (`hvr.`), the legacy `s.…`
 * form (anywhere, or `s.`/`b.`/`r.` with 20 to 30 characters when assigned to a Vault name), the
 * long namespaced `s.CAES…` form, and unseal keys as `vault operator init` prints them
 * (`Unseal Key 1: …`) or as `vault operator unseal` takes them.
 */
import { assignedTo, characterClasses, entropy, type SecretRule } from './define.js';
import { BASE64URL, fake } from './fake.js';

export const vault: SecretRule = {
  id: 'mcflow/vault',
  description: 'HashiCorp Vault token',
  keywords: ['hvs.', 'hvb.', 'hvr.', 'vault', 'token', 's.caes', 'unseal'],
  patterns: [
    /(?<![\w.-])hv[sbr]\.[A-Za-z0-9_-]{24,400}(?![\w-])/g,
    // Legacy tokens anywhere: `s.` + 24 random base62, never part of a longer dotted name.
    /(?<![\w.$-])[sb]\.[A-Za-z0-9]{24}(?![\w.-])/g,
    assignedTo('vault', '[sbr]\\.[A-Za-z0-9]{20,30}', '[\\w.-]'),
    /(?<![\w.$-])s\.CAES[A-Za-z0-9_-]{40,400}(?![\w-])/g,
    // Unseal keys: 33 bytes of base64 (Shamir shares of the root key), or 32 bytes of hex.
    /(?:Unseal Key \d{1,2}:|operator unseal)[ \t]{1,5}(?<secret>[A-Za-z0-9+/]{43,44}={0,2}|[a-f0-9]{64,66})(?![\w+/=])/gd,
  ],
  // A legacy token mixes digits and both cases; `s.someLongPropertyNameHere` in minified code does not.
  verify: (token, match) => {
    if (/^(?:Unseal|operator)/.test(match[0])) return entropy(token) >= 3.5 ? { description: 'HashiCorp Vault unseal key' } : false;
    return entropy(token) >= 3.8 && (token.startsWith('hv') || token.startsWith('s.CAES') || characterClasses(token.slice(2)) >= 3);
  },
  get samples() {
    return {
      secrets: [
        `VAULT_TOKEN=hv${'s.'}CAESI${fake('hvs', 90, BASE64URL)}`,
        `export VAULT_TOKEN="hv${'b.'}AAAAAQ${fake('hvb', 140, BASE64URL)}"`,
        `vault_token = "s.${fake('vault-legacy', 24)}"`,
        `VAULT_CLIENT_TOKEN="b.${fake('vault-batch-legacy', 26)}"`,
        `vault login s.CAES${fake('vault-caes', 90, BASE64URL)}`,
        `Unseal Key 1: ${fake('vault-unseal', 44, `${BASE64URL.slice(0, 62)}+/`)}`,
        `curl -H "X-Vault-Token: hv${'s.'}${fake('hvs-dev', 24)}" https://vault.acme.io/v1/secret`,
      ],
      notSecrets: ['token = this.s.someLongPropertyNameHereX;', 'VAULT_TOKEN=hvs.xxxxxxxxxxxxxxxxxxxxxxxx', 'VAULT_ADDR=https://vault.acme.io', 'vault_token: s.<token>', 'Unseal Key 1: <unseal-key>', `vault operator unseal ${'A'.repeat(44)}`, 'vault_mount = "s.secretstore"'],
    };
  },
};
