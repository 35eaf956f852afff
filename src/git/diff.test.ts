import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { unquotePath } from './diff.js';


describe('unquotePath', () => {
  const cases: [string, string][] = [
    ['plain.txt', 'plain.txt'],
    ['"new\\nline.txt"', 'new\nline.txt'],
    ['"tab\\there"', 'tab\there'],
    ['"quote\\"d"', 'quote"d'],
    ['"\\303\\274ber.txt"', 'über.txt'],
  ];
  for (const [quoted, expected] of cases) it(`${quoted} → ${JSON.stringify(expected)}`, () => assert.equal(unquotePath(quoted), expected));
});
