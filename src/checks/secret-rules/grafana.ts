/** Grafana credentials: Cloud access policy tokens (`glc_`), service-account tokens (`glsa_`) and legacy API keys (`eyJrIjoi…`). */
import { entropy, type SecretRule } from './define.js';
import { BASE64, fake, HEX } from './fake.js';

export const grafana: SecretRule = {
  id: 'mcflow/grafana',
  description: 'Grafana token',
  keywords: ['glc_', 'glsa_', 'eyjrijoi'],
  patterns: [
    /(?<![A-Za-z0-9])glc_[A-Za-z0-9+/]{32,400}={0,2}(?![\w+/=-])/g,
    /(?<![A-Za-z0-9])glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}(?![\w-])/g,
    /(?<![\w+/-])eyJrIjoi[A-Za-z0-9]{70,400}={0,2}(?![\w+/=-])/g,
  ],
  verify: (token) => entropy(token) >= 4,
  get samples() {
    return {
      secrets: [
        `GRAFANA_CLOUD_TOKEN=gl${'c_'}eyJvIjoi${fake('glc', 100, BASE64)}=`,
        `GRAFANA_TOKEN=gl${'sa_'}${fake('glsa', 32)}_${fake('glsa2', 8, HEX)}`,
        `grafana_api_key: eyJr${'Ijoi'}${fake('grafana-old', 80)}`,
      ],
      notSecrets: ['GRAFANA_TOKEN=glsa_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx_xxxxxxxx', 'GRAFANA_URL=https://acme.grafana.net'],
    };
  },
};
