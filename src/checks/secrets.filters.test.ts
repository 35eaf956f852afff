import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isTestFixturePath } from './secrets.filters.js';

describe('isTestFixturePath', () => {
  const fixtures = ['test/fixtures/keys.json', 'src/__tests__/api.ts', 'pkg/auth/testdata/token.txt', 'spec/models/user_spec.rb', 'src/api.test.ts', 'app/login.spec.js', 'auth/jwt_test.go', 'tests/test_settings.py', 'e2e/login.ts'];
  for (const file of fixtures) it(`${file} is a fixture path`, () => assert.equal(isTestFixturePath(file), true));
  const code = ['src/config.ts', 'app/settings.py', 'contest/entry.ts', 'latest/notes.md', 'src/testing-library.ts', '.env'];
  for (const file of code) it(`${file} is not`, () => assert.equal(isTestFixturePath(file), false));
});
