/**
 * A config resolved into one policy object: every key the schema gives a default is filled in,
 * so a check reads `policy.branches.forcePush` and two policies compare key by key
 * (`policy-diff.ts`). Walks `schema.ts` only: no validator loads here, the hooks call it.
 */
import { configSchema, type PolicyFromConfigSchema, type SchemaNode } from './schema.js';
import type { McflowConfig } from './types.js';

export type Policy = PolicyFromConfigSchema;

const NOT_POLICY = new Set(['$schema', 'description', 'extends']);

/** The policy a (merged, `extends`-free) config gives. Idempotent: a policy resolves to itself. */
export function resolvePolicy(config: Omit<McflowConfig, 'extends'>): Policy {
  const filled = fill(config, configSchema) as Record<string, unknown>;
  for (const key of NOT_POLICY) delete filled[key];
  return filled as Policy;
}

function fill(value: unknown, node: SchemaNode): unknown {
  const current = value !== undefined ? value : node.default !== undefined ? structuredClone(node.default) : node.properties ? {} : undefined;
  if (node.type !== 'object' || typeof current !== 'object' || current === null || Array.isArray(current)) return current;
  const result: Record<string, unknown> = { ...(current as Record<string, unknown>) };
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const filled = fill(result[key], child);
    if (filled !== undefined) result[key] = filled;
  }
  // `checks`: every check gets its level, the schema's default for one not named.
  if (node.propertyNames && typeof node.additionalProperties === 'object') {
    for (const key of node.propertyNames.enum) if (result[key] === undefined) result[key] = structuredClone(node.additionalProperties.default);
  }
  return result;
}
