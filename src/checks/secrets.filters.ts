/**
 * Cheap tests on a changed file that run before any content is scanned for secrets: lockfiles
 * and binary content.
 */
/** Lockfiles hold integrity hashes and resolved URLs, never credentials a person typed. */
const LOCKFILES = new Set([
  'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lock', 'bun.lockb', 'deno.lock',
  'Cargo.lock', 'poetry.lock', 'Pipfile.lock', 'uv.lock', 'pdm.lock', 'Gemfile.lock', 'composer.lock', 'go.sum',
  'mix.lock', 'pubspec.lock', 'Podfile.lock', 'packages.lock.json', 'flake.lock',
]);

export function isLockfile(filePath: string): boolean {
  return LOCKFILES.has(filePath.slice(filePath.lastIndexOf('/') + 1));
}

/** Git's own test: a NUL byte in the first 8000 bytes means binary. */
export function isBinary(content: Buffer): boolean {
  return content.subarray(0, 8000).includes(0);
}
