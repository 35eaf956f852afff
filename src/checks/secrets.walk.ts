/**
 * The prefilter's walks over a text's characters (secrets.keywords.ts) in WebAssembly
 * (secrets.walk.wat), for ASCII text: where does the next literal start (the main loop), which
 * literals not yet found does a kept line hold, and, in a text full of keywords (100 000
 * `API_KEY=…` lines), the dense pass's two walks. As JavaScript these loops ran unoptimised
 * through the first megabytes of a large text, and through the first few dozen files of a
 * commit, while TurboFan compiled them (its compiles queue on one background thread: 10–27 ms
 * each on a 2-core machine). WebAssembly is compiled before its first call, in under a
 * millisecond, and V8 tiers it up in the background. Measured on a 2-core machine: a 4.7 MB file
 * of such lines, prefilter 51–57 ms cold before, 17–18 ms here; 500 keyword-dense 6 KB files,
 * 58–69 ms before, 47–51 ms here; once both are warm, small texts cost about the same either way.
 *
 * The module only filters: it stops where the JavaScript has something to decide (a literal
 * matches, a trigger's regex must run, a line the dense pass will not take), and that code
 * decides it, so both answer alike (tested: secrets.walk.test.ts). It reads the text's bytes, so
 * it takes only ASCII: the text is copied in as UTF-8 a stretch at a time, just ahead of the
 * walk, and a stretch whose bytes are not its characters one for one (a character that is not
 * ASCII) ends the walk there; the JavaScript goes on from that point. So does every text where
 * WebAssembly is missing (`node --jitless`) or fails to start.
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
const RESULTS = 680944;
const TEXT = 680960;
const BITS_BYTES = (128 * 128 * 128) / 8;
const PAGE = 64 * 1024;
/** Bytes copied past where a walk stops: a literal starting before that point ends within them. */
const LOOKAHEAD = 64;
/** Characters copied at a time ahead of the walk: a text that is not ASCII wastes no more. */
const COPY_AHEAD = 64 * 1024;

/** The prefilter's tables, as secrets.keywords.ts builds them. */
export interface WalkTables {
  /** Per pair (`first * 128 + second`), its row; 0 for none. */
  rowOf: Int32Array;
  /** Per row, where its literals begin in `pairList`. */
  rowStart: Int32Array;
  pairList: Int32Array;
  /** Lower-case ASCII, two characters or more; `regex` for a trigger, whose text is only its regex's prefix. */
  literals: readonly { text: string; regex?: RegExp }[];
  /** One bit per (pair, third character) where some literal may start. */
  starts: Uint8Array;
}

/**
 * One text's walks, valid until the next {@link asciiWalk}. Positions are the text's offsets.
 * A walk answers -1 when the text is not ASCII where it would go: nothing from `from` on was
 * looked at, and the caller's JavaScript takes over from there (the walk answers -1 from then on).
 */
