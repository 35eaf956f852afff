/**
 * Tag name rules as plain functions: SemVer 2.0.0 with a `v` prefix (https://semver.org), and a
 * valid tag derived from a near miss (`2.1.0` → `v2.1.0`, `V2.1` → `v2.1.0`).
 */

/** The regular expression semver.org gives, with the `v` prefix this workflow uses. */
const VERSION_TAG =
  /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

export interface VersionTag {
  prerelease?: string;
  build?: string;
}

/** The parts of a `vMAJOR.MINOR.PATCH[-pre][+build]` tag, or undefined when it is not one. */
export function parseVersionTag(name: string): VersionTag | undefined {
  const match = VERSION_TAG.exec(name);
  if (!match) return undefined;
  return { ...(match[4] !== undefined ? { prerelease: match[4] } : {}), ...(match[5] !== undefined ? { build: match[5] } : {}) };
}

/** A release tag: a version tag without a pre-release part (build metadata does not make a pre-release). */
export function isReleaseTag(name: string): boolean {
  const version = parseVersionTag(name);
  return version !== undefined && version.prerelease === undefined;
}

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
