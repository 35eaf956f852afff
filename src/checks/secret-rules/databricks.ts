/** Databricks personal access tokens: `dapi` + 32 hex (an optional `-2` suffix). */
import { entropy, type SecretRule } from './define.js';
import { fake, HEX } from './fake.js';

export const databricks: SecretRule = {
  id: 'mcflow/databricks',
  description: 'Databricks token',
  keywords: ['dapi'],
  patterns: [/(?<![A-Za-z0-9])dapi[a-f0-9]{32}(?:-\d)?(?![\w-])/g],
  verify: (token) => entropy(token) >= 3.3,
  get samples() {
    return {
      secrets: [`DATABRICKS_TOKEN=dap${'i'}${fake('dapi', 32, HEX)}`, `token = "dap${'i'}${fake('dapi2', 32, HEX)}-2"`],
      notSecrets: ['DATABRICKS_TOKEN=dapixxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'DATABRICKS_HOST=https://adb-1.azuredatabricks.net'],
    };
  },
};
