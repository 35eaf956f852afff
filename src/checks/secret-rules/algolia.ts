/**
 * Algolia API keys (32 hex). Admin and write keys are secrets. Search-only keys are public by
 * design (every DocSearch site and InstantSearch page sends one from the browser): a key named
 * for search, or set beside an app id in a DocSearch/InstantSearch config, is reported as a
 * warning so the team checks it really is the search-only key, never the admin one.
 */
import { around, assignedTo, entropy, type SecretRule } from './define.js';
import { fake, HEX } from './fake.js';

const CLIENT_CONFIG = /docsearch|algoliasearch|instantsearch|searchClient|indexName|appId|app_id|application_?id/i;
export const algolia: SecretRule = {
  id: 'mcflow/algolia',
  description: 'Algolia API key',
  keywords: ['algolia', 'docsearch', 'apikey', 'api_key'],
  patterns: [assignedTo('algolia|api_?key|search_?key|admin_?key', '[a-f0-9]{32}', '[A-Za-z0-9]')],
  verify: (key, match) => {
    if (entropy(key) < 3.3) return false;
    const name = match.groups!.name!.toLowerCase();
    const nearby = around(match, 400);
    if (!name.includes('algolia') && !/algolia|docsearch/i.test(nearby)) return false;
    if (/admin|write|secret/.test(name)) return { description: 'Algolia admin API key' };
    if (/search/.test(name) || CLIENT_CONFIG.test(nearby)) {
      return { description: 'Algolia search-only API key (public by design: check it is not the admin key)', severity: 'warning' };
    }
    return true;
  },
  get samples() {
    return {
      secrets: [
        `ALGOLIA_ADMIN_KEY=${fake('algolia-admin', 32, HEX)}`,
        `algolia: {\n  appId: 'BH4D9OD16A',\n  apiKey: '${fake('algolia-search', 32, HEX)}',\n  indexName: 'acme',\n},`,
      ],
      notSecrets: ['ALGOLIA_ADMIN_KEY=${ALGOLIA_ADMIN_KEY}', `checksum: ${fake('algolia-hash', 32, HEX)}`, 'ALGOLIA_APP_ID=BH4D9OD16A'],
    };
  },
};
