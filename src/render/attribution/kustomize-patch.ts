import type { FieldPath } from '../../model/field-path.js';
import type { SourceLine } from '../types.js';
import { selects, type PatchCandidate } from './patch-target.js';
import { followField, type MergeKeyOf } from './strategic-merge.js';
import { isRecord, valueAt, type YamlSource } from './yaml-source.js';

/** The rendered object a patch is asked about. */
export interface PatchedObject extends PatchCandidate {
  value: unknown;
  mergeKeyOf: MergeKeyOf;
}

/** A strategic-merge patch names its object with these; they identify, they do not set. */
const IDENTIFYING = ['apiVersion', 'kind', 'metadata', 'metadata.name', 'metadata.namespace'];

/**
 * One patch of a kustomization (a file, or inline): strategic merge when its documents are objects, JSON 6902
 * when it is a list of operations (kustomize decides the same way).
 */
export class KustomizePatch {
  constructor(
    readonly source: YamlSource,
    private readonly target: Record<string, unknown> | undefined,
  ) {}

  /** The patch's line that set the field of the object, or undefined when the patch does not apply to it or does not touch the field. */
  locate(object: PatchedObject, field: FieldPath): SourceLine | undefined {
    if (this.target && !selects(this.target, object)) return undefined;
    const operations = this.source.values[0];
    return Array.isArray(operations) ? this.locateOperation(operations, object, field) : this.locateMerge(object, field);
  }

  private locateMerge(object: PatchedObject, field: FieldPath): SourceLine | undefined {
    if (IDENTIFYING.includes(field.join('.'))) return undefined;
    for (let doc = this.source.values.length - 1; doc >= 0; doc--) {
      const patch = this.source.values[doc];
      if (!isRecord(patch)) continue;
      // Without a target, a strategic-merge patch applies to the object it names.
      if (!this.target && (patch.kind !== object.kind || !object.names.has(String(valueAt(patch, ['metadata', 'name']))))) continue;
      if (field.length === 0) {
        // The object itself: only a patch that deletes or replaces it decides it.
        if (patch.$patch === 'delete' || patch.$patch === 'replace') return this.source.line(doc, ['$patch']);
        continue;
      }
      const written = followField(object.value, patch, field, object.mergeKeyOf);
      if (written.sets) return this.source.line(doc, written.path);
    }
    return undefined;
  }

  /** The last operation whose path covers the field or lies inside it (a remove takes away part of its parent). */
  private locateOperation(operations: unknown[], object: PatchedObject, field: FieldPath): SourceLine | undefined {
    if (field.length === 0) return undefined;
    for (let i = operations.length - 1; i >= 0; i--) {
      const operation = operations[i];
      if (!isRecord(operation) || typeof operation.path !== 'string' || operation.op === 'test') continue;
      const path = pointer(operation.path, object.value);
      const shared = Math.min(path.length, field.length);
      if (!path.slice(0, shared).every((key, k) => String(key) === String(field[k]))) continue;
      // The written value (the added peer, not `- op: add`), or a field's own line in it when the value spells it out.
      const rest = field.slice(path.length);
      if (Object.hasOwn(operation, 'value') && valueAt(operation.value, rest) !== undefined) return this.source.line(0, [i, 'value', ...rest]);
      return this.source.line(0, [i]);
    }
    return undefined;
  }
}

/** A JSON pointer's keys; `-` (append) is the last item of the rendered list. */
function pointer(text: string, rendered: unknown): (string | number)[] {
  if (text === '') return [];
  const keys: (string | number)[] = [];
  for (const raw of text.replace(/^\//, '').split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const list = valueAt(rendered, keys);
    if (Array.isArray(list) && key === '-') keys.push(list.length - 1);
    else keys.push(Array.isArray(list) && /^\d+$/.test(key) ? Number(key) : key);
  }
  return keys;
}
