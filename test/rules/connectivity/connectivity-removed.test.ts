import { ruleTester } from '../../helpers/rule-tester.js';
import { connectivityRemoved } from '../../../src/rules/connectivity/connectivity-removed.js';
import { ALLOW_API, SHOP } from './fixtures.js';

ruleTester(connectivityRemoved, {
  valid: [
    { name: 'nothing changes', base: SHOP, head: SHOP },
    { name: 'connections are only added', base: SHOP, head: { ...SHOP, 'payments/allow.yaml': ALLOW_API } },
  ],
  invalid: [
    {
      name: 'the allow rule is removed: one info summary on the destination',
      base: { ...SHOP, 'payments/allow.yaml': ALLOW_API },
      head: SHOP,
      findings: [{ path: 'payments/ledger.yaml', line: 1, severity: 'info', message: 'In head, 1 connection allowed in base is no longer allowed (first: shop/api[Deployment] => payments/ledger[Deployment], TCP 5432 -> No Connections)' }],
    },
    {
      name: 'a workload is deleted: the summary points at its base definition',
      base: SHOP,
      head: { 'shop/api.yaml': SHOP['shop/api.yaml'], 'payments/deny.yaml': SHOP['payments/deny.yaml'] },
      findings: [{ path: 'payments/ledger.yaml', line: 1, side: 'base', severity: 'info', message: 'connections allowed in base are no longer allowed' }],
    },
  ],
});
