/**
 * Docker Hub personal and organisation access tokens (`dckr_pat_`, `dckr_oat_`), and registry
 * credentials in a Docker `config.json` (`"auths": {"…": {"auth": base64("user:password")}}`).
 */
import { entropy, mentions, type SecretRule } from './define.js';
import { BASE64URL, fake } from './fake.js';
import { isPlaceholder } from './placeholder.js';

/** A config.json `auth` decodes to `user:password` with a real password. */
function isRegistryAuth(value: string): boolean {
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 1 || !/^[\x20-\x7e\s]+$/.test(decoded)) return false;
  // Google's registries take a whole service-account key as the password of `_json_key`.
  if (/^_json_key(?:_base64)?:/.test(decoded)) return decoded.length > 60;
  const password = decoded.slice(colon + 1);
  return password.length >= 4 && !isPlaceholder(password);
}

export const docker: SecretRule = {
  id: 'mcflow/docker',
  description: 'Docker Hub token or registry credential',
  // `auth\"`: a config.json written into a JSON or TOML string (`DOCKER_AUTH_CONFIG={\"auths\":…}`).
  keywords: ['dckr_pat_', 'dckr_oat_', '"auth"', 'auth\\"'],
  patterns: [
    /(?<![A-Za-z0-9])dckr_(?:pat|oat)_[A-Za-z0-9_-]{27,40}(?![\w-])/g,
    /\\{0,3}"auth\\{0,3}"[ \t]{0,5}:[ \t]{0,5}\\{0,3}"(?<secret>[A-Za-z0-9+/]{8,8000}={0,2})\\{0,3}"/gd,
  ],
  ownPlaceholderCheck: true,
  verify: (value, match) => {
    if (value.startsWith('dckr_')) return entropy(value) >= 3.8 && !isPlaceholder(value);
    return mentions(match, /"auths\\{0,3}"/) && isRegistryAuth(value);
  },
  get samples() {
    return {
      secrets: [
        `DOCKERHUB_TOKEN=dckr${'_pat_'}${fake('dckr', 27, BASE64URL)}`,
        `{\n  "auths": {\n    "https://index.docker.io/v1/": {\n      "auth": "${Buffer.from(`ci-bot:${fake('docker-pw', 20)}`).toString('base64')}"\n    }\n  }\n}`,
        `environment = ["DOCKER_AUTH_CONFIG={\\"auths\\":{\\"registry.acme.io:5000\\":{\\"auth\\":\\"${Buffer.from(`deploy:${fake('docker-pw2', 16)}`).toString('base64')}\\"}}}"]`,
        `{ "auths": { "https://gcr.io": { "auth": "${Buffer.from(`_json_key:{\n  "type": "service_account",\n  "private_key_id": "${fake('docker-gcr', 40, '0123456789abcdef')}"\n}`).toString('base64')}" } } }`,
      ],
      notSecrets: [
        'DOCKERHUB_TOKEN=dckr_pat_xxxxxxxxxxxxxxxxxxxxxxxxxxx',
        `{ "auths": { "ghcr.io": { "auth": "${Buffer.from('user:changeme').toString('base64')}" } } }`,
        '{ "auth": "bearer", "mode": "strict" }',
      ],
    };
  },
};
