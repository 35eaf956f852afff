/**
 * The prefilter's dense pass (secrets.keywords.ts, `denseLines`) over an ASCII text, as
 * WebAssembly (secrets.walk.wat). That pass walks every character of a text full of keywords
 * (100 000 `API_KEY=…` lines): the lines' first literals, then the literals not yet found. As
 * JavaScript, V8 ran those loops unoptimised through the first megabytes while TurboFan compiled
 * them: the compiles queue on a background thread and took 10–27 ms each on a 2-core machine.
 * WebAssembly is compiled before its first call, in under a millisecond, to code that walks
 * bytes as fast as the optimised JavaScript walked characters, and V8 tiers it up in the
 * background. On a 4.7 MB file of such lines the prefilter took 51–57 ms cold (27–32 ms warm);
 * with this module, 22–27 ms (13–14 ms warm).
 *
 * The module only filters: it stops where the JavaScript pass has something to decide (a literal
 * not yet found matches, a trigger's regex must run, a line it will not take), and that pass
 * decides it with its own code, so both answer alike (tested: secrets.walk.test.ts). It reads the
 * text's bytes, so it takes only ASCII texts, whose UTF-8 bytes are their characters one for
 * one; any other text, and every text where WebAssembly is missing (`node --jitless`) or fails to
 * start, is walked by the JavaScript pass.
 */
import { WASM } from './secrets.walk.wasm.js';

/** Where secrets.walk.wat reads its tables and the text (its header lists them). */
const LIVE_PAIRS = 0;
const LIVE_BITS = 16384;
const START_BITS = 278528;
const ROW_OF = 540672;
const ROW_START = 606208;
const PAIR_LIST = 622592;
const LIT_OFFSET = 655360;
const LIT_LENGTH = 659456;
const LIT_FLAGS = 663552;
const LIT_TEXT = 664576;
const TEXT = 680960;
const BITS_BYTES = (128 * 128 * 128) / 8;
const PAGE = 64 * 1024;

/** The prefilter's tables, as secrets.keywords.ts builds them. */
export interface WalkTables {
  /** Per pair (`first * 128 + second`), its row; 0 for none. */
  rowOf: Int32Array;
  /** Per row, where its literals begin in `pairList`. */
  rowStart: Int32Array;
  pairList: Int32Array;
  /** Lower-case ASCII; `regex` for a trigger, whose text is only its regex's prefix. */
  literals: readonly { text: string; regex?: RegExp }[];
  /** One bit per (pair, third character) where some literal may start. */
  starts: Uint8Array;
}

/** One text's walk, valid until the next {@link asciiWalk}. Positions are the text's offsets. */
export interface Walk {
  /** The live tables, cleared: one byte per pair, one bit per (pair, third), where a literal not yet found may start. */
  readonly pairs: Uint8Array;
  readonly bits: Uint8Array;
  /** Which literals are found (one byte each, 1 or 0): the walk passes over them. */
  setFound(found: Uint8Array): void;
  /** The first position in [from, to) where a literal not yet found (or a trigger's text) matches; `to` when none. */
  next(from: number, to: number): number;
  /**
   * The newline ending the last of the lines after the newline at `from` that each hold a
   * literal and end before `stop`, up to the line that passes `limit`; `from` when the first
   * does not. Stops before a line the caller must decide (a trigger's text first).
   */
  lines(from: number, stop: number, limit: number): number;
  /** The first literal of the last line {@link lines} took. */
  lastAt(): number;
}

interface Instance {
  memory: WebAssembly.Memory;
  end: WebAssembly.Global;
  lastAt: WebAssembly.Global;
  nextLive: (from: number, to: number) => number;
  lines: (from: number, stop: number, limit: number) => number;
  /** The tables written to memory, so they are written once. */
  tables?: WalkTables;
}

let wasm: Instance | null | undefined;

/** Texts walked in WebAssembly over the process's life: a test holds the fast path to being taken. */
export const walked = { texts: 0 };

let compiled: WebAssembly.Module | undefined;

/**
 * A memory this large is not kept for the next text: a long-lived process that walked one huge
 * text once (the library, scanning on) would hold it for good. A smaller instance replaces it,
 * and the garbage collector frees the old one.
 */
const KEEP_BYTES = 16 * 1024 * 1024;

/** The module's instance, made on first use; null where WebAssembly is missing or fails. */
function instance(): Instance | null {
  if (wasm !== undefined) return wasm;
  wasm = null;
  if (typeof WebAssembly !== 'object') return wasm;
  try {
    const memory = new WebAssembly.Memory({ initial: Math.ceil(TEXT / PAGE) + 1 });
    compiled ??= new WebAssembly.Module(Buffer.from(WASM, 'base64'));
    const exports = new WebAssembly.Instance(compiled, { walk: { memory } }).exports as unknown as Omit<Instance, 'memory'>;
    wasm = { memory, end: exports.end, lastAt: exports.lastAt, nextLive: exports.nextLive, lines: exports.lines };
  } catch {
    // No memory to reserve (a process under `ulimit -v`), say: the JavaScript pass answers alike.
  }
  return wasm;
}

