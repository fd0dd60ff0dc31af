import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/gateway/gateway-mtls-weakened.js';
import { runRule, ruleTester } from '../../helpers/rule-tester.js';
import { gateway, lineOf, type ListenerSpec } from './fixtures.js';

const listeners: ListenerSpec[] = [{ name: 'https', port: 443 }, { name: 'alt', port: 8443 }, { name: 'web', port: 80, protocol: 'HTTP' }];
const validation = (mode?: string) => ['    validation:', '      caCertificateRefs: [{kind: ConfigMap, name: client-ca}]', ...(mode ? [`      mode: ${mode}`] : [])];
const frontend = (defaultLines: string[], perPort: string[] = []) => ['frontend:', '  default:', ...defaultLines.map((l) => `  ${l}`), ...(perPort.length ? ['  perPort:', ...perPort.map((l) => `    ${l}`)] : [])];
const base = { 'gw.yaml': gateway(listeners, { tls: frontend(validation()) }) };

const fallback = gateway(listeners, { tls: frontend(validation('AllowInsecureFallback')) });
const removed = gateway(listeners);
const portOverride = gateway(listeners, { tls: frontend(validation(), ['- port: 8443', '  tls:', '    validation:', '      caCertificateRefs: [{name: client-ca}]', '      mode: AllowInsecureFallback']) });
const portWithout = gateway(listeners, { tls: frontend(validation(), ['- port: 8443', '  tls: {}']) });

ruleTester(rule, {
  valid: [
    { name: 'unchanged', base, head: base },
    { name: 'an explicit AllowValidOnly is the default', base, head: { 'gw.yaml': gateway(listeners, { tls: frontend(validation('AllowValidOnly')) }) } },
    { name: 'the default moved into perPort entries for every HTTPS port', base, head: { 'gw.yaml': gateway(listeners, { tls: ['frontend:', '  default: {}', '  perPort:', '    - port: 443', '      tls:', '        validation: {caCertificateRefs: [{name: client-ca}]}', '    - port: 8443', '      tls:', '        validation: {caCertificateRefs: [{name: client-ca}]}'] }) } },
    { name: 'listeners reordered, file moved', base, head: { 'x.yaml': gateway([...listeners].reverse(), { tls: frontend(validation()) }) } },
    { name: 'tightened: fallback → valid only', base: { 'gw.yaml': fallback }, head: base },
    { name: 'no validation in base', base: { 'gw.yaml': removed }, head: { 'gw.yaml': fallback } },
  ],
  invalid: [
    {
      name: 'the default set to AllowInsecureFallback: one finding naming every HTTPS listener',
      base,
      head: { 'gw.yaml': fallback },
      findings: [
        { path: 'gw.yaml', line: lineOf(fallback, 'AllowInsecureFallback'), severity: 'high', message: 'Gateway infra/edge listener https (port 443), Gateway infra/edge listener alt (port 8443): client-certificate validation is now AllowInsecureFallback' },
      ],
    },
    {
      name: 'validation removed: on the base line',
      base,
      head: { 'gw.yaml': removed },
      findings: [
        { path: 'gw.yaml', line: lineOf(base['gw.yaml'], 'validation:'), side: 'base', message: 'listener alt (port 8443): client-certificate validation (CA ConfigMap/client-ca) no longer applies' },
      ],
    },
    {
      name: 'an HTTPS listener turned into plain HTTP',
      base,
      head: { 'gw.yaml': gateway([{ name: 'https', port: 443, protocol: 'HTTP' }, listeners[1], listeners[2]], { tls: frontend(validation()) }) },
      findings: [{ path: 'gw.yaml', line: lineOf(gateway([{ name: 'https', port: 443, protocol: 'HTTP' }, listeners[1], listeners[2]], { tls: frontend(validation()) }), 'protocol: HTTP'), message: 'listener https (port 443): the listener is now HTTP and no longer terminates TLS' }],
    },
    { name: 'a perPort override with AllowInsecureFallback', base, head: { 'gw.yaml': portOverride }, findings: [{ path: 'gw.yaml', line: lineOf(portOverride, 'AllowInsecureFallback'), message: 'listener alt (port 8443)' }] },
    { name: 'a perPort override without validation', base, head: { 'gw.yaml': portWithout }, findings: [{ path: 'gw.yaml', line: lineOf(base['gw.yaml'], 'validation:'), side: 'base', message: 'listener alt (port 8443)' }] },
  ],
});

describe('gateway-mtls-weakened related', () => {
  it('relates the base validation to a head fallback', () => {
    const [finding] = runRule(rule, base, { 'gw.yaml': portOverride });
    expect(finding.related.map((r) => `${r.side} ${r.path}:${r.line}`)).toEqual([`base gw.yaml:${lineOf(base['gw.yaml'], 'validation:')}`]);
  });
});
