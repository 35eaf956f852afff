/**
 * Format-valid but made-up secret bodies for the rules' samples, computed when a rule file loads
 * instead of written out: no literal look-alike of a real credential sits in the source or the
 * bundle, and each sample is random enough to pass the entropy tests a real one passes.
 * Deterministic (seeded by the sample's own label), so a failing sample fails the same way twice.
 */

import { BASE62, base62Checksum } from './checksum.js';

export { BASE62 };
export const HEX = '0123456789abcdef';
export const LOWER_ALNUM = '0123456789abcdefghijklmnopqrstuvwxyz';
export const UPPER_ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const BASE64 = `${BASE62}+/`;
export const BASE64URL = `${BASE62}-_`;
export const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** `length` characters from `charset`, the same every time for the same `label`. */
export function fake(label: string, length: number, charset = BASE62): string {
  // FNV-1a of the label seeds a mulberry32 generator.
  let seed = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) seed = Math.imul(seed ^ label.charCodeAt(i), 0x01000193) >>> 0;
  let out = '';
  for (let i = 0; i < length; i++) {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out += charset[((t ^ (t >>> 14)) >>> 0) % charset.length];
  }
  return out;
}

/** A GitHub- or npm-style token: prefix, 30 random base62 characters, their six-character checksum. */
export function fakeChecksummed(prefix: string, label: string): string {
  const random = fake(label, 30);
  return `${prefix}${random}${base62Checksum(random)}`;
}
