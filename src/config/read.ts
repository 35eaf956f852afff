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

/**
 * JavaScript configs are imported directly. cosmiconfig's loader retries a failed import()
 * with require(), which turns a plain syntax error into a confusing "Cannot require() ES
 * Module" message; importing once keeps the real error.
 */
export const loadJavaScript: ConfigLoader = async (filepath) => {
  const { pathToFileURL } = await import('node:url');
  const module = (await import(pathToFileURL(filepath).href)) as { default?: unknown };
  return module.default ?? module;
};

/** Plain JSON (the built-in presets among them) needs no parser library until it is broken. */
export const loadJson: ConfigLoader = async (filepath, content) => {
  try {
    return JSON.parse(content);
  } catch (error) {
    throw new ConfigError(messages.configParse(filepath, await describeJsonError(content, error)), messages.configFix);
  }
};

/** The loaders cosmiconfig is given on top of its own (YAML, and JSON for `.mcflowrc`). */
export const loaders: Record<string, ConfigLoader> = {
  '.json': loadJson,
  '.js': loadJavaScript,
  '.mjs': loadJavaScript,
  '.cjs': loadJavaScript,
  '.ts': loadTypeScript,
  '.mts': loadTypeScript,
  '.cts': loadTypeScript,
};

/** cosmiconfig, vendored as CommonJS: its named exports may arrive on `default`. */
export async function importCosmiconfig(): Promise<typeof import('cosmiconfig')> {
  const module = (await import('cosmiconfig')) as Partial<typeof import('cosmiconfig')> & { default?: typeof import('cosmiconfig') };
  return (module.cosmiconfig && module.defaultLoaders ? module : module.default) as typeof import('cosmiconfig');
}

export async function loaderFor(filepath: string): Promise<ConfigLoader | undefined> {
  const extension = path.extname(filepath);
  if (loaders[extension]) return loaders[extension];
  const all = (await importCosmiconfig()).defaultLoaders as Record<string, ConfigLoader>;
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
  const loader = await loaderFor(filepath);
  if (!loader) throw new ConfigError(messages.configUnsupportedType(filepath), messages.configFix);
  try {
    return await loader(filepath, content);
  } catch (error) {
    throw configParseError(filepath, error);
  }
}

/**
 * Where JSON.parse failed, as "line L, column C: problem". Node 20's JSON.parse no longer says
 * where; jsonc-parser (strict mode, loaded only on this error path) does.
 */
export async function describeJsonError(content: string, error: unknown): Promise<string> {
  // The ESM build: the UMD main loads its parts with a dynamic require() a bundle cannot follow.
  const { parse, printParseErrorCode } = await import('jsonc-parser/lib/esm/main.js');
  const errors: import('jsonc-parser/lib/esm/main.js').ParseError[] = [];
  parse(content, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return (error as Error).message;
  const before = content.slice(0, first.offset).split('\n');
  const problem = printParseErrorCode(first.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase(); // "ValueExpected" → "value expected"
  return `line ${before.length}, column ${before[before.length - 1]!.length + 1}: ${problem}`;
}

/** A parse failure as one readable error: the file, the parser's own words, no stack trace. */
export function configParseError(filepath: string, error: unknown): ConfigError {
  if (error instanceof ConfigError) return error;
  const raw = error instanceof Error ? withLocation(error) : String(error);
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

/** A JavaScript SyntaxError's location sits in its stack (`file:///…/mcflow.config.mjs:3`), not its message. */
function withLocation(error: Error): string {
  const line = /^(?:file:\/\/)?\S+?:(\d+)$/m.exec(error.stack ?? '')?.[1];
  return error.name === 'SyntaxError' && line ? `line ${line}: SyntaxError: ${error.message}` : error.message;
}
