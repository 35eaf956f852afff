/**
 * GitLab tokens, every documented prefix: personal, project and group access (`glpat-`), OAuth
 * application secrets (`gloas-`), deploy (`gldt-`), runner authentication (`glrt-`, `glrtr-`) and
 * registration (`GR1348941`), CI/CD job (`glcbt-`), pipeline trigger (`glptt-`), feed (`glft-`),
 * incoming mail (`glimt-`), Kubernetes agent (`glagent-`), SCIM (`glsoat-`), feature-flag client
 * (`glffct-`) and workspace (`glwt-`) tokens, with the routable `.01.xxxxxxxxx` suffix if present.
 */
import { entropy, type SecretRule } from './define.js';
import { BASE64URL, fake, HEX } from './fake.js';

export const gitlab: SecretRule = {
  id: 'mcflow/gitlab',
  description: 'GitLab token',
  keywords: ['glpat-', 'gloas-', 'gldt-', 'glrt-', 'glrtr-', 'glcbt-', 'glptt-', 'glft-', 'glimt-', 'glagent-', 'glsoat-', 'glffct-', 'glwt-', 'gr1348941'],
  patterns: [
    /(?<![A-Za-z0-9])(?:gl(?:pat|oas|dt|rt|rtr|cbt|ptt|ft|imt|agent|soat|ffct|wt)-|GR1348941)[0-9A-Za-z_-]{20,300}(?:\.[0-9a-z]{2}\.[0-9a-z]{7,9})?(?![\w-])/g,
  ],
  verify: (token) => entropy(token) >= 3.5,
  get samples() {
    return {
      secrets: [
        `GITLAB_TOKEN=gl${'pat-'}${fake('glpat', 20, BASE64URL)}`,
        `token: "gl${'rt-'}t1_${fake('glrt', 27, BASE64URL)}.01.${fake('glrt2', 9, '0123456789abcdefghijklmnopqrstuvwxyz')}"`,
        `TRIGGER_TOKEN=gl${'ptt-'}${fake('glptt', 40, HEX)}`,
        `RUNNER_REGISTRATION_TOKEN=GR1348${'941'}${fake('gr', 20, BASE64URL)}`,
      ],
      notSecrets: ['GITLAB_TOKEN=glpat-xxxxxxxxxxxxxxxxxxxx', 'GITLAB_TOKEN=glpat-<your-token>', 'glpat-short', "git clone https://gitlab-ci-token:${CI_JOB_TOKEN}@gitlab.com/acme/app.git"],
    };
  },
};