export interface Walk {
  /**
   * The first position in [from, to) where a literal matches (`live`: one not yet found), or a
   * trigger's text does; `to` when none. {@link newlines} and {@link lastNewline} tell what it passed.
   */
  nextStart(from: number, to: number, live: boolean): number;
  /** The newlines the last {@link nextStart} passed, and the last one's position (-1: none). */
  newlines(): number;
  lastNewline(): number;
  /** Literal `index` is found: the walks pass over it where they look for literals not yet found. */
  markFound(index: number): void;
  /** The dense pass's tables, cleared on first use: one byte per pair, one bit per (pair, third), where a literal not yet found may start. */
  liveTables(): { pairs: Uint8Array; bits: Uint8Array };
  /** The first position in [from, to) where the live tables and a literal not yet found (or a trigger's text) agree; `to` when none. */
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

interface Exports {
  end: WebAssembly.Global;
  nextStart: (from: number, to: number, live: number) => number;
  nextLive: (from: number, to: number) => number;
  lines: (from: number, stop: number, limit: number) => number;
}

interface Instance extends Exports {
  memory: WebAssembly.Memory;
  /** The tables written to memory, so they are written once. */
  tables?: WalkTables;
  /** Views of the memory, made again only when it grows (growing detaches the old buffer). */
  views?: Views;
}

interface Views {
  buffer: ArrayBuffer;
  bytes: Buffer;
  flags: Uint8Array;
  results: Int32Array;
}

function viewsOf(module: Instance, literals: number): Views {
  const buffer = module.memory.buffer;
  if (module.views?.buffer !== buffer) {
    module.views = { buffer, bytes: Buffer.from(buffer), flags: new Uint8Array(buffer, LIT_FLAGS, literals), results: new Int32Array(buffer, RESULTS, 4) };
  }
  return module.views;
}

let wasm: Instance | null | undefined;
let compiled: WebAssembly.Module | undefined;

/**
 * Over the process's life: texts given a walk in WebAssembly, and walks that met a character that
 * is not ASCII and left the rest to the JavaScript. Tests hold each path to being taken.
 */
export const walked = { texts: 0, stopped: 0 };

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
    const exports = new WebAssembly.Instance(compiled, { walk: { memory } }).exports as unknown as Exports;
    const { end, nextStart, nextLive, lines } = exports;
    wasm = { memory, end, nextStart, nextLive, lines };
  } catch {
    // No memory to reserve (a process under `ulimit -v`), say: the JavaScript answers alike.
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
  if (rowStart.length * 4 > PAIR_LIST - ROW_START || pairList.length * 4 > LIT_OFFSET - PAIR_LIST || literals.length > LIT_TEXT - LIT_FLAGS || text > RESULTS - LIT_TEXT) return false;
  if (starts.length !== BITS_BYTES || rowOf.length * 4 !== ROW_START - ROW_OF) return false;
  // The main walk's candidates start at a literal's first two characters, and verifying one reads LOOKAHEAD bytes at most.
  if (literals.some((literal) => literal.text.length < 2 || literal.text.length > LOOKAHEAD - 2)) return false;
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
 * The walks of `text` in WebAssembly, or undefined when the module cannot run (the caller walks
 * in JavaScript). Nothing is copied yet: each walk copies what it needs, once.
 */
export function asciiWalk(text: string, tables: WalkTables): Walk | undefined {
  const length = text.length;
  if (wasm && wasm.memory.buffer.byteLength > Math.max(KEEP_BYTES, 2 * (TEXT + length + 4))) wasm = undefined;
  const module = instance();
  if (!module) return undefined;
  const { memory } = module;
  try {
    // Reserved, not touched: a page costs only once a walk writes to it.
    if (memory.buffer.byteLength < TEXT + length + 4) memory.grow(Math.ceil((TEXT + length + 4 - memory.buffer.byteLength) / PAGE));
  } catch {
    return undefined;
  }
  if (module.tables !== tables) {
    if (!writeTables(memory, tables)) return undefined;
    module.tables = tables;
  }
  module.end.value = TEXT + length;
  walked.texts++;
  return new AsciiWalk(text, module, tables.literals.length);
}

/** A class, not closures: V8 keeps one shape for every text's walk, and its calls stay cheap. */
class AsciiWalk implements Walk {
  private readonly bytes: Buffer;
  private readonly flags: Uint8Array;
  private readonly results: Int32Array;
  private readonly length: number;
  /** text[0, copied) is in memory; `broken` once a stretch was not ASCII. */
  private copied = 0;
  private broken = false;
  private live: { pairs: Uint8Array; bits: Uint8Array } | undefined;
  constructor(
    private readonly text: string,
    private readonly module: Instance,
    literals: number,
  ) {
    ({ bytes: this.bytes, flags: this.flags, results: this.results } = viewsOf(module, literals));
    this.length = text.length;
    for (let index = 0; index < literals; index++) this.flags[index]! &= 2;
  }

  /** Copies the text through `to` (and LOOKAHEAD more); false when a character there is not ASCII. */
  private ensure(to: number): boolean {
    if (this.broken) return false;
    const length = this.length;
    const target = Math.min(length, to + LOOKAHEAD);
    if (target <= this.copied) return true;
    const copied = this.copied;
    const end = Math.min(length, Math.max(target, copied + COPY_AHEAD));
    const count = end - copied;
    // UTF-8 bytes are the characters one for one only when every character is ASCII. Any other
    // character takes two bytes or more: written whole, or cut short by the room (four bytes
    // more), such a stretch writes more than `count` bytes.
    if (this.bytes.write(this.text.slice(copied, end), TEXT + copied, count + 4, 'utf8') !== count) {
      this.broken = true;
      walked.stopped++;
      return false;
    }
    this.copied = end;
    // Two zero bytes after the text: read as a missing next character, as charCodeAt past the end is.
    if (end === length) this.bytes.writeUInt16LE(0, TEXT + length);
    return true;
  }

  /**
   * A trap (a read out of bounds: a bug, never an answer) ends this text's walk as a character
   * that is not ASCII does: the JavaScript goes on from `from`. A hook is not failed for it.
   */
  private trapped(error: unknown): number {
    if (!(error instanceof WebAssembly.RuntimeError)) throw error;
    this.broken = true;
    walked.stopped++;
    return -1;
  }

  nextStart(from: number, to: number, live: boolean): number {
    if (!this.ensure(to)) return -1;
    try {
      return this.module.nextStart(TEXT + from, TEXT + to, live ? 1 : 0) - TEXT;
    } catch (error) {
      return this.trapped(error);
    }
  }
  newlines(): number {
    return this.results[0]!;
  }
  lastNewline(): number {
    const last = this.results[1]!;
    return last === -1 ? -1 : last - TEXT;
  }
  markFound(index: number): void {
    this.flags[index]! |= 1;
  }
  liveTables(): { pairs: Uint8Array; bits: Uint8Array } {
    if (!this.live) {
      const buffer = this.module.memory.buffer;
      this.live = { pairs: new Uint8Array(buffer, LIVE_PAIRS, LIVE_BITS - LIVE_PAIRS), bits: new Uint8Array(buffer, LIVE_BITS, BITS_BYTES) };
      this.live.pairs.fill(0);
      this.live.bits.fill(0);
    }
    return this.live;
  }
  next(from: number, to: number): number {
    if (!this.ensure(to)) return -1;
    try {
      return this.module.nextLive(TEXT + from, TEXT + to) - TEXT;
    } catch (error) {
      return this.trapped(error);
    }
  }
  lines(from: number, stop: number, limit: number): number {
    // A line may run to `stop`: all of it is copied first.
    if (!this.ensure(stop)) return -1;
    try {
      return this.module.lines(TEXT + from, TEXT + stop, TEXT + limit) - TEXT;
    } catch (error) {
      return this.trapped(error);
    }
  }
  lastAt(): number {
    return this.results[2]! - TEXT;
  }
}
