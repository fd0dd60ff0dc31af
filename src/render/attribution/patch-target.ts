import { isRecord } from './yaml-source.js';

/** What kustomize knows of an object when it selects the objects a patch applies to. */
export interface PatchCandidate {
  apiVersion: string;
  kind: string;
  /** Every name the object had on its way through the overlays: kustomize matches a patch against any of them. */
  names: ReadonlySet<string>;
  namespace?: string;
  labels: Record<string, unknown>;
  annotations: Record<string, unknown>;
}

/**
 * Whether a patch's `target:` selects the object. Like kustomize, group, version, kind, name and namespace are
 * anchored regular expressions and the label and annotation selectors use the Kubernetes selector syntax.
 */
export function selects(target: Record<string, unknown>, object: PatchCandidate): boolean {
  const [group, version] = object.apiVersion.includes('/') ? object.apiVersion.split('/', 2) : ['', object.apiVersion];
  const field = (key: string, values: Iterable<string | undefined>): boolean => {
    const pattern = target[key];
    if (typeof pattern !== 'string' || pattern === '') return true;
    let re: RegExp;
    try {
      re = new RegExp(`^(?:${pattern})$`);
    } catch {
      return [...values].includes(pattern);
    }
    return [...values].some((value) => re.test(value ?? ''));
  };
  return (
    field('group', [group]) &&
    field('version', [version]) &&
    field('kind', [object.kind]) &&
    field('name', object.names) &&
    field('namespace', [object.namespace]) &&
    matchesSelector(target.labelSelector, object.labels) &&
    matchesSelector(target.annotationSelector, object.annotations)
  );
}

/** A Kubernetes selector string (`a=b,c!=d,e in (x,y),!f`) against a label map; no selector matches everything. */
function matchesSelector(selector: unknown, labels: Record<string, unknown>): boolean {
  if (typeof selector !== 'string' || selector.trim() === '') return true;
  const has = (key: string): boolean => isRecord(labels) && Object.hasOwn(labels, key) && labels[key] !== undefined;
  const value = (key: string): string => String(labels[key]);
  // Commas inside `in (...)` sets do not separate requirements.
  return selector.split(/,(?![^(]*\))/).every((raw) => {
    const requirement = raw.trim();
    const set = /^(\S+)\s+(in|notin)\s+\((.*)\)$/.exec(requirement);
    if (set) {
      const members = set[3].split(',').map((m) => m.trim());
      return set[2] === 'in' ? has(set[1]) && members.includes(value(set[1])) : !has(set[1]) || !members.includes(value(set[1]));
    }
    const pair = /^([^!=]+?)\s*(==|=|!=)\s*(.*)$/.exec(requirement);
    if (pair) return pair[2] === '!=' ? !has(pair[1]) || value(pair[1]) !== pair[3] : has(pair[1]) && value(pair[1]) === pair[3];
    return requirement.startsWith('!') ? !has(requirement.slice(1).trim()) : has(requirement);
  });
}
