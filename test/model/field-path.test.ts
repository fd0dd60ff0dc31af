import { describe, expect, it } from 'vitest';
import { formatFieldPath, internPath } from '../../src/model/field-path.js';
import { ingressOf } from '../../src/model/ingress.js';
import { loadSnapshot } from '../../src/model/load.js';
import { networkPolicyOf } from '../../src/model/network-policy.js';
import { toSourceFiles } from '../helpers/rule-tester.js';
import { ingress, policy } from '../rules/connectivity/fixtures.js';

describe('interned field paths', () => {
  it('gives equal paths one frozen array, and keeps list indexes apart from keys', () => {
    const path = internPath(['spec', 'ingress', 0, 'from', 1]);
    expect(internPath(['spec', 'ingress', 0, 'from', 1])).toBe(path);
    expect(path).toEqual(['spec', 'ingress', 0, 'from', 1]);
    expect(Object.isFrozen(path)).toBe(true);
    expect(() => (path as (string | number)[]).push('x')).toThrow(TypeError);
    // `0` the index and `'0'` the key are different fields.
    expect(internPath(['metadata', 'labels', '0'])).not.toBe(internPath(['metadata', 'labels', 0]));
    expect(formatFieldPath(internPath(['metadata', 'labels', 0]))).toBe('metadata.labels[0]');
    expect(internPath([])).toEqual([]);
  });

  it('shares the paths of the meanings of different objects', () => {
    const model = loadSnapshot(toSourceFiles({
      'a.yaml': policy('a', 'shop', '  podSelector: {}', '  ingress: [{from: [{podSelector: {}}], ports: [{port: 80}]}]'),
      'b.yaml': policy('b', 'lab', '  podSelector: {}', '  ingress: [{from: [{podSelector: {}}], ports: [{port: 443}]}]'),
      'c.yaml': ingress('shop', 'web', 'shop.example.com', 'web', 80),
      'd.yaml': ingress('lab', 'web', 'lab.example.com', 'web', 80),
    }));
    const [a, b] = model.resources.filter((r) => r.kind === 'NetworkPolicy').map(networkPolicyOf);
    const [ruleA, ruleB] = [a.rules.ingress[0], b.rules.ingress[0]];
    expect(ruleA.path).toBe(ruleB.path);
    const [portA, portB] = [ruleA.ports[0], ruleB.ports[0]];
    if (typeof portA === 'string' || typeof portB === 'string') throw new Error('the rules list a port');
    expect(portA.path).toBe(portB.path);
    if (ruleA.peers === 'all' || ruleB.peers === 'all') throw new Error('the rules list a peer');
    expect(ruleA.peers[0].path).toBe(ruleB.peers[0].path);
    const [c, d] = model.resources.filter((r) => r.kind === 'Ingress').map((r) => ingressOf(r).rules[0].paths[0]);
    expect(c.fieldPath).toBe(d.fieldPath);
    expect(c.backend.servicePath).toBe(d.backend.servicePath);
    expect(formatFieldPath(c.backend.servicePath!)).toBe('spec.rules[0].http.paths[0].backend.service.name');
  });
});
