/**
 * Mapbox secret tokens (`sk.eyJ…`). Public tokens (`pk.eyJ…`) are made to ship in web pages
 * and are not reported; the generic rule leaves them alone too.
 */
import { entropy, type SecretRule } from './define.js';
import { BASE64URL, fake } from './fake.js';

export const mapbox: SecretRule = {
  id: 'mcflow/mapbox',
  description: 'Mapbox secret token',
  keywords: ['sk.eyj'],
  patterns: [/(?<![\w.-])sk\.eyJ[A-Za-z0-9_-]{20,300}\.[A-Za-z0-9_-]{20,40}(?![\w-])/g],
  verify: (token) => entropy(token) >= 4,
  get samples() {
    return {
      secrets: [`MAPBOX_SECRET_TOKEN=s${'k.eyJ1'}IjoiYWNtZSIsImEiOiJ${fake('mapbox', 20, BASE64URL)}.${fake('mapbox2', 22, BASE64URL)}`],
      notSecrets: [`MAPBOX_ACCESS_TOKEN=pk.eyJ1IjoiYWNtZSIsImEiOiJ${fake('mapbox-pk', 20, BASE64URL)}.${fake('mapbox-pk2', 22, BASE64URL)}`, 'MAPBOX_TOKEN=sk.<token>'],
    };
  },
};
