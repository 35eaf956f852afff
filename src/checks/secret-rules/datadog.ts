/** Datadog API keys (32 hex) and application keys (40 hex), recognised by the name they are assigned to. */
import type { SecretRule } from './define.js';

export const datadog: SecretRule = {
  id: 'mcflow/datadog',
  description: 'Datadog API or application key',
  keywords: ['datadog', 'dd_', 'dd-'],
  patterns: [
    /(?:datadog|\bdd)[_.-]?(?:api|app(?:lication)?|client)[_.-]?key["']?[ \t]{0,5}(?:[:=]|=>)[ \t]{0,5}["']?(?<secret>[0-9a-f]{40}|[0-9a-f]{32})\b/gid,
  ],
  get samples() {
    return {
      secrets: ['DD_API_KEY=bfe228f219e9cb0eb53f16947ccf25ec', 'datadog_app_key: "fc1626e53a13043b026c48bbf33feff9243a8f50"'],
      notSecrets: ['DD_API_KEY=${DD_API_KEY}', 'DD_API_KEY=<DATADOG_API_KEY>', 'DD_SITE=datadoghq.eu'],
    };
  },
};
