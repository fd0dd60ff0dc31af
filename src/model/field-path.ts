/** A path to a field inside a manifest document: keys and list indexes, e.g. ['spec', 'ingress', 0, 'from']. */
export type FieldPath = readonly (string | number)[];

/** `spec.ingress[0].from[1].ipBlock.cidr`: the form used in messages and docs. */
export function formatFieldPath(path: FieldPath): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? key : `.${key}`;
  }
  return out;
}
