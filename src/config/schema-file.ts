/** The JSON schema file shipped for editors, as generated from `configSchema`. */
import { configSchema, SCHEMA_EXTENSIONS } from './schema.js';

export const SCHEMA_FILE = 'schema/mcflow.schema.json';

export function renderSchemaFile(): string {
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://unpkg.com/mcflow-hooks/schema/mcflow.schema.json',
    title: 'mcflow-hooks config',
    ...configSchema,
  };
  // Our own annotations (`weakerWhen`) are not JSON Schema: editors and validators get none of them.
  const extensions: readonly string[] = SCHEMA_EXTENSIONS;
  return `${JSON.stringify(schema, (key, value: unknown) => (extensions.includes(key) ? undefined : value), 2)}\n`;
}
