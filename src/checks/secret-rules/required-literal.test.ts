import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SECRET_RULES } from './index.js';
import { mayMatch, requiredLiteral } from './required-literal.js';

describe('the literal a pattern requires', () => {
  it('is the plain characters after any leading lookbehind, escapes read as what they stand for', () => {
    assert.equal(requiredLiteral(/(?<![\w-])SK[0-9a-f]{32}(?![\w-])/g), 'SK');
    assert.equal(requiredLiteral(/(?<![\w.$-])s\.CAES[A-Za-z0-9_-]{40}/g), 's.CAES');
    assert.equal(requiredLiteral(/access_token\$(?:production|sandbox)\$/g), 'access_token$');
    assert.equal(requiredLiteral(/(?<=\()(?<![)\]])ab\/cd/g), 'ab/cd', 'two lookbehinds, parentheses inside a class');
  });

  it('ends before a character a quantifier makes optional or repeated, and at any group or class', () => {
    assert.equal(requiredLiteral(/abcd?e/g), 'abc');
    assert.equal(requiredLiteral(/abc*/g), 'ab');
    assert.equal(requiredLiteral(/abc{2}/g), 'ab');
    assert.equal(requiredLiteral(/ab(?:c|d)/g), 'ab');
    assert.equal(requiredLiteral(/ab[cd]/g), 'ab');
    assert.equal(requiredLiteral(/ab\dc/g), 'ab', '\\d is a class');
  });

  it('is none when it is not certain: case-insensitive, alternation at the top, an anchor or assertion first, too short', () => {
    assert.equal(requiredLiteral(/twilio[\w.-]{0,40}/gi), undefined);
    assert.equal(requiredLiteral(/abc|def/g), undefined);
    assert.equal(requiredLiteral(/(?<!x)abc|def/g), undefined);
    assert.equal(requiredLiteral(/^abc/gm), undefined);
    assert.equal(requiredLiteral(/\babc/g), undefined);
    assert.equal(requiredLiteral(/(?=abc)abc/g), undefined);
    assert.equal(requiredLiteral(/a[bc]/g), undefined);
    assert.equal(requiredLiteral(/(?<![a|b])abc/g), 'abc', 'a | inside a class is not an alternation');
  });

  it("holds for every rule pattern: each match of a sample starts with the pattern's literal", () => {
    let checked = 0;
    for (const rule of SECRET_RULES) {
      const samples = [...rule.samples.secrets, ...rule.samples.notSecrets];
      for (const pattern of rule.patterns) {
        const literal = requiredLiteral(pattern);
        if (literal === undefined) continue;
        for (const sample of samples) {
          for (const match of sample.matchAll(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`))) {
            assert.ok(match[0].startsWith(literal), `${rule.id}: ${JSON.stringify(match[0].slice(0, 40))} starts with ${JSON.stringify(literal)}`);
            checked++;
          }
        }
      }
    }
    assert.ok(checked > 40, `checked ${checked} matches`);
  });

  it('lets a pattern be skipped only where its literal is missing', () => {
    const pattern = /(?<![\w-])SK[0-9a-f]{32}(?![\w-])/g;
    assert.equal(mayMatch(pattern, 'sk_live_ and task: no upper-case SK here'.replace('SK', 's_k')), false);
    assert.equal(mayMatch(pattern, 'key = SK0123'), true);
    assert.equal(mayMatch(/twilio/gi, 'nothing'), true, 'no literal: always run');
  });
});
