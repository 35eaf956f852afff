/**
 * The CRC-32 checksum GitHub (`ghp_…`) and npm (`npm_…`) tokens end with: six base62 characters
 * of the CRC-32 of the 30 random characters before them. A real token always passes; a made-up one
 * passes one time in 56 billion, so a finding can say whether the token is well-formed.
 */
export const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

let crcTable: Uint32Array | undefined;
/** CRC-32 (IEEE), the checksum GitHub and npm tokens carry. */
export function crc32(text: string): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) crc = crcTable[(crc ^ text.charCodeAt(i)) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** The six base62 characters GitHub-style tokens end with: CRC-32 of the random part, zero-padded. */
export function base62Checksum(random: string): string {
  let value = crc32(random);
  let out = '';
  do {
    out = BASE62[value % 62]! + out;
    value = Math.floor(value / 62);
  } while (value > 0);
  return out.padStart(6, '0');
}

/** Whether a GitHub- or npm-style token's last six characters are the checksum of the rest of its body. */
export function hasValidChecksum(body: string): boolean {
  return body.length > 6 && base62Checksum(body.slice(0, -6)) === body.slice(-6);
}
