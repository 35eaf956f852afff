/**
 * The added line numbers of a file as sorted ranges: a `-U0` hunk `@@ -3,0 +4,2 @@` adds lines 4
 * and 5, and nothing else, so the ranges are exact. A range of 10 000 commits adds millions of
 * lines; keeping ranges instead of one Set entry per line keeps `verify`'s memory flat.
 */
export class LineRanges implements ReadonlySet<number> {
  /** Flat pairs: start, end (inclusive), sorted by start and not overlapping. */
  private readonly bounds: number[] = [];
  private count = 0;

  /** Adds `count` lines from `start`; hunks of one file arrive in order, so this appends. */
  add(start: number, count: number): this {
    if (count <= 0) return this;
    const end = start + count - 1;
    const last = this.bounds.length - 1;
    if (last > 0 && start <= this.bounds[last]! + 1 && start >= this.bounds[last - 1]!) {
      const previousEnd = this.bounds[last]!;
      if (end > previousEnd) {
        this.bounds[last] = end;
        this.count += end - previousEnd;
      }
      return this;
    }
    if (last > 0 && start < this.bounds[last - 1]!) {
      // Out of order: rare (never from git), so rebuild simply.
      const all = new Set([...this, ...Array.from({ length: count }, (_, i) => start + i)]);
      this.bounds.length = 0;
      this.count = 0;
      for (const line of [...all].sort((a, b) => a - b)) this.add(line, 1);
      return this;
    }
    this.bounds.push(start, end);
    this.count += count;
    return this;
  }

  get size(): number {
    return this.count;
  }

  has(line: number): boolean {
    let low = 0;
    let high = this.bounds.length / 2 - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (line < this.bounds[mid * 2]!) high = mid - 1;
      else if (line > this.bounds[mid * 2 + 1]!) low = mid + 1;
      else return true;
    }
    return false;
  }

  *[Symbol.iterator](): SetIterator<number> {
    for (let i = 0; i < this.bounds.length; i += 2) {
      for (let line = this.bounds[i]!; line <= this.bounds[i + 1]!; line++) yield line;
    }
  }

  keys(): SetIterator<number> {
    return this[Symbol.iterator]();
  }

  values(): SetIterator<number> {
    return this[Symbol.iterator]();
  }

  *entries(): SetIterator<[number, number]> {
    for (const line of this) yield [line, line];
  }

  forEach(callback: (value: number, key: number, set: ReadonlySet<number>) => void, thisArg?: unknown): void {
    for (const line of this) callback.call(thisArg, line, line, this);
  }
}

/** Every line of a file's bytes (lines end at LF bytes; a last line without one counts): what a new file adds. */
export function allLines(content: Buffer): LineRanges {
  let count = 0;
  for (let lf = content.indexOf(0x0a); lf !== -1; lf = content.indexOf(0x0a, lf + 1)) count++;
  if (content.length > 0 && content[content.length - 1] !== 0x0a) count++;
  return new LineRanges().add(1, count);
}
