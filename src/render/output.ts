import { isMap, isScalar, parseAllDocuments, parse, type Document, type Node } from 'yaml';
import type { AppliedTransformation, RenderedObject } from './types.js';
import { joinPath } from './paths.js';

const ORIGIN = 'config.kubernetes.io/origin';
const TRANSFORMATIONS = 'alpha.config.kubernetes.io/transformations';

/**
 * The objects of `kustomize build` run through a wrapper kustomization with
 * `buildMetadata: [originAnnotations, transformerAnnotations]`: each object's origin file and transformations come
 * from kustomize's own annotations (paths relative to the wrapper, `../tree/<repository path>`), which are then
 * removed so that the object is what the cluster receives.
 */
export function kustomizeObjects(output: string): RenderedObject[] {
  const objects: RenderedObject[] = [];
  for (const doc of documents(output)) {
    const metadata = doc.get('metadata', true);
    const annotationsPair = isMap(metadata) ? metadata.items.find((p) => isScalar(p.key) && p.key.value === 'annotations') : undefined;
    const annotations = annotationsPair?.value;
    let source: string | undefined;
    const transformations: AppliedTransformation[] = [];
    /** Text ranges to cut out of the document: kustomize's bookkeeping, never part of what the cluster receives. */
    const cuts: [number, number][] = [];
    if (isMap(annotations)) {
      const ours = annotations.items.filter((p) => isScalar(p.key) && (p.key.value === ORIGIN || p.key.value === TRANSFORMATIONS));
      for (const pair of ours) {
        const value = isScalar(pair.value) ? String(pair.value.value) : '';
        if ((pair.key as { value: unknown }).value === ORIGIN) {
          const o = parse(value) as { path?: string; configuredIn?: string } | null;
          source = repositoryPath(o?.path ?? o?.configuredIn);
        } else {
          for (const t of (parse(value) as { configuredIn?: string; configuredBy?: { kind?: string } }[] | null) ?? []) {
            const path = repositoryPath(t.configuredIn);
            if (path !== undefined) transformations.push({ kind: transformationKind(t.configuredBy?.kind ?? ''), path });
          }
        }
        cuts.push(lineRange(output, (pair.key as Node).range![0], (pair.value as Node).range![2]));
      }
      // Annotations that were only kustomize's: the whole `annotations:` entry goes.
      if (ours.length === annotations.items.length) cuts.splice(0, cuts.length, lineRange(output, (annotationsPair!.key as Node).range![0], annotations.range![2]));
    }
    const [from, to] = [doc.contents!.range![0], doc.range[1]];
    let text = '';
    let at = from;
    for (const [a, b] of cuts) {
      text += output.slice(at, a);
      at = b;
    }
    text += output.slice(at, to);
    objects.push({ text, ...(source !== undefined ? { source } : {}), transformations });
  }
  return objects;
}

/** From the start of the line of `start` to the end of the line of `end` (a block scalar's range already ends there). */
function lineRange(text: string, start: number, end: number): [number, number] {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = end > 0 && text[end - 1] === '\n' ? end : (text.indexOf('\n', end) + 1 || text.length);
  return [lineStart, lineEnd];
}

/** kustomize's builtin transformer kinds, in the words of the contract (`PatchTransformer` → `patch`). */
function transformationKind(kind: string): string {
  const known: Record<string, string> = {
    PatchTransformer: 'patch', PatchStrategicMergeTransformer: 'patchStrategicMerge', PatchJson6902Transformer: 'patchJson6902',
    NamespaceTransformer: 'namespace', PrefixSuffixTransformer: 'namePrefix', PrefixTransformer: 'namePrefix', SuffixTransformer: 'nameSuffix',
    LabelTransformer: 'labels', AnnotationsTransformer: 'annotations', ImageTagTransformer: 'images', ReplicaCountTransformer: 'replicas',
    ReplacementTransformer: 'replacements',
  };
  return known[kind] ?? kind;
}

/** `../tree/base/x.yaml` (relative to the wrapper) → `base/x.yaml`. */
function repositoryPath(path: string | undefined): string | undefined {
  if (path === undefined || !path.startsWith('../tree/')) return undefined;
  return joinPath('', path.slice('../tree/'.length));
}

/**
 * The objects of `helm template`: each document follows a `# Source: <chart>/templates/x.yaml` comment, whose
 * path inside the chart is joined to the chart's directory in the repository.
 */
export function helmObjects(output: string, chartDir: string): RenderedObject[] {
  const objects: RenderedObject[] = [];
  for (const doc of documents(output)) {
    // The `# Source:` comment sits between the document's start and its content.
    const m = /# Source: ([^\n]+)/.exec(output.slice(doc.range[0], doc.contents!.range![0]));
    const inChart = m ? m[1].trim().split('/').slice(1).join('/') : undefined;
    const source = inChart ? joinPath(chartDir, inChart) : undefined;
    // The document's own text, not a re-serialization: YAML 1.1 scalars (`on`, `0777`) stay as the cluster reads them.
    objects.push({ text: output.slice(doc.contents!.range![0], doc.range[1]), ...(source !== undefined ? { source } : {}), transformations: [] });
  }
  return objects;
}

/** The documents that hold an object (helm emits empty ones for templates that render nothing). */
function documents(output: string): Document.Parsed[] {
  return parseAllDocuments(output, { uniqueKeys: false }).filter((d): d is Document.Parsed =>
    'contents' in d && d.contents !== null && !(isScalar(d.contents) && d.contents.value === null));
}
