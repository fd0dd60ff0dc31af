import { describe, expect, it } from 'vitest';
import { defaultConfig, renderConfig, renders } from '../../src/config/config.js';
import { ConfigError, parseConfig } from '../../src/config/load.js';

const FILE = '.github/segguard.yml';

describe('render: configuration', () => {
  it('renders by default, with a 60 s limit and a 50 MB cap per target', () => {
    expect(renders(defaultConfig())).toBe(true);
    expect(renderConfig(defaultConfig())).toEqual({ auto: true, targets: [], tools: {}, timeoutSeconds: 60, maxOutputBytes: 50 * 1024 * 1024 });
  });

  it('reads targets, tools and limits', () => {
    const config = parseConfig([
      'render:',
      '  auto: false',
      '  targets:',
      '    - kustomize: ./overlays/prod/',
      '      name: prod',
      '    - helm: charts/web',
      '      release: web',
      '      namespace: shop',
      '      values: [values-prod.yaml]',
      '      set: {image.tag: "1.2", replicas: 3, tls.enabled: true}',
      '      kube-version: "1.30.0"',
      '      api-versions: [monitoring.coreos.com/v1]',
      '  tools: {kustomize: /opt/kustomize, helm: helm}',
      '  timeout-seconds: 10',
      '  max-output-bytes: 1000',
    ].join('\n'), FILE);
    expect(config.render).toEqual({
      auto: false,
      targets: [
        { tool: 'kustomize', path: 'overlays/prod', name: 'prod' },
        { tool: 'helm', path: 'charts/web', release: 'web', namespace: 'shop', values: ['values-prod.yaml'], set: { 'image.tag': '1.2', replicas: '3', 'tls.enabled': 'true' }, kubeVersion: '1.30.0', apiVersions: ['monitoring.coreos.com/v1'] },
      ],
      tools: { kustomize: '/opt/kustomize', helm: 'helm' },
      timeoutSeconds: 10,
      maxOutputBytes: 1000,
    });
    expect(renders(config)).toBe(true);
    expect(renders(parseConfig('render: {auto: false}\n', FILE))).toBe(false);
  });

  it('names the line of a malformed target', () => {
    expect(() => parseConfig('render:\n  targets:\n    - chart: x\n', FILE)).toThrow(ConfigError);
    expect(() => parseConfig('render:\n  targets:\n    - chart: x\n', FILE)).toThrow(/segguard.yml:3: render.targets.0/);
    expect(() => parseConfig('render:\n  timeout-seconds: 0\n', FILE)).toThrow(/segguard.yml:2: render.timeout-seconds/);
  });
});
