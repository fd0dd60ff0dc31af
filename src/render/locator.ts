import type { FieldPath } from '../model/field-path.js';
import { isObject, type JsonObject } from '../model/json.js';
import type { ParseCache } from '../model/load.js';
import type { RenderedObject, RenderTarget, SourceLine, SourceLocator } from './types.js';

/** A side's files as text, by repository path. */
export type TextTree = ReadonlyMap<string, string>;

/**
 * The fallback locator of a rendered object: the field's line in the source file the object came from (the
 * deepest part of the path that the source writes, so a field a patch or a template added lands on the object
 * that received it), else the line where that object starts in its source, else the target's declaration.
 * The attribution locators (src/render/attribution/) are more precise (patches, values keys).
 */
export function defaultLocator(object: RenderedObject, target: RenderTarget, rendered: { kind: string; name: string },
  tree: TextTree, cache: ParseCache): SourceLocator {
  const source = object.source !== undefined ? tree.get(object.source) : undefined;
  if (object.source === undefined || source === undefined) return { locate: () => target.declaredAt };
  const path = object.source;
  const parsed = cache.parse(source, path.toLowerCase().endsWith('.json'));
  const docIndex = sourceDocument(parsed.documents, rendered);
  if (docIndex === undefined) return { locate: () => ({ path, line: 1, endLine: 1 }) };
  return {
    locate(field: FieldPath): SourceLine {
      const span = parsed.positions.fieldSpan(docIndex, field);
      return { path, line: span.line, endLine: span.endLine };
    },
  };
}

/**
 * The document of a source file that holds the rendered object: the same kind and name, else the same kind with a
 * name the rendered one contains (kustomize's namePrefix/nameSuffix), else the only document of that kind.
 */
function sourceDocument(documents: readonly unknown[], rendered: { kind: string; name: string }): number | undefined {
  const ofKind = documents.flatMap((doc, i) => (isObject(doc) && doc.kind === rendered.kind ? [{ i, name: nameOf(doc) }] : []));
  const exact = ofKind.find((d) => d.name === rendered.name);
  if (exact) return exact.i;
  const contained = ofKind.filter((d) => d.name !== '' && rendered.name.includes(d.name));
  if (contained.length === 1) return contained[0].i;
  return ofKind.length === 1 ? ofKind[0].i : undefined;
}

function nameOf(doc: JsonObject): string {
  return isObject(doc.metadata) && typeof doc.metadata.name === 'string' ? doc.metadata.name : '';
}
