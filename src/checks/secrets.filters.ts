/** Cheap tests on a changed file's path, before any content is scanned for secrets. */

/**
 * Paths where tests keep their fixtures: `test/`, `tests/`, `__tests__/`, `spec/`, `fixtures/`,
 * `testdata/`, `__mocks__/`, `*.test.*`, `*.spec.*`, `*_test.go`, `test_*.py`. Files there are
 * still scanned (a real key pasted into a fixture is still leaked), but a finding says where it
 * is, so a reviewer can tell a fake sample from a leak at a glance.
 */
const FIXTURE_DIR = /(?:^|\/)(?:tests?|__tests__|spec|specs|fixtures?|testdata|test-data|__fixtures__|__mocks__|mocks?|e2e)\//i;
const FIXTURE_FILE = /\.(?:test|spec)\.[\w]+$|_test\.go$|(?:^|\/)test_[^/]*\.py$|_spec\.rb$/i;

export function isTestFixturePath(filePath: string): boolean {
  return FIXTURE_DIR.test(filePath) || FIXTURE_FILE.test(filePath);
}
