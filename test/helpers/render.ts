import { defaultConfig, renderConfig } from '../../src/config/config.js';
import type { RenderedSnapshot } from '../../src/model/load.js';
import { Renderer } from '../../src/render/render.js';
import { renderStage } from '../../src/render/side.js';
import { renderTools } from './render-tools.js';

/** Renders the targets of a side's files with the real kubectl (kustomize) and helm, as the CLI does. */
export async function rendered(files: Record<string, string>, renderer = toolsRenderer()): Promise<RenderedSnapshot> {
  const tree = new Map(Object.entries(files));
  return (await renderStage(tree, [], renderConfig(defaultConfig()), renderer, () => true)).rendered;
}

export function toolsRenderer(): Renderer {
  const { kubectl, helm } = renderTools();
  return new Renderer({ tools: { kustomize: kubectl, helm } });
}

/** A NetworkPolicy admitting pods {app: fe} to pods {app: web}, and the Deployment it isolates: the fixtures' workload. */
export const WEB_NETPOL = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web
spec:
  podSelector:
    matchLabels: {app: web}
  policyTypes: [Ingress]
  ingress:
  - from:
    - podSelector: {matchLabels: {app: fe}}
`;

export const WEB_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx:1.27
`;
