/**
 * Tag name rules as plain functions: a valid tag derived from a near miss (`2.1.0` → `v2.1.0`,
 * `V2.1` → `v2.1.0`). What a version and a release tag are lives in src/release-tag.ts, which
 * the sources share.
 */
import { parseVersionTag } from '../release-tag.js';

export { isReleaseTag, parseVersionTag, type VersionTag } from '../release-tag.js';

/**
 * A version tag built from the version a bad tag contains (`2.1.0`, `V2.1.0`, `release-2.1.0`,
 * `v2.1`, `v02.1.0`), keeping a pre-release and build part when they are valid; undefined when
 * the name holds no version at all.
 */
export function suggestTagName(name: string): string | undefined {
  const match = /(\d+)\.(\d+)(?:\.(\d+))?([-+][0-9A-Za-z.+-]*)?/.exec(name);
  if (!match) return undefined;
  const [major, minor, patch = '0'] = [match[1]!, match[2]!, match[3]].map((n) => (n === undefined ? undefined : String(Number(n))));
  const core = `v${major}.${minor}.${patch}`;
  const withSuffix = `${core}${match[4] ?? ''}`;
  const candidate = parseVersionTag(withSuffix) ? withSuffix : core;
  return candidate === name ? undefined : candidate;
}
