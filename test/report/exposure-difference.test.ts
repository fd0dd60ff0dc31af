import { describe, expect, it } from 'vitest';
import { IpSet } from '../../src/model/ip-set.js';
import type { ExposureChange, ExposureRowData, Guard } from '../../src/semantics/exposure-map.js';
import { changeEdges, guardDifference, guardText } from '../../src/report/exposure/difference.js';

/** An allow-list guard as the exposure map writes it (IpSet's ranges). */
const allowList = (...cidrs: string[]): Guard => ({ kind: 'ip-allowlist', detail: IpSet.unionAll(cidrs.map((c) => IpSet.fromCidr(c))).toString() });
const basic: Guard = { kind: 'auth', detail: 'basic' };
const tls: Guard = { kind: 'tls', detail: 'secret web-tls' };

function row(host: string, guards: Guard[]): ExposureRowData {
  return {
    key: host, object: { kind: 'Ingress', namespace: 'shop', name: 'web' }, controller: 'ingress-nginx', listener: 'https', host, hostMatch: 'exact',
    match: 'Prefix /', catchAll: true, guards, location: { path: 'shop/web.yaml', line: 9, side: 'head' },
    backends: [{ namespace: 'shop', service: 'web', port: 80, workloads: [{ id: 'shop/web[Deployment]', ports: [8080] }] }],
  };
}

describe('the difference of guards', () => {
  it('shows an allow-list as CIDRs', () => {
    expect(guardText(allowList('10.8.0.0/16'))).toBe('ip-allowlist 10.8.0.0/16');
  });

  it('is what was gained and lost, an allow-list by the addresses that differ, not both lists', () => {
    expect(guardDifference([allowList('10.8.0.0/16'), basic], [allowList('10.8.0.0/16', '203.0.113.0/24')])).toEqual(['ip-allowlist +203.0.113.0/24', '−auth basic']);
    expect(guardDifference([tls], [tls, basic])).toEqual(['+auth basic']);
    expect(guardDifference([tls], [tls])).toEqual([]);
  });
});

describe('the edges a change draws on the exposure map', () => {
  const change = (added: ExposureRowData[], changed: ExposureChange['changed']): ExposureChange => ({ rows: { base: 1, head: 2 }, added, removed: [], changed, newEdges: [] });

  it('draws an added entry point, its controller edge unguarded when it has no guard', () => {
    const edges = changeEdges(change([row('new.example.com', [])], []));
    expect(edges.map((e) => [e.source.name, e.ports, e.style])).toEqual([
      ['ingress-nginx', 'unguarded', 'unguarded'], ['https new.example.com Prefix /', 'shop/web:80 → 8080', undefined],
    ]);
  });

  it('draws a changed entry point that lost a guard as weakened, labelled with what it lost, not the guards it kept', () => {
    const before = row('www.example.com', [tls, basic]);
    const edges = changeEdges(change([], [{ before, after: row('www.example.com', [tls]), changes: [] }]));
    expect(edges.map((e) => [e.ports, e.style])).toEqual([['−auth basic', 'weakened'], ['shop/web:80 → 8080', 'weakened']]);
  });

  it('does not draw a changed entry point whose guards and routes are the same', () => {
    const same = row('www.example.com', [tls]);
    expect(changeEdges(change([], [{ before: same, after: { ...same, location: { ...same.location, line: 12 } }, changes: [] }]))).toEqual([]);
  });
});
