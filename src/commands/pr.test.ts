import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildBody, compareUrl } from './pr.js';

describe('pr', () => {
  const urls: [string, string | undefined][] = [
    ['git@github.com:acme/app.git', 'https://github.com/acme/app/compare/develop...feature/login?expand=1'],
    ['https://github.com/acme/app', 'https://github.com/acme/app/compare/develop...feature/login?expand=1'],
    ['ssh://git@github.com/acme/app.git', 'https://github.com/acme/app/compare/develop...feature/login?expand=1'],
    ['git@gitlab.com:acme/group/app.git', 'https://gitlab.com/acme/group/app/-/merge_requests/new?merge_request%5Bsource_branch%5D=feature%2Flogin&merge_request%5Btarget_branch%5D=develop'],
    ['/srv/git/app.git', undefined],
  ];
  for (const [remote, expected] of urls) it(`compare URL for ${remote}`, () => assert.equal(compareUrl(remote, 'develop', 'feature/login'), expected));

  it('adds the branch type template to a GitHub compare URL', () => {
    assert.equal(compareUrl('git@github.com:acme/app.git', 'main', 'release/v1.2.0', 'release.md'), 'https://github.com/acme/app/compare/main...release/v1.2.0?expand=1&template=release.md');
  });

  it('lists the commits by type under the Description heading', () => {
    const body = buildBody('## Description\n\n<!-- say what -->\n\n## Testing\n', [
      { sha: 'aaaaaaaa1', subject: 'fix: handle empty input' },
      { sha: 'bbbbbbbb2', subject: 'feat(auth): add login form' },
      { sha: 'cccccccc3', subject: 'Merge stuff' },
    ]);
    assert.equal(
      body,
      '## Description\n\n<!-- say what -->\n\n### Features\n\n- feat(auth): add login form (bbbbbbb)\n\n### Fixes\n\n- fix: handle empty input (aaaaaaa)\n\n### Other\n\n- Merge stuff (ccccccc)\n\n## Testing\n',
    );
  });
});
