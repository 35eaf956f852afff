/** GitLab tokens: personal, project and group access (`glpat-`), deploy, runner, trigger, OAuth and feed tokens. */
import type { SecretRule } from './define.js';

export const gitlab: SecretRule = {
  id: 'mcflow/gitlab',
  description: 'GitLab token',
  keywords: ['glpat-', 'gldt-', 'glrt-', 'glptt-', 'glsoat-', 'gloas-', 'glcbt-', 'glft-', 'glimt-', 'glagent-', 'gr1348941'],
  patterns: [/\b(?:gl(?:pat|dt|rt|ptt|soat|oas|cbt|ft|imt|agent)-|GR1348941)[0-9A-Za-z_-]{20,100}(?:\.[0-9a-z]{2}\.[0-9a-z]{7,9})?/g],
  samples: {
    secrets: [`GITLAB_TOKEN=gl${'pat-'}AUsdMlHUvTCQCyEZDz-T`, `token: "gl${'rt-'}u8jzPde0IgxLd6GncfBAepfJ"`],
    notSecrets: ['GITLAB_TOKEN=glpat-xxxxxxxxxxxxxxxxxxxx', 'GITLAB_TOKEN=glpat-<your-token>', 'glpat-short'],
  },
};
