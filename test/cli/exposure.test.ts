import { describe, expect, it } from 'vitest';
import { run as runCheck } from '../../src/cli/commands/check.js';
import { run } from '../../src/cli/commands/exposure.js';
import { git, tempDir } from '../helpers/temp.js';

async function exposure(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; } });
  return { code, stdout, stderr };
}

const APP = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, ports: [{name: http, containerPort: 8080}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec: {selector: {app: web}, ports: [{name: http, port: 80, targetPort: http}]}
`;
const ingress = (annotations: string) => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  namespace: shop
  annotations: {${annotations}}
spec:
  ingressClassName: nginx
  rules:
  - host: "shop.example.com"
    http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
`;
const GUARDED = ingress('nginx.ingress.kubernetes.io/allowlist-source-range: "10.0.0.0/8"');
const OPEN = ingress('nginx.ingress.kubernetes.io/enable-cors: "true"');
const ROUTE = `apiVersion: route.openshift.io/v1
kind: Route
metadata: {name: "api<b>", namespace: shop}
spec: {host: "api.example.com", path: /v1, to: {kind: Service, name: web}, tls: {termination: edge}}
`;

describe('segguard exposure', () => {
  const tmp = tempDir();
  const base = tmp.write({ 'app.yaml': APP, 'ingress.yaml': GUARDED }, 'base');
  const head = tmp.write({ 'app.yaml': APP, 'ingress.yaml': OPEN, 'route.yaml': ROUTE }, 'head');
  const repo = tmp.write({}, 'norepo');

  it('text: rows by controller with guards, Service and workloads, located under the directory given', async () => {
    const { code, stdout, stderr } = await exposure(base, '--repo', repo);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toBe([
      'ingress-nginx (class nginx):',
      `  shop.example.com Prefix / (every path) [http; host match exact]  ${base}/ingress.yaml:13`,
      '    guards: ip-allowlist 10.0.0.0-10.255.255.255',
      '    → shop/web:80 → shop/web[Deployment]:8080',
      '',
      '1 entry point, 0 without any guard',
      '',
    ].join('\n'));
  });

  it('json, markdown (escaped) and mermaid', async () => {
    const json = JSON.parse((await exposure(head, '--repo', repo, '--format', 'json')).stdout) as { entryPoints: { object: { kind: string }; guards: { kind: string }[]; location: { path: string } }[] };
    expect(json.entryPoints.map((r) => [r.object.kind, r.guards.map((g) => g.kind)])).toEqual([['Ingress', ['cors']], ['Route', ['tls']]]);
    expect(json.entryPoints[1].location.path).toBe(`${head}/route.yaml`);
    const markdown = (await exposure(head, '--repo', repo, '--format', 'markdown')).stdout;
    expect(markdown).toContain('### Exposure map: 2 entry points');
    expect(markdown).toContain('| Entry point | Guards | Routes to | Location |');
    expect(markdown).toContain('| api\\.example\\.com Prefix /v1<br>openshift\\-router, https | tls edge |');
    const mermaid = (await exposure(head, '--repo', repo, '--format', 'mermaid')).stdout;
    expect(mermaid.startsWith('graph LR\n')).toBe(true);
    expect(mermaid).toContain('-->|"shop/web:80 #8594; 8080"|');
    expect(mermaid).not.toContain('<b>');
  });

  it('--base prints the difference: rows added and changed, and the new edges as mermaid', async () => {
    const { stdout } = await exposure(head, '--base', base, '--repo', repo);
    expect(stdout).toContain('added (1):\n  openshift-router: api.example.com Prefix /v1 [https; host match exact]');
    expect(stdout).toContain('changed (1):');
    expect(stdout).toContain('    changed: guards: lost ip-allowlist 10.0.0.0-10.255.255.255\n    changed: guards: gained cors origin *, credentials');
    expect(stdout).toContain('1 entry point before, 2 after');
    const markdown = (await exposure(head, '--base', base, '--repo', repo, '--format', 'markdown')).stdout;
    expect(markdown).toContain('<details><summary>Entry points (exposure map): 1 added, 1 changed; 1 entry point before, 2 after</summary>');
    expect(markdown).toContain('```mermaid');
    expect((await exposure(base, '--base', base, '--repo', repo)).stdout).toBe('The exposure map is the same: no entry point added, removed or changed.\n');
  });

  it('the pull request summary (check --format markdown) has a section on the map difference and a graph of the new edges', async () => {
    let stdout = '';
    await runCheck(['--base', base, '--head', head, '--repo', repo, '--format', 'markdown'], { stdout: (s) => { stdout += s; }, stderr: () => {} });
    const section = stdout.slice(stdout.indexOf('<details><summary>Entry points (exposure map): 1 added, 1 changed; 1 entry point before, 2 after</summary>'));
    expect(section).toContain('| Entry point | Guards | Routes to | Location |');
    expect(section).toContain('| **added** api\\.example\\.com Prefix /v1<br>openshift\\-router, https | tls edge |');
    // The difference of the guards, addresses as CIDRs, not both lists.
    expect(section).toContain('<br>ingress\\-nginx \\(class nginx\\), http | \\+cors origin \\*, credentials<br>−ip\\-allowlist 10\\.0\\.0\\.0/8 |');
    expect(section).toContain('**New and weakened ways in**');
    expect(section).toMatch(/n\d+\{\{"openshift-router"\}\}/);
    // The changed entry point lost its allow-list: its edges are drawn as weakened.
    expect(section).toMatch(/ {2}n\d+ -->\|"#43;cors origin #42;, credentials, #8722;ip-allowlist 10.0.0.0\/8"\| n\d+/);
    expect(section).toMatch(/ {2}linkStyle \d+(,\d+)* stroke:#d1242f/);
    // Nothing changes in the map: no section.
    stdout = '';
    await runCheck(['--base', base, '--head', base, '--repo', repo, '--format', 'markdown'], { stdout: (s) => { stdout += s; }, stderr: () => {} });
    expect(stdout).not.toContain('exposure map');
  });

  it('reads a git ref; usage errors exit 2', async () => {
    const repoDir = tmp.write({ 'k8s/app.yaml': APP, 'k8s/ingress.yaml': GUARDED }, 'repo');
    git(repoDir, 'init', '-q', '-b', 'main');
    git(repoDir, 'add', '.');
    git(repoDir, 'commit', '-q', '-m', 'one');
    const { code, stdout } = await exposure('HEAD', '--repo', repoDir);
    expect(code).toBe(0);
    expect(stdout).toContain('  shop.example.com Prefix / (every path) [http; host match exact]  k8s/ingress.yaml:13');
    expect((await exposure('--repo', repoDir)).code).toBe(2);
    const format = await exposure('HEAD', '--repo', repoDir, '--format', 'sarif');
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('unknown --format "sarif" (one of text, json, markdown, mermaid)');
    expect((await exposure('nope', '--repo', repoDir)).stderr).toContain('segguard exposure: nope is neither a directory nor a git ref');
  });
});
