import rule from '../../../src/rules/admin/banp-deleted.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { banp, egress, ingress } from './fixtures.js';

const BANP = banp(...ingress('deny-shop', 'Deny'));

ruleTester(rule, {
  valid: [
    { name: 'moved to another file', base: { 'banp.yaml': BANP }, head: { 'cluster/banp.yaml': BANP } },
    { name: 'a rule renamed', base: { 'banp.yaml': BANP }, head: { 'banp.yaml': BANP.replace('deny-shop', 'no-shop') } },
    { name: 'an Allow-only BANP deleted', base: { 'banp.yaml': banp(...ingress('allow-shop', 'Allow')) }, head: {} },
    { name: 'a BANP not named default (rejected by the API server) deleted', base: { 'banp.yaml': BANP.replace('name: default', 'name: other') }, head: {} },
  ],
  invalid: [
    {
      name: 'the BANP default with a Deny deleted: its first line on the base side',
      base: { 'banp.yaml': BANP },
      head: {},
      findings: [{ path: 'banp.yaml', line: 1, side: 'base', severity: 'high', message: 'BaselineAdminNetworkPolicy `default` was deleted with its Deny ingress rule `deny-shop`' }],
    },
    {
      name: 'a BANP denying egress to 0.0.0.0/0 deleted: critical',
      base: { 'banp.yaml': banp(...egress('no-internet', 'Deny', ['networks: [0.0.0.0/0]'])) },
      head: {},
      findings: [{ path: 'banp.yaml', line: 1, side: 'base', severity: 'critical' }],
    },
  ],
});
