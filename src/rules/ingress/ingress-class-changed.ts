import { code } from '../../findings/code-span.js';
import { INGRESS_CLASS_ANNOTATION } from '../../model/ingress.js';
import type { Model } from '../../model/load.js';
import { defineRule } from '../rule.js';
import { ingressPairs, place, subjectOf } from './routes.js';

const DEFAULT_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';

/** The IngressClass the cluster gives an Ingress without a class, when the manifests declare exactly one. */
function defaultClassOf(model: Model): string | undefined {
  const defaults = model.resources.filter((r) => r.kind === 'IngressClass' && r.annotations()[DEFAULT_CLASS_ANNOTATION] === 'true');
  return defaults.length === 1 ? defaults[0].name : undefined;
}

function describeClass(name: string | undefined, defaultClass: string | undefined): string {
  if (name !== undefined) return `class ${code(name)}`;
  return defaultClass === undefined ? 'no class (the cluster default IngressClass, or no controller at all)' : `no class (the default IngressClass ${code(defaultClass)})`;
}

export default defineRule({
  id: 'ingress-class-changed',
  kind: 'diff',
  severity: 'high',
  description: `The Ingress class (\`ingressClassName\` or the \`${INGRESS_CLASS_ANNOTATION}\` annotation) changes, moving the Ingress to another controller.`,
  check({ base, head, changed, report }) {
    const baseDefault = defaultClassOf(base);
    const headDefault = defaultClassOf(head);
    for (const { before, after } of ingressPairs(changed)) {
      if (!before || !after) continue;
      // The field and the deprecated annotation are the same setting, so moving from one to the other is no change.
      if (before.className === after.className) continue;
      const was = before.className ?? baseDefault;
      const now = after.className ?? headDefault;
      if (was === now) continue;
      report({
        message: `${subjectOf(after)}: moves from ${describeClass(before.className, baseDefault)} to ${describeClass(after.className, headDefault)}; ` +
          'another controller now serves it, with its own listeners, IP allow-lists, authentication and TLS defaults, ' +
          'so the protections configured for the old controller no longer apply.',
        at: place(after, after.className === undefined ? before.classPath : after.classPath, 'head'),
        key: `${was ?? ''} → ${now ?? ''}`,
        related: [{ ...place(before, before.classPath, 'base'), message: `was ${describeClass(before.className, baseDefault)}` }],
      });
    }
  },
});
