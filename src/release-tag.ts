/**
 * What a release tag is, for everyone who asks: the tag-name check (is this name valid, may it
 * be deleted), and the sources that find out whether a pushed release tag sits on a production
 * branch (pre-push, and verify's range). SemVer 2.0.0 with a `v` prefix (https://semver.org).
 * Plain functions: no git, no config.
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
