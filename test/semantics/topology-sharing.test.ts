import { describe, expect, it } from 'vitest';
import { loadSnapshot, ParseCache } from '../../src/model/load.js';
import { podKey } from '../../src/semantics/pod-key.js';
import { buildTopology } from '../../src/semantics/topology.js';
import { toSourceFiles, yaml } from '../helpers/rule-tester.js';

const deployment = (labels: string, port = 8080) => yaml(
  'apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web, namespace: shop}', 'spec:', '  template:',
  `    metadata: {labels: ${labels}}`, '    spec:', `      containers: [{name: web, ports: [{containerPort: ${port}}]}]`,
);
const pod = (labels: string) => yaml('apiVersion: v1', 'kind: Pod', `metadata: {name: db, namespace: shop, labels: ${labels}}`, 'spec:', '  containers: [{name: db}]');

/** The topologies of two sides loaded through one ParseCache, as analyze() loads them. */
function topologies(base: Record<string, string>, head: Record<string, string>) {
  const cache = new ParseCache();
  const headModel = loadSnapshot(toSourceFiles(head), {}, cache);
  return { base: buildTopology(loadSnapshot(toSourceFiles(base), {}, cache)), head: buildTopology(headModel) };
}

describe('workloads of a moved file', () => {
  it('are new workloads (their file differs) with the very labels and ports of the other side', () => {
    const { base, head } = topologies({ 'web.yaml': docsOf(deployment('{app: web}'), pod('{app: db}')) },
      { 'apps/web.yaml': docsOf(deployment('{app: web}'), pod('{app: db}')) });
    for (const id of ['shop/web[Deployment]', 'shop/db[Pod]']) {
      const [before, after] = [base.byId.get(id)!, head.byId.get(id)!];
      expect(before.resources[0].file).not.toBe(after.resources[0].file);
      expect(before.labels).toBe(after.labels);
      expect(before.ports).toBe(after.ports);
    }
  });

  it('a changed template gets labels and ports of its own', () => {
    const { base, head } = topologies({ 'web.yaml': deployment('{app: web}') }, { 'web.yaml': deployment('{app: web}', 9090) });
    const [before, after] = [base.byId.get('shop/web[Deployment]')!, head.byId.get('shop/web[Deployment]')!];
    expect(after.ports).toEqual([{ port: 9090, protocol: 'TCP' }]);
    expect(before.ports).toEqual([{ port: 8080, protocol: 'TCP' }]);
  });
});

describe('podKey', () => {
  it('is the same for the same labels in any order and differs with the ports', () => {
    const ports = [{ port: 80, protocol: 'TCP' as const }];
    expect(podKey({ b: '2', a: '1' }, ports)).toBe(podKey({ a: '1', b: '2' }, [{ port: 80, protocol: 'TCP' }]));
    expect(podKey({ a: '1' }, ports)).not.toBe(podKey({ a: '1' }, [{ port: 81, protocol: 'TCP' }]));
    expect(podKey({ a: '1' }, ports)).not.toBe(podKey({ a: '1', b: '' }, ports));
  });
});

function docsOf(...documents: string[]): string {
  return documents.join('---\n');
}
