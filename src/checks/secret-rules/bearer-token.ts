/**
 * Tokens in HTTP headers: `Authorization: Bearer …` / `token …`, and the API-key headers
 * services read (`X-API-Key`, `PRIVATE-TOKEN`, `X-Auth-Token`…), in code, curl commands and
 * configs. Basic credentials are the curl-credentials rule's (it decodes them).
 */
import { characterClasses, entropy, type SecretRule } from './define.js';

export const bearerToken: SecretRule = {
  id: 'mcflow/bearer-token',
  description: 'token in an Authorization header',
  keywords: ['authorization', 'api-key', 'apikey', 'private-token', 'api-token', 'x-', '-h ', '--header'],
  patterns: [
    // `Authorization: <scheme> <credential>` (any scheme but Basic, which curl-credentials decodes) or a bare credential.
    /authorization["']?[ \t]{0,5}[:=,][ \t]{0,5}["'`]?(?:(?:Bearer|Token|Api-?Token|Bot|JWT|Key|SSWS|GenieKey|OAuth|Splunk|DeepL-Auth-Key)[ \t]{1,5})?(?<secret>[A-Za-z0-9._~+/@-]{8,1000}={0,2})(?![\w.~+/=@:-])/gid,
    // Headers that carry an API key, in code and configs.
    /(?<![\w/-])(?:x-[\w-]{0,30}?(?:api-?key|token|auth)|api-key|private-token|api-token)["']?[ \t]{0,5}[:=,][ \t]{0,5}["'`]?(?<secret>[A-Za-z0-9._~+/@-]{6,1000}={0,2})(?![\w.~+/=@:-])/gid,
    // Any header a curl command sends whose name says key, token, auth or secret.
    /(?:-H|--header)[ \t]{1,5}["']?(?<name>[\w-]{0,40}(?:key|token|auth|secret|signature)[\w-]{0,20})[ \t]{0,3}:[ \t]{0,5}(?<secret>[^\s"'$]{6,1000})/gid,
  ],
  // UUIDs count here: in a header they are API keys, not ids.
  // An identifier or property path without digits (`cred.token`, `this.accessToken`) is code, not a credential.
  // A JSON Web Token is the jwt rule's: it reads the header and claims (`alg: none` signs nothing).
  verify: (token) =>
    !/^eyJ[\w-]{4,}\.eyJ/.test(token) &&
    !/^(?:Basic|Bearer|Token|null|undefined|none|required|true|false)$/i.test(token) &&
    !/^[A-Za-z_$][A-Za-z_$.]*$/.test(token) &&
    characterClasses(token) >= 2 &&
    entropy(token) >= 3,
  get samples() {
    return {
      secrets: [
        'curl -H "Authorization: Bearer u8jzPde0IgxLd6GncfBAepfJBd0Kh8oO" https://api.acme.io',
        "headers: { Authorization: 'Token mwufUxbvJDCTbyvHNsG9eh6Yo4gfqrc5' }",
        'curl --header "PRIVATE-TOKEN: Xq7pLm2vR9tKHgxzNNAL5wIS" https://gitlab.acme.io/api/v4/projects',
        "requests.get(url, headers={'X-API-Key': 'k9Fh2LmQ8wZr4TbN7pVx3sYc'})",
        'curl -H "X-Octopus-ApiKey: 7c9e6679-7425-40de-944b-e07fc1f90ae7" https://octopus.acme.io/api',
        "curl --header 'Authorization: 5d2c9e8f-7425-40de-944b-e07fc1f90ae7'",
      ],
      notSecrets: [
        'headers: { Authorization: `Bearer ${token}` }',
        'Authorization: Bearer <token>',
        'Authorization: Bearer YOUR_ACCESS_TOKEN_HERE',
        'curl -H "Content-Type: application/json" -H "Authorization: Bearer $TOKEN" https://api.acme.io',
        'authorization: required',
        // An unsigned JWT (alg: none) proves nothing: the jwt rule judges tokens, and drops this one.
        `-Headers @{ 'X-API-KEY' = '${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"42","user":"ci"}').toString('base64url')}.' }`,
      "headers: { 'Authorization': cred.token ? 'Bearer ' + cred.token : null }",
      'repositoryUrl: "https://x-access-token:secret-token@github.com/owner/repo.git"',
      ],
    };
  },
};
