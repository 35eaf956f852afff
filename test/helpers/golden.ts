/**
 * Golden files: `assertGolden(name, actual)` compares with `test/golden/<name>`; run with
 * UPDATE_GOLDEN=1 to rewrite them after an intended change (and review the diff).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from './repo.js';

export function assertGolden(name: string, actual: string): void {
  const file = path.join(PACKAGE_ROOT, 'test/golden', name);
  if (process.env.UPDATE_GOLDEN === '1') {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, actual);
    return;
  }
  assert.ok(fs.existsSync(file), `missing golden file ${file}: run the tests with UPDATE_GOLDEN=1 once`);
  assert.equal(actual, fs.readFileSync(file, 'utf8'), `${name} differs from its golden file (UPDATE_GOLDEN=1 rewrites it)`);
}

/**
 * Makes output stable across runs and machines: every sha (full or 12-char) becomes `<sha-N>` in
 * order of first appearance, fingerprints derived from shas become `<fingerprint>`, the package
 * version `<version>`, and `root` `<repo>`.
 */
export function normalise(text: string, options: { root?: string; version?: string } = {}): string {
  const names = new Map<string, string>();
  let result = text;
  if (options.root) result = result.split(options.root).join('<repo>');
  result = result.replace(/"mcflowFinding\/v1": "[0-9a-f]+"/g, '"mcflowFinding/v1": "<fingerprint>"');
  result = result.replace(/\b[0-9a-f]{40}\b/g, (sha) => {
    if (!names.has(sha)) names.set(sha, `<sha-${names.size + 1}>`);
    return names.get(sha)!;
  });
  result = result.replace(/\b[0-9a-f]{12}\b/g, (short) => {
    for (const [sha, name] of names) if (sha.startsWith(short)) return name;
    return short;
  });
  if (options.version) result = result.split(`"${options.version}"`).join('"<version>"');
  return result;
}
