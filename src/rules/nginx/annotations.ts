import type { FieldPath } from '../../model/field-path.js';
import { controllerClaim, nginxOf, nginxServes, type NginxAnnotation, type NginxModel } from '../../model/nginx.js';
import type { DiffContext, Place, ReportInput } from '../rule.js';

/**
 * A changed or new Ingress that ingress-nginx serves in the head. `before` is the base side when ingress-nginx
 * served it there too; undefined for a new Ingress (or one that moves to ingress-nginx), which then compares with
 * the controller's defaults. In audit mode every Ingress of the tree is new.
 */
export interface NginxPair {
  before?: NginxModel;
  after: NginxModel;
}

export function nginxPairs({ base, head, changed }: Pick<DiffContext, 'base' | 'head' | 'changed'>): NginxPair[] {
  const pairs: NginxPair[] = [];
  for (const { before, after } of changed) {
    if (!after) continue;
    const baseServed = before !== undefined && nginxServes(before, base);
    // An Ingress whose class the manifests do not settle stays with ingress-nginx when it loses its last nginx annotation.
    const claim = controllerClaim(after, head);
    if (claim === 'other' || (claim === undefined && !baseServed && !nginxServes(after, head))) continue;
    pairs.push({ before: baseServed ? nginxOf(before) : undefined, after: nginxOf(after) });
  }
  return pairs;
}

/** `Ingress shop/web`: how messages name the object. */
export function subjectOf(model: NginxModel): string {
  return `Ingress ${model.resource.namespace}/${model.resource.name}`;
}

/** The value of annotation `name` (without the prefix) on one side; undefined when absent. */
function valueOf(model: NginxModel | undefined, name: string): string | undefined {
  return model?.annotations.get(name)?.value;
}

function annotationPath(model: NginxModel, name: string): FieldPath {
  return model.annotations.get(name)?.path ?? ['metadata', 'annotations'];
}

/**
 * Where a finding about annotation `name` points: its head line; for an annotation the head removed, its base line
 * (side `base`), which is in the diff as a deleted line, so a reviewer can comment on it.
 */
export function annotationPlace(pair: NginxPair, name: string): Place {
  if (pair.after.annotations.has(name) || !pair.before?.annotations.has(name)) {
    return { resource: pair.after.resource, path: annotationPath(pair.after, name), side: 'head' };
  }
  return { resource: pair.before.resource, path: annotationPath(pair.before, name), side: 'base' };
}

/** The base line of annotation `name`, as related location, when the base has it and the finding is on the head. */
function baseRelated(pair: NginxPair, name: string, at: Place, message: string): NonNullable<ReportInput['related']> {
  if (!pair.before?.annotations.has(name) || at.side === 'base') return [];
  return [{ resource: pair.before.resource, path: annotationPath(pair.before, name), side: 'base', message }];
}

/** Reports a finding about annotation `name` at `annotationPlace`, relating its base line (described by `baseMessage`). */
export function reportAnnotation(
  report: DiffContext['report'], pair: NginxPair, name: string,
  input: Pick<ReportInput, 'message' | 'key' | 'severity'> & { baseMessage: string },
): void {
  const at = annotationPlace(pair, name);
  const { baseMessage, ...rest } = input;
  report({ ...rest, at, related: baseRelated(pair, name, at, baseMessage) });
}

/** `changed`, `added` (to an Ingress of the base), or `is set` (on a new Ingress, and every Ingress in audit mode). */
export function changeWord(pair: NginxPair, was: string | undefined): string {
  return was !== undefined ? 'changed' : pair.before ? 'added' : 'is set';
}

/** The annotations of `list` (head side) whose value the base did not have, with the base value if any. */
export function newValues(pair: NginxPair, list: readonly NginxAnnotation[]): { annotation: NginxAnnotation; was: string | undefined }[] {
  return list.map((annotation) => ({ annotation, was: valueOf(pair.before, annotation.name) })).filter(({ annotation, was }) => was !== annotation.value);
}

/**
 * ssl-passthrough hands the TLS connection to the backend at layer 4, so ingress-nginx ignores every other
 * annotation: a guard the base had is gone when the head newly turns passthrough on. Reports that at the
 * ssl-passthrough line and returns true, so the caller does not compare the (ignored) annotations any further.
 */
export function lostToPassthrough(pair: NginxPair, guard: string, report: DiffContext['report'], key: string): boolean {
  if (!pair.after.sideEffects.sslPassthrough) return false;
  if (pair.before?.sideEffects.sslPassthrough) return true;
  reportAnnotation(report, pair, 'ssl-passthrough', {
    message: `${subjectOf(pair.after)}: ssl-passthrough is turned on, and ingress-nginx then ignores every other annotation, ` +
      `so the ${guard} of the base no longer applies.`,
    key: `${key} ssl-passthrough`,
    baseMessage: 'ssl-passthrough in base',
  });
  return true;
}
