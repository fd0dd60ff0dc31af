import { defineRule, type ReportInput } from '../rule.js';
import { ruleBroadenings, subjectBroadening } from './broadenings.js';
import { describeAdminPeer, describeAdminPorts, describeSelection, isEverythingPeer, ruleCovers, selectionWithin } from './coverage.js';
import { changedBaselinePolicies, clusterPolicyName, describeAdminRule, pairRules, rulesOf } from './policies.js';

export default defineRule({
  id: 'banp-loosened',
  kind: 'diff',
  severity: 'high',
  description: 'The BaselineAdminNetworkPolicy `default` denies less or allows more: a Deny turned Allow, removed or narrowed, the subject of its Deny rules narrowed, an Allow rule\'s peers, ports or subject broadened.',
  check(context) {
    for (const { before, after } of changedBaselinePolicies(context.changed)) {
      if (!before || !after) continue;
      const name = clusterPolicyName(after);
      const report = (input: Omit<ReportInput, 'message'> & { what: string }) => context.report({
        ...input,
        message: `${name}: ${input.what}. The BaselineAdminNetworkPolicy decides for the pods no NetworkPolicy selects; what it no longer denies is allowed.`,
      });
      const { pairs, removed } = pairRules(before, after);
      for (const [was, now] of pairs) {
        const rule = describeAdminRule(now);
        if (was.action === 'Deny' && now.action === 'Allow') {
          report({
            what: `${rule} is now Allow (was Deny) for ${now.peers.map(describeAdminPeer).join('; ')} on ${describeAdminPorts(now.ports)}`,
            at: { resource: after.resource, path: now.actionPath, side: 'head' },
            severity: now.peers.some(isEverythingPeer) ? 'critical' : undefined,
            key: `${now.direction} ${now.name || now.index} action`,
          });
        } else if (was.action === 'Deny' && now.action === 'Deny' && !ruleCovers(now, was)) {
          report({
            what: `Deny ${rule} now matches less than in base (${was.peers.map(describeAdminPeer).join('; ')} on ${describeAdminPorts(was.ports)})`,
            at: { resource: after.resource, path: now.path, side: 'head' },
            severity: 'high',
            key: `${now.direction} ${now.name || now.index} narrowed`,
          });
        } else if (was.action === 'Allow' && now.action === 'Allow') {
          for (const b of ruleBroadenings(was, now)) {
            report({ what: `Allow ${rule} ${b.what}`, at: { resource: after.resource, path: b.path, side: 'head' }, severity: b.severity, key: `${now.direction} ${now.name || now.index} ${b.key}` });
          }
        }
      }
      for (const was of removed.filter((r) => r.action === 'Deny')) {
        report({
          what: `Deny ${describeAdminRule(was)} (${was.peers.map(describeAdminPeer).join('; ')} on ${describeAdminPorts(was.ports)}) was removed`,
          at: { resource: before.resource, path: was.path, side: 'base' },
          severity: was.peers.some(isEverythingPeer) ? 'critical' : undefined,
          key: `${was.direction} ${was.name || was.index} removed`,
        });
      }
      const subject = subjectBroadening(before, after);
      if (subject) report({ what: subject.what, at: { resource: after.resource, path: subject.path, side: 'head' }, severity: subject.severity, key: subject.key });
      const denies = rulesOf(before).filter((r) => r.action === 'Deny');
      if (denies.length > 0 && !selectionWithin(before.subject, after.subject)) {
        report({
          what: `its subject now selects ${describeSelection(after.subject)} (was ${describeSelection(before.subject)}): the pods it no longer selects lose its ${denies.length} Deny rule${denies.length === 1 ? '' : 's'}`,
          at: { resource: after.resource, path: [...after.subject.path, after.subject.field], side: 'head' },
          severity: 'high',
          key: 'subject narrowed',
        });
      }
    }
  },
});
