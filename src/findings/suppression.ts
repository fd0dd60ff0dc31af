import type { Resource } from '../model/resource.js';

export const IGNORE_ANNOTATION = 'segguard.io/ignore';

export interface Suppression {
  ruleIds: string[];
  reason: string;
}

/**
 * Reads `segguard.io/ignore: "<rule-id>[,<rule-id>]: <reason>"`. Undefined when the resource has none;
 * `reason: ''` when the reason is missing, which the engine reports instead of honouring.
 */
export function suppressionOf(resource: Resource | undefined): Suppression | undefined {
  const value = resource?.annotations()[IGNORE_ANNOTATION];
  if (value === undefined) return undefined;
  const colon = value.indexOf(':');
  const ids = colon < 0 ? value : value.slice(0, colon);
  const reason = colon < 0 ? '' : value.slice(colon + 1).trim();
  return { ruleIds: ids.split(',').map((s) => s.trim()).filter(Boolean), reason };
}
