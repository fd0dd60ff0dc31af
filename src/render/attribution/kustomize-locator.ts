import type { FieldPath } from '../../model/field-path.js';
import type { RenderedObject, RenderTarget, SourceLine, SourceLocator } from '../types.js';
import { kustomizationIn, type Kustomization, type LabelPlace } from './kustomization.js';
import type { PatchedObject } from './kustomize-patch.js';
import { overlayChain, reachableResources } from './overlay-chain.js';
import { followField, mergeKeysFor } from './strategic-merge.js';
import { isRecord, sourceIn, valueAt, YamlSource } from './yaml-source.js';

/**
 * Source lines of a kustomize-rendered object's fields. Going back from the last step kustomize took: a patch
 * that set the field (JSON 6902 operation, strategic-merge entry, `$patch` directive), the kustomization line
 * of the transformer that set it (namespace, namePrefix/nameSuffix, labels/commonLabels/commonAnnotations),
 * then the field in the resource file the object was read from.
 *
 * `base` (the other side) serves an object only the base renders: the line where its file left the overlays.
 *
 * The overlay chain is found by walking the tree from the target to the object's source file: kustomize's
 * transformer annotations name the kustomizations but not which of their patches touched the object, and they
 * omit kustomizations with no transformers; they serve only when the walk cannot reach the source.
 */
export function kustomizeLocator(object: RenderedObject, target: RenderTarget, tree: ReadonlyMap<string, string>, base?: ReadonlyMap<string, string>): SourceLocator {
  // Worked out on the first question: locators are made for every rendered object, asked only for findings.
  let trail: Trail | undefined;
  let dropped: SourceLine | null | undefined;
  return {
    locate(field: FieldPath): SourceLine {
      const { rendered, chain, source, origin, patched, reachable } = (trail ??= trailOf(object, target, tree));
      // An object whose file the head's overlays no longer reach (the base's object): where the file left them.
      if (!reachable && base && object.source !== undefined) {
        const line = (dropped ??= droppedAt(object.source, target, tree, base) ?? null);
        if (line) return line;
      }
      for (const kustomization of [...chain].reverse()) {
        // Replacements run after the kustomization's patches and transformers: the value they copied decides.
        const replaced = kustomization.replacementInto(patched, field);
        if (replaced) return replacementSource(replaced, chain) ?? replaced.line;
        const { early, late } = kustomization.patches();
        // Each kustomization's steps, last applied first: images, patchesJson6902, the name/label transformers, patches.
        const line =
          imageLine(kustomization, field, rendered) ??
          latestLine(late, (p) => p.locate(patched, field)) ??
          transformerLine(kustomization, field) ??
          latestLine(early, (p) => p.locate(patched, field));
        if (line) return line;
      }
      const generator = chain.find((k) => k.path === object.source)?.generatorLine(patched.kind, String(valueAt(rendered, ['metadata', 'name']) ?? ''));
      if (generator) return generator;
      if (source && origin) return source.line(origin.doc, followField(rendered, source.values[origin.doc], field, patched.mergeKeyOf).path);
      if (source) return { path: source.path, line: 1, endLine: 1 };
      return target.declaredAt;
    },
  };
}

/** What kustomize did to an object: the kustomizations it passed (innermost first), its source document, the names it had. */
interface Trail {
  rendered: Record<string, unknown>;
  chain: Kustomization[];
  source: YamlSource | undefined;
  origin: { doc: number; names: string[] } | undefined;
  patched: PatchedObject;
  /** The target's overlays reach the file the object records as its source. */
  reachable: boolean;
}

function trailOf(object: RenderedObject, target: RenderTarget, tree: ReadonlyMap<string, string>): Trail {
  const value = new YamlSource('', object.text).values[0];
  const rendered = isRecord(value) ? value : {};
  const kind = String(rendered.kind ?? '');
  const name = String(valueAt(rendered, ['metadata', 'name']) ?? '');
  const namespace = valueAt(rendered, ['metadata', 'namespace']);
  const recorded = object.source === undefined ? undefined : overlayChain(target.path, object.source, tree);
  let chain = recorded ?? transformationChain(object, tree);
  let source = object.source === undefined ? undefined : sourceIn(tree, object.source);
  let origin = source && originalDocument(source, kind, name, chain);
  if (!origin || (chain.some((k) => k.path === source?.path) && !chain.some((k) => k.generatorLine(kind, name)))) {
    // The recorded origin is missing or does not hold the object: a patch that replaces metadata.annotations
    // wipes kustomize's origin annotation, which then names the kustomization. Search the target's resources.
    for (const file of reachableResources(target.path, tree)) {
      const fileChain = overlayChain(target.path, file, tree);
      const found = fileChain && originalDocument(sourceIn(tree, file)!, kind, name, fileChain, false);
      if (found) {
        [chain, source, origin] = [fileChain, sourceIn(tree, file), found];
        break;
      }
    }
  }
  const patched: PatchedObject = {
    value: rendered,
    apiVersion: String(rendered.apiVersion ?? ''),
    kind,
    names: new Set([name, ...(origin?.names ?? [])]),
    namespace: typeof namespace === 'string' ? namespace : undefined,
    labels: record(valueAt(rendered, ['metadata', 'labels'])),
    annotations: record(valueAt(rendered, ['metadata', 'annotations'])),
    mergeKeyOf: mergeKeysFor(rendered.apiVersion, kind),
  };
  return { rendered, chain, source, origin, patched, reachable: recorded !== undefined };
}

