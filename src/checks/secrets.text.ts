/**
 * A blob's bytes as text, decided by content after decoding, never by a NUL in the first
 * 8000 bytes (git's test, which calls UTF-16 text binary): UTF-8 with or without a BOM, and
 * UTF-16LE/BE with or without one, are text. A file is binary when, decoded, more than a tenth
 * of it is control characters or undecodable bytes: a stray NUL in a config file does not make
 * it binary, an image or archive is.
 *
 * Nothing decides from a sample: the encoding is read from the whole file, so a file that is
 * ASCII for 8000 bytes and UTF-16 after, or UTF-16 without a BOM that starts with non-Latin
 * text, is read as what it mostly is. Zero bytes are not text in any encoding we read as UTF-8:
 * when a UTF-8 reading has too many of them (UTF-16 pasted into an ASCII file, NUL padding), it
 * is read again without them, which keeps git's lines (an LF byte is never part of a multi-byte
 * UTF-8 sequence) and turns ASCII in UTF-16 back into its letters.
 *
 * Git counts lines by LF bytes. In UTF-16 a line's LF is one byte of two (0A 00), and other
 * characters can hold an 0A byte (U+0A05 is 05 0A), so the added lines git reports are mapped
 * to the decoded text's lines by byte offsets ({@link addedTextLines}).
 */
import { isAscii } from 'node:buffer';
import { LineRanges } from '../line-ranges.js';

export type TextEncoding = 'utf8' | 'utf16le' | 'utf16be';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** Bytes of BOM skipped before `text`. */
  bom: number;
}

/** Characters no text has many of: C0 controls but TAB, LF, VT, FF, CR and ESC; DEL; U+FFFD (bytes that did not decode). */
const SUSPICIOUS = /[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f\ufffd]/;
const BINARY_RATIO = 0.1;

/** The encoding a blob's bytes are in, from its BOM or, without one, the pattern of its zero bytes. */
export function detectEncoding(bytes: Buffer): { encoding: TextEncoding; bom: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf8', bom: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf16le', bom: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf16be', bom: 2 };
  const pairs = Math.floor(bytes.length / 2);
  // No zero byte at all (most files; one native search): not UTF-16.
  if (pairs < 2 || bytes.subarray(0, pairs * 2).indexOf(0) === -1) return { encoding: 'utf8', bom: 0 };
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (bytes[i] === 0) zeroEven++;
    if (bytes[i + 1] === 0) zeroOdd++;
  }
  // Mostly-ASCII UTF-16 has a zero in every other byte, and (almost) none in the other half.
  if (zeroOdd >= pairs * 0.3 && zeroEven <= pairs * 0.02) return { encoding: 'utf16le', bom: 0 };
  if (zeroEven >= pairs * 0.3 && zeroOdd <= pairs * 0.02) return { encoding: 'utf16be', bom: 0 };
  return { encoding: 'utf8', bom: 0 };
}

/** The decoded text, or undefined when the content is binary. Linear in the size. */
export function decodeText(bytes: Buffer, known?: { encoding: TextEncoding; bom: number }): DecodedText | undefined {
  const { encoding, bom } = known ?? detectEncoding(bytes);
  if (bom === 0 && encoding !== 'utf8') return decodeUnmarkedUtf16(bytes, encoding);
  return decodeAs(bytes, encoding, bom);
}

/**
 * UTF-16 told by its zeros alone, without a BOM. The file may start in ASCII (or UTF-8) and
 * turn UTF-16 later: read as UTF-16, that start is noise, and a token in it would be missed.
 * The zero-less UTF-8 reading keeps the ASCII of both parts (and git's lines). The UTF-16
 * reading (the text's own lines) is taken when it holds all the ASCII the other one does.
 */
function decodeUnmarkedUtf16(bytes: Buffer, encoding: TextEncoding): DecodedText | undefined {
  const wide = decodeAs(bytes, encoding, 0);
  const narrow = decodeAs(bytes, 'utf8', 0);
  if (!wide || !narrow) return wide ?? narrow;
  const visibleAscii = (text: string) => text.replace(/[^\x21-\x7e]+/g, '');
  return visibleAscii(wide.text) === visibleAscii(narrow.text) ? wide : narrow;
}

function decodeAs(bytes: Buffer, encoding: TextEncoding, bom: number): DecodedText | undefined {
  const body = bytes.subarray(bom);
  let text: string;
  if (encoding === 'utf16be') {
    const swapped = Buffer.from(body.subarray(0, body.length - (body.length % 2)));
    swapped.swap16();
    text = swapped.toString('utf16le');
  } else {
    text = encoding === 'utf16le' ? body.subarray(0, body.length - (body.length % 2)).toString('utf16le') : decodeUtf8(body);
  }
  // Most text has none of these at all: one native regex pass says so; count only when some exist.
  if (!SUSPICIOUS.test(text)) return { text, encoding, bom };
  const { suspicious, zeros } = countSuspicious(text);
  if (suspicious <= text.length * BINARY_RATIO) return { text, encoding, bom };
  // Binary only because of its zeros (UTF-16 inside UTF-8, NUL padding): the text without them.
  // Counted in the same pass, so real binaries pay no second one.
  if (encoding !== 'utf8' || zeros === 0 || suspicious - zeros > (text.length - zeros) * BINARY_RATIO) return undefined;
  return { text: text.replaceAll('\0', ''), encoding, bom };
}

/**
 * UTF-8 bytes as a string. ASCII (most files; one native check) is decoded as Latin-1, the same
 * characters: Node keeps a string of over a megabyte decoded that way outside V8's heap, where a
 * large file does not count toward the heap growth that starts a full garbage collection (4.5 MB
 * of text was a quarter of a scan's old generation, and its collection ~8 ms of a 250 ms run).
 */
function decodeUtf8(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/** Control characters (but TAB, LF, VT, FF, CR, ESC), DEL and U+FFFD; and how many of them are NUL. */
function countSuspicious(text: string): { suspicious: number; zeros: number } {
  let suspicious = 0;
  let zeros = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0) zeros++;
    if (code < 0x20 ? code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c && code !== 0x0b && code !== 0x1b : code === 0x7f || code === 0xfffd) suspicious++;
  }
  return { suspicious, zeros };
}

/**
 * The decoded text's line numbers that hold the lines git says were added. UTF-8 lines are
 * git's lines. In UTF-16, git's lines end at LF bytes: between two of them there is no newline
 * code unit except the one ending at the second, so each git line lies in exactly one text line
 * (an LE newline's 00 byte starts git's next line but belongs to the text line it ends), and a
 * text line can span several git lines. One pass over the LF bytes maps them.
 */
export function addedTextLines(bytes: Buffer, decoded: DecodedText, gitLines: ReadonlySet<number>): ReadonlySet<number> {
  if (decoded.encoding === 'utf8' || gitLines.size === 0) return gitLines;
  let last = 0;
  for (const line of gitLines) if (line > last) last = line;
  const little = decoded.encoding === 'utf16le';
  const result = new LineRanges();
  let textLine = 1;
  for (let gitLine = 1, lf = bytes.indexOf(0x0a); gitLine <= last; gitLine++) {
    if (gitLines.has(gitLine)) result.add(textLine, 1);
    if (lf === -1) break;
    const offset = lf - decoded.bom;
    const newline = little ? offset % 2 === 0 && bytes[lf + 1] === 0 : offset % 2 === 1 && bytes[lf - 1] === 0;
    if (newline) textLine++;
    lf = bytes.indexOf(0x0a, lf + 1);
  }
  return result;
}
