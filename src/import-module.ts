/**
 * Every dynamic import() of the bundles in dist/ goes through here (scripts/build.mjs rewrites
 * `import(x)` in them to a call of this function with the bundle's own file name). The bundles
 * are compiled from V8's code cache (code-cache.ts), and on Node 20 an import() inside code
 * read from that cache fails ("A dynamic import callback was not specified": V8 does not restore
 * the host options Node keys its loader by). This module is its own small bundle, compiled by
 * Node itself, where import() works.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** import(specifier) as the bundle `from` would do it: a relative path is taken from that bundle's directory. */
export function importModule(from: string, specifier: string | URL): Promise<unknown> {
  const relative = typeof specifier === 'string' && (specifier.startsWith('./') || specifier.startsWith('../'));
  return import(relative ? pathToFileURL(path.resolve(path.dirname(from), specifier)).href : String(specifier));
}
