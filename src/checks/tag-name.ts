/**
 * tag-name: pushed tags are versions, `vMAJOR.MINOR.PATCH[-prerelease][+build]` (SemVer 2.0.0),
 * or match `tags.allowed` (`archive/*`).
 *
 * Why: deployments, changelogs and package managers read tags as versions, and a published
 * version must never change or disappear.
 *
 * A release tag (no pre-release part) must point at a commit a production branch
 * (`branches.production`) contains: the pre-push source asks git and this check reports
 * "could not check" (a warning) when the clone has no production branch. Deleting a release
 * tag, or moving any version tag that the remote has, is refused.
 *   { "tags": { "allowed": ["archive/*"] }, "branches": { "production": ["main-production", "main"] } }
 */
import { compileMatcher } from '../config/glob.js';
import { messages, shellQuote } from '../messages.js';
import type { Problem, RefUpdate } from '../types.js';
import type { Check } from './check.js';
import { kindOf } from '../ref-update.js';
import { isReleaseTag, parseVersionTag } from '../release-tag.js';
import { suggestTagName } from './tag-name.rules.js';

const text = messages.tagName;
const TAG_PREFIX = 'refs/tags/';

export const tagName: Check = {
  id: 'tag-name',
  why: text.why,
  run(change, context) {
    const extra = context.config.tags?.allowed ?? [];
    const production = context.config.branches?.production ?? [];
    const isExtra = compileMatcher(extra);
    const remote = change.remote?.name ?? 'origin';
    const problems: Problem[] = [];
    for (const update of change.refUpdates ?? []) {
      if (!update.remoteRef.startsWith(TAG_PREFIX)) continue;
      const tag = update.remoteRef.slice(TAG_PREFIX.length);
      const version = parseVersionTag(tag);
      const at = (commit: string) => ({ ref: update.remoteRef, commit });
      const kind = kindOf(update);
      if (kind === 'delete') {
        if (isReleaseTag(tag)) problems.push({ message: text.deleted(tag, remote), ...at(update.remoteSha), fix: text.publishNext(nextVersion(tag), tag, remote) });
        continue;
      }
      if (!version) {
        if (isExtra(tag)) continue;
        const suggestion = suggestTagName(tag);
        const fix = text.invalidFix(shellQuote(tag), suggestion, shellQuote(`${tag}^{commit}`), remote);
        problems.push({ message: text.invalid(tag, extra), ...at(update.localSha), fix });
        continue;
      }
      if (kind === 'force') {
        problems.push({ message: text.moved(tag, remote), ...at(update.localSha), fix: text.publishNext(nextVersion(tag), tag, remote) });
        continue;
      }
      if (isReleaseTag(tag) && production.length > 0) problems.push(...checkReachability(update, tag, production, remote));
    }
    return problems;
  },
};

function checkReachability(update: RefUpdate, tag: string, production: readonly string[], remote: string): Problem[] {
  const at = { ref: update.remoteRef, commit: update.localSha };
  if (update.reachableFromProduction === false) {
    return [{ message: text.notOnProduction(tag, production), ...at, fix: text.notOnProductionFix(tag) }];
  }
  if (update.reachableFromProduction === 'unknown') {
    return [{ severity: 'warning', message: text.unknownReachability(tag, production), ...at, fix: text.unknownReachabilityFix(remote) }];
  }
  return [];
}

/**
 * The version to release instead of changing a published one: the next pre-release number
 * (`v2.2.0-beta.1` → `v2.2.0-beta.2`), else the next patch (`v2.1.0+build` → `v2.1.1`).
 */
export function nextVersion(tag: string): string {
  const prerelease = /^(v\d+\.\d+\.\d+-(?:[^+]*\.)?)(\d+)(?:\+.*)?$/.exec(tag);
  if (prerelease) return `${prerelease[1]}${Number(prerelease[2]) + 1}`;
  const match = /^v(\d+)\.(\d+)\.(\d+)/.exec(tag);
  return match ? `v${match[1]}.${match[2]}.${Number(match[3]) + 1}` : 'v<next>';
}
