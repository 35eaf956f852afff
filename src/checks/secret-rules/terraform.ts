/** Terraform Cloud / HCP Terraform API tokens: `<14 characters>.atlasv1.<60-70 characters>`. */
import type { SecretRule } from './define.js';
import { BASE62, fake } from './fake.js';

export const terraform: SecretRule = {
  id: 'mcflow/terraform',
  description: 'Terraform Cloud API token',
  keywords: ['atlasv1'],
  patterns: [/(?<![\w.-])[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70}(?![\w=-])/g],
  get samples() {
    return {
      secrets: [`credentials "app.terraform.io" {\n  token = "${fake('tf1', 14)}.at${'lasv1'}.${fake('tf2', 67, BASE62)}"\n}`],
      notSecrets: ['token = "xxxxxxxxxxxxxx.atlasv1.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"', 'token = "${var.tfc_token}"'],
    };
  },
};
