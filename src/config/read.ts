/**
 * Reads one config or preset file of any supported type, turning parser failures into a
 * ConfigError that names the file (and, where the parser gives it, the line).
 */
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../errors.js';
import { messages } from '../messages.js';

export type ConfigLoader = (filepath: string, content: string) => Promise<unknown> | unknown;

/**
 * `.ts` configs load through jiti, so a TypeScript config works on Node 20 without the user
 * installing anything (cosmiconfig's own `.ts` loader needs the TypeScript compiler API).
 * Imported only when such a file exists: jiti is large.
 */
export const loadTypeScript: ConfigLoader = async (filepath) => {
  const { createJiti } = await import('jiti');
  const jiti = createJiti(import.meta.url, { interopDefault: true, moduleCache: false, fsCache: false });
  return jiti.import(filepath, { default: true });
};

/** The loaders cosmiconfig is given: its own, plus TypeScript through jiti. */
export const loaders: Record<string, ConfigLoader> = {
  '.ts': loadTypeScript,
  '.mts': loadTypeScript,
  '.cts': loadTypeScript,
};

async function loaderFor(filepath: string): Promise<ConfigLoader | undefined> {
  const extension = path.extname(filepath);
  if (loaders[extension]) return loaders[extension];
  const { defaultLoaders } = await import('cosmiconfig');
  const all = defaultLoaders as Record<string, ConfigLoader>;
  if (extension) return all[extension];
  return path.basename(filepath).startsWith('.') ? all['noExt'] : undefined;
}

export async function readConfigFile(filepath: string): Promise<unknown> {
  let content: string;
  try {
    content = fs.readFileSync(filepath, 'utf8');
  } catch (error) {
    throw new ConfigError(messages.configUnreadable(filepath, (error as Error).message), messages.configFix);
  }
  // Plain JSON (the built-in presets among them) needs no parser library; on a syntax error
  // cosmiconfig's loader is asked again for its message with line and column.
  if (filepath.endsWith('.json')) {
    try {
      return JSON.parse(content);
    } catch {
      // fall through to the loader for a good message
    }
  }
  const loader = await loaderFor(filepath);
  if (!loader) throw new ConfigError(messages.configUnsupportedType(filepath), messages.configFix);
  try {
    return await loader(filepath, content);
  } catch (error) {
    throw configParseError(filepath, error);
  }
}

/** A parse failure as one readable error: the file, the parser's own words, no stack trace. */
export function configParseError(filepath: string, error: unknown): ConfigError {
  if (error instanceof ConfigError) return error;
  const raw = error instanceof Error ? error.message : String(error);
  // cosmiconfig prefixes "JSON Error in <file>:" and js-yaml appends a code frame; keep the parser's sentence.
  const detail = raw
    .replace(/^JSON Error in [^\n]*:\s*/u, '')
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '')
    .slice(0, 8)
    .join('\n    ');
  return new ConfigError(messages.configParse(filepath, detail), messages.configFix);
}