/**
 * For an object the head no longer renders because its file left the overlays: the head `resources:` line of the
 * kustomization nearest to the file that reached it in base and no longer does (where the entry was removed).
 */
function droppedAt(file: string, target: RenderTarget, head: ReadonlyMap<string, string>, base: ReadonlyMap<string, string>): SourceLine | undefined {
  // The chain's kustomizations on the way to the file (not the components applied after it), innermost first.
  const way = (overlayChain(target.path, file, base) ?? []).filter((k) => overlayChain(k.dir, file, base));
  const index = way.findIndex((k) => !overlayChain(k.dir, file, head));
  if (index < 0) return undefined;
  // The list that held the way on: `components:` when the next kustomization inwards was one of its components.
  const inner = way[index - 1];
  const list = inner && way[index].entries('components').includes(inner.dir) ? 'components' : 'resources';
  return kustomizationIn(way[index].dir, head)?.line([list]);
}

/**
 * Where a replacement's source value is written: the generator literal (`cidr=0.0.0.0/0`) of a generated ConfigMap
 * or Secret `data` key; undefined for any other source (the replacement's own line serves then).
 */
function replacementSource(replaced: { kind: string; name: string; fieldPath: string }, chain: Kustomization[]): SourceLine | undefined {
  const key = /^(?:data|stringData)\.(.+)$/.exec(replaced.fieldPath)?.[1];
  if (key === undefined) return undefined;
  return latestLine(chain, (k) => k.literalLine(replaced.kind, replaced.name, key));
}

/** The `images:` entry that set a container's image. */
function imageLine(kustomization: Kustomization, field: FieldPath, rendered: unknown): SourceLine | undefined {
  if (field[field.length - 1] !== 'image' || typeof field[field.length - 2] !== 'number') return undefined;
  const image = valueAt(rendered, field);
  return typeof image === 'string' ? kustomization.imageLine(image) : undefined;
}

/** The line of a kustomization's name, namespace, label or annotation transformer that set the field, if one did. */
function transformerLine(kustomization: Kustomization, field: FieldPath): SourceLine | undefined {
  const path = field.join('.');
  if (path === 'metadata.namespace') return kustomization.fieldLine('namespace');
  if (path === 'metadata.name') return kustomization.fieldLine('namePrefix') ?? kustomization.fieldLine('nameSuffix');
  const key = field[field.length - 1];
  const parent = field[field.length - 2];
  if (typeof key !== 'string' || field.length < 2) return undefined;
  if (parent === 'annotations' && field[field.length - 3] === 'metadata') return kustomization.labelLine(key, 'annotation');
  let place: LabelPlace | undefined;
  if (parent === 'labels' && field[field.length - 3] === 'metadata') place = field.length === 3 ? 'metadata' : 'template';
  else if (parent === 'matchLabels' || parent === 'selector') place = 'selector';
  return place && kustomization.labelLine(key, place);
}

/** The document of the source file the object was read from, and every name it had on its way through the chain. */
function originalDocument(source: YamlSource, kind: string, renderedName: string, chain: Kustomization[], loose = true): { doc: number; names: string[] } | undefined {
  let fallback: { doc: number; names: string[] } | undefined;
  for (const [doc, value] of source.values.entries()) {
    if (!isRecord(value) || value.kind !== kind) continue;
    const names = [String(valueAt(value, ['metadata', 'name']) ?? '')];
    for (const kustomization of chain) names.push(kustomization.text('namePrefix') + names[names.length - 1] + kustomization.text('nameSuffix'));
    if (names[names.length - 1] === renderedName) return { doc, names };
    // Kinds that kustomize does not rename keep their written name.
    if (names[0] === renderedName) fallback = { doc, names: [names[0]] };
  }
  if (fallback) return fallback;
  return loose && source.values.length === 1 ? { doc: 0, names: [] } : undefined;
}

/** Without a walk from the target, the kustomizations that kustomize says it applied (annotation order is application order). */
function transformationChain(object: RenderedObject, tree: ReadonlyMap<string, string>): Kustomization[] {
  const chain: Kustomization[] = [];
  for (const path of new Set(object.transformations.map((t) => t.path))) {
    const kustomization = kustomizationIn(path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '', tree);
    if (kustomization && kustomization.path === path) chain.push(kustomization);
  }
  return chain;
}

function latestLine<T>(items: T[], find: (item: T) => SourceLine | undefined): SourceLine | undefined {
  for (let i = items.length - 1; i >= 0; i--) {
    const line = find(items[i]);
    if (line) return line;
  }
  return undefined;
}

function record(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}
