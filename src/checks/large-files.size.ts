/**
 * The size limit `large-files` enforces and `secrets` honours (it never reads a file over it):
 * `files.maxSize`, 5 MB by default.
 */
import { DEFAULTS } from '../config/defaults.js';
import type { McflowConfig } from '../config/types.js';

const UNITS: Record<string, number> = { b: 1, kb: 1024, k: 1024, mb: 1024 ** 2, m: 1024 ** 2, gb: 1024 ** 3, g: 1024 ** 3 };

function parseSize(setting: number | string): number | undefined {
  if (typeof setting === 'number') return setting;
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?b?|[KMG]?B?)\s*$/i.exec(setting);
  return match ? Math.round(Number(match[1]) * (UNITS[(match[2] || 'b').toLowerCase()] ?? 1)) : undefined;
}

/** The schema's default ("5 MB"), in bytes. */
export const DEFAULT_MAX_SIZE = parseSize(DEFAULTS.maxSize)!;

/** `files.maxSize` in bytes: a number of bytes or a string such as "5 MB" (units of 1024). */
export function maxFileSize(config: Pick<McflowConfig, 'files'>): number {
  const setting = config.files?.maxSize;
  return (setting === undefined ? undefined : parseSize(setting)) ?? DEFAULT_MAX_SIZE;
}

/** "5.0 MB", for messages. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}
