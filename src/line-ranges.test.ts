import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineRanges } from './line-ranges.js';

describe('LineRanges', () => {
  it('behaves as a set of line numbers', () => {
    const lines = new LineRanges().add(4, 2).add(6, 1).add(10, 3).add(11, 1).add(20, 0);
    assert.deepEqual([...lines], [4, 5, 6, 10, 11, 12]);
    assert.equal(lines.size, 6);
    for (const [line, expected] of [[3, false], [4, true], [6, true], [7, false], [12, true], [13, false]] as const) {
      assert.equal(lines.has(line), expected, `line ${line}`);
    }
  });

  it('accepts ranges out of order', () => {
    assert.deepEqual([...new LineRanges().add(10, 2).add(1, 1)], [1, 10, 11]);
  });
});
