import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Report } from '../engine.js';
import { formatStepSummary } from './github.js';
import { markdownCode, markdownText } from './markdown-text.js';

// What a pull request author can put in a branch name, a file name or a commit subject.
const HOSTILE = 'feature/![x](https://evil.example/p.png) [click](https://evil.example) <img src=x> a|b `tick` **bold**\n# heading';

describe('markdownText', () => {
  it('leaves no markup that could render as an image, a link, HTML, a new cell or a new line', () => {
    const text = markdownText(HOSTILE);
    assert.ok(!text.includes('\n'));
    assert.ok(!/(^|[^\\])!?\[/.test(text), text); // every [ is escaped: no link, no image
    assert.ok(!text.includes('<'), text);
    assert.ok(!/(^|[^\\])\|/.test(text), text);
    assert.ok(!/(^|[^\\])`/.test(text), text);
    assert.ok(!/(^|[^\\])\*/.test(text), text);
  });
  it('keeps ordinary text readable', () => {
    assert.equal(markdownText('Branch "login" does not follow the naming rules'), 'Branch "login" does not follow the naming rules');
  });
});

describe('markdownCode', () => {
  it('fences longer than any backtick run, so a name cannot close the span', () => {
    assert.equal(markdownCode('a`b'), '`` a`b ``');
    assert.equal(markdownCode('plain'), '`plain`');
  });
  it('escapes pipes only where a table cell needs it', () => {
    assert.equal(markdownCode('a|b'), '`a\\|b`');
    assert.equal(markdownCode('a|b', { inTable: false }), '`a|b`');
  });
});

describe('the job summary with hostile names', () => {
  it('renders user text as text in every cell', () => {
    const report: Report = {
      findings: [{ check: 'branch-name', severity: 'error', message: `Branch "${HOSTILE}" is not allowed`, file: 'x`|y.ts', ref: HOSTILE, fix: `git branch -m ${HOSTILE}` }],
      skipped: [],
      reasons: {},
    };
    const rows = formatStepSummary(report).split('\n').filter((line) => line.startsWith('| ❌'));
    assert.equal(rows.length, 1, 'one finding stays one table row');
    // Outside code spans, nothing may start a link or image; every unescaped pipe is a cell border (6 for 5 cells).
    const outsideCode = rows[0]!.replace(/(`+)[^`]*?\1/g, '');
    assert.ok(!/(^|[^\\])!?\[/.test(outsideCode), rows[0]);
    assert.equal(rows[0]!.replace(/\\\|/g, '').split('|').length - 1, 6, rows[0]);
  });
});