/** The bytes the module's memory holds now (0 before its first use): tests hold it to {@link KEEP_BYTES}. */
export function walkMemoryBytes(): number {
  return wasm ? wasm.memory.buffer.byteLength : 0;
}

/** Writes the prefilter's tables where the module reads them; false when they outgrow their room. */
function writeTables(memory: WebAssembly.Memory, tables: WalkTables): boolean {
  const { rowOf, rowStart, pairList, literals, starts } = tables;
  const text = literals.reduce((sum, literal) => sum + literal.text.length, 0);
  if (rowStart.length * 4 > PAIR_LIST - ROW_START || pairList.length * 4 > LIT_OFFSET - PAIR_LIST || literals.length > LIT_TEXT - LIT_FLAGS || text > TEXT - LIT_TEXT) return false;
  if (starts.length !== BITS_BYTES || rowOf.length * 4 !== ROW_START - ROW_OF) return false;
  const buffer = memory.buffer;
  new Uint8Array(buffer, START_BITS, BITS_BYTES).set(starts);
  new Int32Array(buffer, ROW_OF, rowOf.length).set(rowOf);
  new Int32Array(buffer, ROW_START, rowStart.length).set(rowStart);
  new Int32Array(buffer, PAIR_LIST, pairList.length).set(pairList);
  const offsets = new Int32Array(buffer, LIT_OFFSET, literals.length);
  const lengths = new Int32Array(buffer, LIT_LENGTH, literals.length);
  const flags = new Uint8Array(buffer, LIT_FLAGS, literals.length);
  const bytes = Buffer.from(buffer);
  let at = 0;
  literals.forEach((literal, index) => {
    offsets[index] = at;
    lengths[index] = literal.text.length;
    flags[index] = literal.regex ? 2 : 0;
    at += bytes.write(literal.text, LIT_TEXT + at, 'latin1');
  });
  return true;
}

/**
 * The walk of `text` from `from` on, in WebAssembly; undefined when the text is not ASCII or the
 * module cannot run (the caller walks in JavaScript). Copies text[from…] into the module's
 * memory (a few milliseconds for megabytes): call it once per text.
 */
export function asciiWalk(text: string, from: number, tables: WalkTables): Walk | undefined {
  const length = text.length - from;
  // The text and room for four bytes more: two zero bytes after it (read as a missing next
  // character), and enough that a text that is not ASCII cannot fit exactly (below).
  const room = length + 4;
  if (wasm && wasm.memory.buffer.byteLength > Math.max(KEEP_BYTES, 2 * (TEXT + room))) wasm = undefined;
  const module = instance();
  if (!module) return undefined;
  const { memory } = module;
  try {
    if (memory.buffer.byteLength < TEXT + room) memory.grow(Math.ceil((TEXT + room - memory.buffer.byteLength) / PAGE));
  } catch {
    return undefined;
  }
  if (module.tables !== tables) {
    if (!writeTables(memory, tables)) return undefined;
    module.tables = tables;
  }
  const bytes = Buffer.from(memory.buffer);
  // UTF-8 bytes are the characters one for one only when every character is ASCII. Any other
  // character takes two bytes or more: written whole, or cut short by the room, such a text
  // writes more than `length` bytes (the write stops at most three bytes short of the room).
  if (bytes.write(from === 0 ? text : text.slice(from), TEXT, room, 'utf8') !== length) return undefined;
  bytes[TEXT + length] = 0;
  bytes[TEXT + length + 1] = 0;
  const shift = TEXT - from;
  module.end.value = TEXT + length;
  const pairs = new Uint8Array(memory.buffer, LIVE_PAIRS, LIVE_BITS - LIVE_PAIRS);
  const bits = new Uint8Array(memory.buffer, LIVE_BITS, BITS_BYTES);
  pairs.fill(0);
  bits.fill(0);
  const flags = new Uint8Array(memory.buffer, LIT_FLAGS, tables.literals.length);
  const { nextLive, lines, lastAt } = module;
  walked.texts++;
  return {
    pairs,
    bits,
    setFound: (found) => found.forEach((mark, index) => (flags[index] = (flags[index]! & 2) | mark)),
    next: (start, to) => nextLive(start + shift, to + shift) - shift,
    lines: (start, stop, limit) => lines(start + shift, stop + shift, limit + shift) - shift,
    lastAt: () => (lastAt.value as number) - shift,
  };
}
