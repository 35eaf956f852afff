// Each reporter against a golden file. Regenerate with UPDATE_GOLDEN=1 after an intended change
// and review the diff.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { Report } from '../engine.js';
import { packageRoot } from '../package-root.js';
import { formatJson } from './json.js';
import { formatText } from './text.js';

export const sampleReport: Report = {
  findings: [
    {
      check: 'commit-message',
      severity: 'error',
      message: 'type must be one of [build, chore, ci, docs, feat, fix, perf, refactor, revert, style, test] (type-enum); for example: "feat: add login form"',
      fix: 'edit the message and commit again: git commit --edit --file=.git/COMMIT_EDITMSG',
    },
    {
      check: 'commit-message',
      severity: 'warning',
      message: 'body must have leading blank line (body-leading-blank); for example: "feat: add login form"',
      fix: 'edit the message and commit again: git commit --edit --file=.git/COMMIT_EDITMSG',
    },
    {
      check: 'secrets',
      severity: 'error',
      message: 'A Stripe live secret key is staged: sk_live_****...9fQ2',
      file: 'config/payments.env',
      line: 3,
      column: 19,
      commit: '0123456789abcdef0123456789abcdef01234567',
      fix: 'remove it from the file, rotate the key, then: git add config/payments.env',
      fingerprint: 'c0ffee1234567890',
    },
  ],
  skipped: ['large-files'],
  reasons: {
    'commit-message': 'release notes and the next version number are computed from Conventional Commit types',
    secrets: 'a secret in history is public to everyone who can clone the repository, forever',
  },
};

function golden(name: string, actual: string): void {
  const file = path.join(packageRoot(), 'test/golden', name);
  if (process.env.UPDATE_GOLDEN) fs.writeFileSync(file, actual);
  assert.equal(actual, fs.readFileSync(file, 'utf8'));
}

describe('reporters', () => {
  it('text, plain', () => golden('report.txt', formatText(sampleReport, { color: false })));
  it('text, coloured', () => golden('report.color.txt', formatText(sampleReport, { color: true })));
  it('json', () => golden('report.json', formatJson(sampleReport)));
  it('text says nothing for an empty report', () => assert.equal(formatText({ findings: [], skipped: [], reasons: {} }, { color: false }), ''));
  it('json reports zero counts for an empty report', () =>
    assert.deepEqual(JSON.parse(formatJson({ findings: [], skipped: [], reasons: {} })), { version: 1, findings: [], summary: { errors: 0, warnings: 0 } }));
});

describe('text reporter and hostile names', () => {
  it('shows line breaks and escape sequences in user text escaped: one finding, one block of lines', () => {
    const report: Report = {
      findings: [{ check: 'sensitive-files', severity: 'error', message: 'File "a\n::notice::x" is bad', file: 'a\n::notice::x\u001b[2J.env', fix: 'git rm --cached -- $\'a\\n::notice::x\'' }],
      skipped: [],
      reasons: {},
    };
    const text = formatText(report, { color: false });
    assert.equal(text.split('\n').filter((line) => line.trimStart().startsWith('::')).length, 0);
    assert.match(text, /✖ File "a\\n::notice::x" is bad \[sensitive-files\]\n {2}a\\n::notice::x\\u001b\[2J\.env\n/);
  });
});
