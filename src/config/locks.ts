/**
 * Locked keys: a shared preset names keys (`policy.locked`) that a config extending it may
 * strengthen but never weaken, at any stage. An entry is a key path (`secrets.ignore`,
 * `branches.protected`, `checks.secrets`) and locks everything under it; a check id
 * (`secrets`, `sensitive-files`) locks the check's level and the keys that check reads.
 */
import { CHECK_IDS, type CheckId } from '../checks/ids.js';
import { ConfigError } from '../errors.js';
import { messages } from '../messages.js';
import { findWeakenings, type Weakening } from './policy-diff.js';
import { configSchema, type SchemaNode } from './schema.js';
import type { McflowConfig } from './types.js';

/** The config keys each check reads: locking the check locks them with its level. */
const KEYS_OF_CHECK: Partial<Record<CheckId, string[]>> = {
  'commit-message': ['commits'],
  'protected-branch': ['branches.protected', 'branches.forcePush'],
  'branch-name': ['branches.allowed', 'branches.bots', 'branches.maxLength', 'branches.kebabCase'],
  'tag-name': ['tags', 'branches.production'],
  secrets: ['secrets', 'files.maxSize'],
  'sensitive-files': ['files.sensitive', 'files.allowSensitive'],
  'large-files': ['files.maxSize', 'files.allowLarge'],
  'merge-direction': ['pullRequests.routes'],
  'pr-title': ['commits'],
  'pr-body': ['pullRequests.body'],
  'direct-commits': ['branches.protected', 'pullRequests.bots'],
  'branch-health': ['audit.staleAfterDays'],
  'signed-commits': ['audit.requireSignedCommits'],
};

/** The key paths an entry of `policy.locked` covers. */
export function lockedKeys(entry: string): string[] {
  const keys = [entry];
  if ((CHECK_IDS as readonly string[]).includes(entry)) keys.push(`checks.${entry}`, ...(KEYS_OF_CHECK[entry as CheckId] ?? []));
  return keys;
}

export function isLocked(key: string, locked: readonly string[]): boolean {
  return locked.some((entry) => lockedKeys(entry).some((prefix) => key === prefix || key.startsWith(`${prefix}.`)));
}

/** Every weakening of a locked key from `base` to `merged`; an entry that names no key is a ConfigError. */
export function checkLocks(base: Omit<McflowConfig, 'extends'>, merged: Omit<McflowConfig, 'extends'>, locked: readonly string[]): Weakening[] {
  const unknown = locked.filter((entry) => !isKnownKey(entry));
  if (unknown.length > 0) throw new ConfigError(messages.policy.lockedUnknown(unknown), messages.configCheckFix);
  return findWeakenings(base, merged).filter((weakening) => isLocked(weakening.key, locked));
}

function isKnownKey(entry: string): boolean {
  if ((CHECK_IDS as readonly string[]).includes(entry)) return true;
  const [first, ...rest] = entry.split('.');
  if (first === 'checks') return rest.length === 0 || (rest.length === 1 && (CHECK_IDS as readonly string[]).includes(rest[0]!));
  let node: SchemaNode | undefined = configSchema.properties[first as keyof typeof configSchema.properties];
  for (const part of rest) node = node?.properties?.[part] ?? (typeof node?.additionalProperties === 'object' ? node.additionalProperties : undefined);
  return node !== undefined;
}
