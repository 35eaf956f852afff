/**
 * How presets combine: plain objects merge key by key (so a user can change one rule or one
 * check), everything else, arrays included, is replaced by the later value. Replacing arrays
 * is deliberate: a team that lists its protected branches means exactly that list.
 */
export function mergeConfigs<T extends Record<string, unknown>>(base: T, override: Record<string, unknown>): T {
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const previous = result[key];
    result[key] = isPlainObject(previous) && isPlainObject(value) ? mergeConfigs(previous, value) : value;
  }
  return result as T;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
