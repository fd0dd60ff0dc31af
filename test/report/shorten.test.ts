import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeCell, escapeMarkdown } from '../../src/report/markdown-escape.js';
import { cutMarkdown } from '../../src/report/markdown-fit.js';
import { MAX_WORD, shorten, shortenWords } from '../../src/report/shorten.js';
import { capText } from '../../src/github/limits.js';
import { expectWellFormedMarkdown } from '../github/helpers/markdown.js';

describe('shorten', () => {
  it('keeps a short value whole and a long one as start…end within the limit', () => {
    expect(shorten('web-1', 10)).toBe('web-1');
    const long = `payments-${'x'.repeat(1_000)}-ledger-7`;
    const short = shorten(long, 60);
    expect(short.length).toBeLessThanOrEqual(60);
    expect(short.startsWith('payments-xxx')).toBe(true);
    expect(short.endsWith('x-ledger-7')).toBe(true);
    expect(short).toContain('…');
  });

  it('never splits a surrogate pair', () => {
    const emoji = '😀'.repeat(500);
    for (const max of [10, 11, 12, 61, 100]) {
      const short = shorten(emoji, max);
      expect(short.length).toBeLessThanOrEqual(max);
      expect(short).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
  });

  it('shortens the long words of a sentence and keeps the sentence', () => {
    const message = `NetworkPolicy shop/${'a'.repeat(100_000)} now allows all ingress.`;
    const short = shortenWords(message, MAX_WORD);
    expect(short.length).toBeLessThan(MAX_WORD + 60);
    expect(short).toMatch(/^NetworkPolicy shop\/a+…a+ now allows all ingress\.$/);
    expect(shortenWords('a short sentence', MAX_WORD)).toBe('a short sentence');
  });
});

describe('escapeCell: shortened before it is escaped', () => {
  it('cannot leave half an escape or half an entity at the cut', () => {
    // Every character of the value needs an escape: a cut after escaping would land inside one.
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('|', '`', '<', '&', '@', '#', ':', '\\', 'a', '😀', '\n'), maxLength: 3_000 }), (value) => {
      const cell = escapeCell(value, 200);
      expect(cell).toBe(escapeMarkdown(shortenWords(value, MAX_WORD, 200)));
      expectWellFormedMarkdown(`| ${cell} |`);
    }), { seed: 9, numRuns: 200 });
  });
});

describe('cutMarkdown and capText', () => {
  const doc = ['### title', '', '| a | b |', '| --- | --- |', '| 1 | 2 |', '| 3 | 4 |', '', '<details><summary>more</summary>', '', 'inside', '', '</details>',
    '', '```mermaid', 'graph LR', '  a --> b', '```', '', 'end'].join('\n');

  it('cuts only at line breaks outside <details> blocks and code fences', () => {
    for (let max = 0; max <= doc.length; max++) {
      const cut = cutMarkdown(doc, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(doc.startsWith(cut)).toBe(true);
      expectWellFormedMarkdown(cut);
    }
    // Inside the <details> block, the cut falls back to before it.
    expect(cutMarkdown(doc, doc.indexOf('inside') + 3)).toBe(doc.slice(0, doc.indexOf('\n\n<details>') + 1));
  });

  it('says visibly that it cut, and stays within the limit', () => {
    const capped = capText(doc, 120);
    expect(capped.length).toBeLessThanOrEqual(120);
    expect(capped).toContain('Truncated: GitHub limits this text to 120 characters.');
    expectWellFormedMarkdown(capped);
    expect(capText(doc, doc.length)).toBe(doc);
  });
});
