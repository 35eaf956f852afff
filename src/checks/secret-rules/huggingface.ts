/** Hugging Face user access tokens (`hf_…`, also after `huggingface-cli login --token`) and organisation tokens (`api_org_…`). */
import { characterClasses, entropy, type SecretRule } from './define.js';
import { fake, LETTERS } from './fake.js';

export const huggingface: SecretRule = {
  id: 'mcflow/huggingface',
  description: 'Hugging Face token',
  keywords: ['hf_', 'api_org_'],
  patterns: [/(?<![A-Za-z0-9])(?:hf_|api_org_)[A-Za-z0-9]{34}(?![\w-])/g],
  // Mixed case and high entropy: `hf_` also starts long snake_case identifiers.
  verify: (token) => characterClasses(token.slice(token.lastIndexOf('_') + 1)) >= 2 && entropy(token) >= 4,
  get samples() {
    return {
      secrets: [`HF_TOKEN=h${'f_'}${fake('hf', 34, LETTERS)}`, `huggingface-cli login --token h${'f_'}${fake('hf2', 34, LETTERS)}`, `api_${'org_'}${fake('hforg', 34, LETTERS)}`],
      notSecrets: ['HF_TOKEN=hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'HF_TOKEN=<hf_token>', 'hf_hub_download(repo_id="gpt2")'],
    };
  },
};
