/**
 * Compares two policies key by key and lists every way the second is weaker than the first:
 * what `policy-change` reports in CI and what a locked key refuses. The direction of each key
 * comes from the schema's `weakerWhen` marks, so a key added to the schema is compared without
 * touching this file. Strengthening a key is never listed.
 */
import { CHECK_IDS, type CheckId } from '../checks/ids.js';
import { registry } from '../checks/registry.js';
import { maxFileSize, formatSize } from '../checks/large-files.size.js';
import { levelFor } from './levels.js';
import { configSchema, type SchemaNode } from './schema.js';
import { resolvePolicy, type Policy } from './policy.js';
import type { McflowConfig } from './types.js';

export interface Weakening {
  /** The key path: `checks.secrets`, `secrets.ignore`, `pullRequests.routes.develop`. */
  key: string;
  /** What changed, in a few words: `error → off at pre-commit, verify`, `adds "**"`. */
  change: string;
}

const LEVEL_RANK: Record<string, number> = { off: 0, warning: 1, error: 2 };
const quote = (value: unknown) => JSON.stringify(value);
const list = (values: readonly unknown[]) => values.map(quote).join(', ');

/** Every weakening from `base` to `head` (configs or policies, defaults are filled in either way). */
export function findWeakenings(base: Omit<McflowConfig, 'extends'>, head: Omit<McflowConfig, 'extends'>): Weakening[] {
  const found: Weakening[] = [];
  compareNode(resolvePolicy(base), resolvePolicy(head), configSchema, '', found);
  return found;
}

function compareNode(base: unknown, head: unknown, node: SchemaNode, key: string, found: Weakening[]): void {
  if (node.weakerWhen === 'lower' && node.propertyNames) return compareChecks({ checks: base } as Policy, { checks: head } as Policy, found);
  if (node.weakerWhen) {
    const change = describeWeakening(node, base, head, key);
    if (change) found.push({ key, change });
    // A map of lists (`pullRequests.routes`): dropped keys above, then each list that stayed.
    if (node.weakerWhen === 'removed' && typeof node.additionalProperties === 'object' && isRecord(base) && isRecord(head)) {
      for (const name of Object.keys(base)) {
        if (name in head) compareNode(base[name], head[name], node.additionalProperties, `${key}.${name}`, found);
      }
    }
    return;
  }
  if (!node.properties || !isRecord(base) || !isRecord(head)) return;
  for (const [name, child] of Object.entries(node.properties)) {
    compareNode(base[name], head[name], child, key ? `${key}.${name}` : name, found);
  }
}

/** `checks`: a level lowered at any stage the check runs in, one line per check. */
function compareChecks(base: Policy, head: Policy, found: Weakening[]): void {
  for (const id of CHECK_IDS) {
    const lowered = new Map<string, string[]>();
    for (const stage of registry[id as CheckId].stages) {
      const before = levelFor(base, id, stage);
      const after = levelFor(head, id, stage);
      if (LEVEL_RANK[after]! < LEVEL_RANK[before]!) {
        const change = `${before} → ${after}`;
        lowered.set(change, [...(lowered.get(change) ?? []), stage]);
      }
    }
    if (lowered.size > 0) found.push({ key: `checks.${id}`, change: [...lowered].map(([change, stages]) => `${change} at ${stages.join(', ')}`).join('; ') });
  }
}

function describeWeakening(node: SchemaNode, base: unknown, head: unknown, key: string): string | undefined {
  switch (node.weakerWhen) {
    case 'lower':
      return LEVEL_RANK[String(head)]! < LEVEL_RANK[String(base)]! ? `${base} → ${head}` : undefined;
    case 'higher': {
      const size = key === 'files.maxSize';
      const before = size ? maxFileSize({ files: { maxSize: base as number } }) : Number(base);
      const after = size ? maxFileSize({ files: { maxSize: head as number } }) : Number(head);
      if (!(after > before)) return undefined;
      return size ? `${formatSize(before)} → ${formatSize(after)}` : `${before} → ${after}`;
    }
    case 'false':
      return base === true && head === false ? 'true → false' : undefined;
    case 'added': {
      const added = difference(head, base);
      return added.length > 0 ? `adds ${list(added)}` : undefined;
    }
    case 'removed': {
      const removed = isRecord(base) ? Object.keys(base).filter((name) => !isRecord(head) || !(name in head)) : difference(base, head);
      return removed.length > 0 ? `removes ${list(removed)}` : undefined;
    }
    case 'changed':
      return describeChange(base, head);
    default:
      return undefined;
  }
}

/** Entries of `a` that `b` lacks (objects compared by content: `secrets.allow` entries by fingerprint). */
function difference(a: unknown, b: unknown): unknown[] {
  const keyOf = (entry: unknown) => (isRecord(entry) && typeof entry.fingerprint === 'string' ? entry.fingerprint : JSON.stringify(entry));
  const known = new Set((Array.isArray(b) ? b : []).map(keyOf));
  return (Array.isArray(a) ? a : []).filter((entry) => !known.has(keyOf(entry))).map((entry) => (isRecord(entry) && entry.fingerprint ? entry.fingerprint : entry));
}

/**
 * A key whose direction cannot be told (a commitlint rule override can tighten or loosen a rule
 * the preset set): any difference is listed, named by the entries that differ.
 */
function describeChange(base: unknown, head: unknown): string | undefined {
  if (isRecord(base) && isRecord(head)) {
    const names = [...new Set([...Object.keys(base), ...Object.keys(head)])].filter((name) => JSON.stringify(base[name]) !== JSON.stringify(head[name]));
    return names.length > 0 ? `changes ${list(names)}` : undefined;
  }
  return JSON.stringify(base) === JSON.stringify(head) ? undefined : `${quote(base) ?? 'unset'} → ${quote(head) ?? 'unset'}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
