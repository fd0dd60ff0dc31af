import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { workflowAnnotations } from '../../src/action/fallback.js';
import { finding } from '../github/helpers/findings.js';

let stdout: string[];
beforeEach(() => {
  stdout = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout.push(String(chunk));
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

it('emits at most 10 workflow annotations a level, worst first, head-side only, counting warnings already used', () => {
  const highs = Array.from({ length: 12 }, (_, i) => finding('a.yaml', i + 1, { severity: 'high' }));
  const criticals = Array.from({ length: 3 }, (_, i) => finding('b.yaml', i + 1, { severity: 'critical' }));
  const mediums = Array.from({ length: 12 }, (_, i) => finding('c.yaml', i + 1, { severity: 'medium' }));
  const info = finding('d.yaml', 4, { severity: 'info' });
  const base = finding('e.yaml', 2, { severity: 'critical', side: 'base' });
  const shown = workflowAnnotations([...highs, ...mediums, info, base, ...criticals], { warning: 1 });
  const lines = stdout.join('').split('\n').filter(Boolean);
  expect(lines.filter((l) => l.startsWith('::error '))).toHaveLength(10);
  expect(lines.filter((l) => l.startsWith('::warning '))).toHaveLength(9);
  expect(lines.filter((l) => l.startsWith('::notice '))).toHaveLength(1);
  expect(shown).toEqual([...criticals, ...highs.slice(0, 7), ...mediums.slice(0, 9), info]);
  expect(lines[0]).toBe(`::error title=critical%3A netpol-ingress-widened,file=b.yaml,line=1,endLine=1::${criticals[0].message}`);
  expect(shown).not.toContain(base);
});

it('shortens a 100,000-character name inside the message and keeps the rest of the sentence', () => {
  const long = finding('a.yaml', 1, { message: `NetworkPolicy shop/${'n'.repeat(100_000)} now allows all ingress.` });
  workflowAnnotations([long]);
  const line = stdout.join('').trim();
  expect(line.length).toBeLessThan(1_000);
  expect(line).toMatch(/::NetworkPolicy shop\/n+…n+ now allows all ingress\.$/);
});
