/** Doppler tokens: personal, service, CLI, SCIM, audit and service-account (`dp.pt.…`, `dp.st.…`). */
import type { SecretRule } from './define.js';

export const doppler: SecretRule = {
  id: 'mcflow/doppler',
  description: 'Doppler token',
  keywords: ['dp.'],
  patterns: [/\bdp\.(?:pt|st|ct|sa|scim|audit)\.(?:[a-z0-9_-]{1,40}\.)?[0-9A-Za-z]{40,44}\b/g],
  get samples() {
    return {
      secrets: [`DOPPLER_TOKEN=dp.${'st.'}prd.SrCGIZEG8pSH4487q7J58m1CiAhzCueQpBenQtYh5Xj`, `DOPPLER_TOKEN=dp.${'pt.'}SrCGIZEG8pSH4487q7J58m1CiAhzCueQpBenQtYh5Xj`],
      notSecrets: ['DOPPLER_TOKEN=dp.st.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'DOPPLER_TOKEN=dp.st.dev', 'import dp.pt.utils'],
    };
  },
};
