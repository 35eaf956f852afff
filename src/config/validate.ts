/**
 * Validates a config object against `configSchema`, collecting every problem at once so a user
 * fixes them in one pass. Each problem carries its key path (`branches.protected[2]`).
 */
import { configSchema, type SchemaNode } from './schema.js';
import { describeGlobError } from './glob.js';
import { describeRegexError } from './regex.js';

export interface ValidationProblem {
  path: string;
  message: string;
}

export function validateConfig(value: unknown, schema: SchemaNode = configSchema): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  visit(value, schema, '', problems);
  return problems;
}

function describeType(node: SchemaNode): string {
  if (node.enum) return `one of ${node.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  if (node.oneOf) return node.oneOf.map(describeType).join(' or ');
  if (node.type === 'array') {
    const item = node.items ? describeType(node.items) : 'anything';
    return `an array of ${item.replace(/^an? /, '')}s`;
  }
  if (node.type === 'object') return 'an object';
  if (node.type === 'integer') return 'a whole number';
  return `a ${node.type ?? 'value'}`;
}

function typeMatches(value: unknown, type: SchemaNode['type']): boolean {
  switch (type) {
    case undefined:
      return true;
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    case 'integer':
      return Number.isInteger(value);
    default:
      return typeof value === type;
  }
}

/** True when `value` satisfies `node` (used to pick the branch of a oneOf). */
function matches(value: unknown, node: SchemaNode): boolean {
  const probe: ValidationProblem[] = [];
  visit(value, node, '', probe);
  return probe.length === 0;
}

function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  const safe = /^[A-Za-z_$][\w$-]*$/.test(key) ? key : JSON.stringify(key);
  return path ? `${path}.${safe}` : safe;
}

function visit(value: unknown, node: SchemaNode, path: string, problems: ValidationProblem[]): void {
  const where = path || 'config';
  if (node.oneOf) {
    if (node.oneOf.some((option) => matches(value, option))) return;
    // Report the branch whose type fits (a string with a bad enum value is more useful than "expected X or Y").
    const sameType = node.oneOf.find((option) => typeMatches(value, option.type));
    if (sameType) return visit(value, sameType, path, problems);
    problems.push({ path: where, message: `expected ${describeType(node)}` });
    return;
  }
  if (!typeMatches(value, node.type)) {
    problems.push({ path: where, message: `expected ${describeType(node)}, got ${JSON.stringify(value) ?? 'undefined'}` });
    return;
  }
  if (node.enum && !node.enum.includes(value as string)) {
    problems.push({ path: where, message: `expected ${describeType(node)}, got ${JSON.stringify(value)}` });
    return;
  }
  if (typeof value === 'number' && node.minimum !== undefined && value < node.minimum) {
    problems.push({ path: where, message: `expected a number of at least ${node.minimum}, got ${value}` });
  }
  if (typeof value === 'string') {
    if (node.pattern && !new RegExp(node.pattern).test(value)) {
      problems.push({ path: where, message: `"${value}" does not match ${node.pattern}` });
    }
    if (node.format === 'regex') {
      const error = describeRegexError(value, 'm');
      if (error) problems.push({ path: where, message: `invalid pattern ${JSON.stringify(value)}: ${error}` });
    }
    if (node.format === 'glob') {
      const error = describeGlobError(value);
      if (error) problems.push({ path: where, message: `invalid pattern "${value}": ${error}` });
    }
  }
  if (Array.isArray(value) && node.items) {
    if (node.items.type === 'string' && value.some((item) => typeof item !== 'string')) {
      problems.push({ path: where, message: `expected ${describeType(node)}` });
      return;
    }
    value.forEach((item, index) => visit(item, node.items!, childPath(path, index), problems));
  }
  if (node.type === 'object' && typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const known = Object.keys(node.properties ?? {});
    for (const [key, child] of Object.entries(record)) {
      const propertySchema = node.properties?.[key];
      if (propertySchema) {
        visit(child, propertySchema, childPath(path, key), problems);
        continue;
      }
      if (node.propertyNames && !node.propertyNames.enum.includes(key)) {
        problems.push({
          path: childPath(path, key),
          message: `unknown check "${key}"; valid checks: ${node.propertyNames.enum.join(', ')}`,
        });
        continue;
      }
      if (node.additionalProperties === false) {
        problems.push({
          path: childPath(path, key),
          message: `unknown key "${key}"${path ? ` in ${path}` : ''}; valid keys: ${known.join(', ')}`,
        });
        continue;
      }
      if (typeof node.additionalProperties === 'object') {
        visit(child, node.additionalProperties, childPath(path, key), problems);
      }
    }
    for (const key of node.required ?? []) {
      if (!(key in record)) problems.push({ path: childPath(path, key), message: 'is required' });
    }
  }
}
