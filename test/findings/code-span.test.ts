import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { code, MAX_CODE } from '../../src/findings/code-span.js';
import { escapeMessage } from '../../src/report/markdown-escape.js';

/** What GitHub-flavoured Markdown (marked, GFM) makes of a message: in a table cell or in a paragraph. */
const gfm = new Marked({ gfm: true });
const codeTexts = (html: string) => [...html.matchAll(/<code>([\s\S]*?)<\/code>/g)].map((m) => m[1]
  .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&'));
const inCell = (message: string) => gfm.parse(`| a | b |\n| --- | --- |\n| x | ${escapeMessage(message, 'cell')} |\n`, { async: false });
const inline = (message: string) => gfm.parse(`- ${escapeMessage(message, 'inline')}\n`, { async: false });

describe('code: a manifest value in a message', () => {
  it('is a code span that Markdown shows as the value itself, in a table cell and in a list', () => {
    for (const value of ['0.0.0.0/0', 'a | b', '<script>alert(1)</script>', '@admins #12 *x* [l](u)', '\\`', 'a\\|b']) {
      const message = `Ingress shop/web: auth-url is ${code(value)}.`;
      // In a cell a backslash before a pipe gets a zero-width space between them (see escapePipes).
      expect(codeTexts(inCell(message)).map((t) => t.replace(/\u200b/g, '')), value).toEqual([value]);
      expect(inCell(message), value).toMatch(/<\/code>\.<\/td>/);
      expect(codeTexts(inline(message)), value).toEqual([value]);
    }
  });

  it('takes a fence longer than the backticks in the value, padded when the value starts or ends with one', () => {
    expect(code('Host(`a.example.com`)')).toBe('``Host(`a.example.com`)``');
    expect(code('```')).toBe('```` ``` ````');
    expect(code('`x')).toBe('`` `x ``');
    for (const value of ['Host(`a.example.com`) && PathPrefix(`/api`)', '`x', 'a``b`', '```']) {
      expect(codeTexts(inCell(`Route ${code(value)} and ${code('y')}.`)), value).toEqual([value, 'y']);
      expect(codeTexts(inline(`Route ${code(value)} and ${code('y')}.`)), value).toEqual([value, 'y']);
    }
  });

  it('keeps spaces at the ends of the value (CommonMark would strip one from each end)', () => {
    expect(codeTexts(inline(`Value ${code(' x ')}.`))).toEqual([' x ']);
  });

  it('shows line breaks as ⏎: a message is one line', () => {
    expect(code('more_set_headers "X-Robots-Tag: noindex";\n')).toBe('`more_set_headers "X-Robots-Tag: noindex";⏎`');
    expect(codeTexts(inCell(`Snippet ${code('a;\r\nb')}.`))).toEqual(['a;⏎b']);
  });

  it('shows a long value around the part the finding is about, or its start and end', () => {
    const url = `http://partner-authz.partners.svc.cluster.local/verify?dn=$ssl_client_s_dn&x=${'y'.repeat(40)};}location /x {`;
    const around = code(url, { focus: url.indexOf(';') });
    expect(around).toContain(';}location');
    expect([...around.replace(/^`|`$/g, '')].length).toBeLessThanOrEqual(MAX_CODE);
    expect(around.startsWith('`…')).toBe(true);
    const plain = code('a'.repeat(MAX_CODE + 20) + 'END');
    expect(plain).toMatch(/^`a+…a*END`$/);
    expect([...plain.slice(1, -1)].length).toBeLessThanOrEqual(MAX_CODE);
    // An astral character is never split.
    expect(code('😀'.repeat(100))).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(code('short;', { focus: 5 })).toBe('`short;`');
  });

  it('says so for an empty value instead of an empty code span', () => {
    expect(code('')).toBe('an empty value');
  });
});

describe('escapeMessage: a message for Markdown', () => {
  it('escapes the prose around the code spans, so names still cannot ping, link or inject HTML', () => {
    const html = inline(`NetworkPolicy @team/<b>x</b> #1: ${code('<img src=x>')}.`);
    expect(html).not.toMatch(/<b>|<img/);
    expect(codeTexts(html)).toEqual(['<img src=x>']);
    expect(escapeMessage('@team #1')).toBe('@&#8203;team \\#&#8203;1');
  });

  it('treats a backtick run without a closing run of its length as text', () => {
    expect(escapeMessage('a ` b')).toBe('a \\` b');
    expect(codeTexts(inline('a `` b `c` d'))).toEqual(['c']);
  });
});
