/** The JSON schema file shipped for editors, as generated from `configSchema`. */
import { configSchema } from './schema.js';

export const SCHEMA_FILE = 'schema/mcflow.schema.json';

export function renderSchemaFile(): string {
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://unpkg.com/mcflow-hooks/schema/mcflow.schema.json',
    title: 'mcflow-hooks config',
    ...configSchema,
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
