import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CheckContext } from './check.js';
import { sensitiveFiles } from './sensitive-files.js';
import { changedFile } from './check.fixtures.js';

const KEY = '-----BEGIN ' + 'PRIVATE KEY-----\nMIIEvQ\n-----END PRIVATE KEY-----\n';
const run = (paths: [string, string?][], config: CheckContext['config'] = {}) =>
  Promise.resolve(sensitiveFiles.run({ stage: 'pre-commit', files: paths.map(([p, c]) => changedFile(p, c ?? 'x')) }, { config, stage: 'pre-commit' })).then(
    (problems) => problems.map((problem) => problem.file),
  );

describe('sensitive-files', () => {
  const refused = [
    '.env', '.env.local', '.env.production', 'deploy/production.env', 'config/secrets/db.yml', 'secrets/README.md', 'tls/server.key',
    'certs/client.p12', 'certs/app.pfx', 'android/release.jks', 'app.keystore', '.ssh/id_rsa', 'id_ed25519', 'id_ecdsa',
    'infra/terraform.tfstate', 'infra/terraform.tfstate.backup', '.aws/credentials', 'home/.netrc',
    // The same files on macOS and Windows, whose file systems ignore case.
    '.ENV', 'prod.ENV', 'Secrets/db.yml', 'config/SECRETS/x', '.ssh/ID_RSA', 'deploy.P12', 'TLS/Server.Key', '.Env.Local',
  ];
  for (const file of refused) it(`refuses ${file}`, async () => assert.deepEqual(await run([[file]]), [file]));

  const allowed = [
    '.env.example', '.env.sample', '.env.template', 'config/production.env.example', 'src/env.d.ts', 'src/environments/environment.ts',
    'src/environment.prod.ts', 'id_rsa.pub', 'src/secrets.ts', 'docs/keys.md', 'package.json', '.ENV.EXAMPLE', 'ID_RSA.PUB',
  ];
  for (const file of allowed) it(`accepts ${file}`, async () => assert.deepEqual(await run([[file]]), []));

  it('judges .pem, .npmrc, .pypirc and credentials.json by their content', async () => {
    const cert = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
    assert.deepEqual(await run([['certs/ca.pem', cert], ['certs/key.pem', KEY]]), ['certs/key.pem']);
    assert.deepEqual(await run([['deploy.PEM', KEY]]), ['deploy.PEM']);
    assert.deepEqual(await run([['.npmrc', 'registry=https://registry.npmjs.org/\n'], ['a/.npmrc', '//registry.npmjs.org/:_authToken=npm_u8jzPde0IgxLd6GncfBA\n']]), ['a/.npmrc']);
    assert.deepEqual(await run([['b/.npmrc', '//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n']]), []);
    assert.deepEqual(await run([['.pypirc', '[pypi]\nusername = __token__\npassword = pypi-AgEIcHlwaS5vcmc\n']]), ['.pypirc']);
    const sa = JSON.stringify({ type: 'service_account', private_key: KEY });
    assert.deepEqual(await run([['gcp/credentials.json', sa], ['tsconfig.json', '{}']]), ['gcp/credentials.json']);
  });

  it('adds files.sensitive and exempts files.allowSensitive', async () => {
    const config = { files: { sensitive: ['**/*.sqlite'], allowSensitive: ['test/fixtures/**'] } };
    assert.deepEqual(await run([['data/app.sqlite'], ['test/fixtures/.env'], ['.env']], config), ['data/app.sqlite', '.env']);
  });

  it('gives the git rm --cached command and the .gitignore line', async () => {
    const [problem] = await sensitiveFiles.run({ stage: 'pre-commit', files: [changedFile('config/my .env', 'A=1')] }, { config: {}, stage: 'pre-commit' });
    assert.match(problem!.message, /"config\/my \.env" is an environment file and must not be committed/);
    assert.match(problem!.fix!, /git rm --cached -- 'config\/my \.env' && echo '\/config\/my \.env' >> \.gitignore/);
  });
});
