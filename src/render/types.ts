import type { FieldPath } from '../model/field-path.js';

/**
 * Rendering (issue 10): Kustomize overlays and Helm charts are what the cluster receives, so their rendered
 * output is analyzed instead of their files. This file is the contract between target discovery and the
 * renderers (src/render/*.ts), the attribution of rendered fields to source lines (src/render/attribution/)
 * and the sides that the analysis reads (src/sources/).
 */

export type RenderToolName = 'kustomize' | 'helm';

/** A place in a side's tree, repository-relative with forward slashes. */
export interface SourceLine {
  path: string;
  line: number;
  endLine: number;
}

export interface HelmOptions {
  /** Default: the chart's name. */
  release: string;
  /** Default: `default`. */
  namespace: string;
  /** Values files, relative to the chart directory, after the chart's own values.yaml. */
  values: string[];
  set: Record<string, string>;
  kubeVersion?: string;
  apiVersions: string[];
}

/** A directory whose rendered output, not its files, is what the cluster receives. */
export interface RenderTarget {
  tool: RenderToolName;
  /** The directory, repository-relative ('' for the root): the target's identity across base and head. */
  path: string;
  /** The environment shown in messages ("prod"): the configured name, else the directory's last segment. */
  name: string;
  helm?: HelmOptions;
  /** The kustomization file or Chart.yaml (or the configuration entry): where findings about the target itself sit. */
  declaredAt: SourceLine;
}

/** What a renderer applied to an object after reading it from its source file (kustomize's transformerAnnotations). */
export interface AppliedTransformation {
  /** kustomize's builtin transformer (`configuredBy.kind`) in short: `PatchTransformer` → `patch`, `LabelTransformer` → `labels`, ... */
  kind: string;
  /**
   * The kustomization that configured it (`configuredIn`), never the patch file: kustomize lists every transformer
   * of a kustomization on every object it builds, changed or not, so attribution walks the kustomizations itself.
   */
  path: string;
}

/** One object as a renderer emitted it, with where it came from. */
export interface RenderedObject {
  /** The object's YAML text, one document, with the renderer's own bookkeeping annotations removed. */
  text: string;
  /** The source file the object was read from (kustomize's origin annotation; helm's `# Source:` as a repository path). */
  source?: string;
  transformations: AppliedTransformation[];
}

export interface RenderedTarget {
  target: RenderTarget;
  objects: RenderedObject[];
  /** `kustomize v5.6.0` / `helm v4.1.4`, for the summary. */
  tool: string;
  /** Every file the target read (resources, patches, generator inputs, templates, values), repository-relative. */
  consumed: string[];
  /** A digest of the target's inputs: a target whose inputs are byte-identical on both sides is rendered once. */
  digest: string;
}

/** Maps a field of a rendered object to the source line that set it. */
export interface SourceLocator {
  /** The source line of a field of the object ([] for the object itself); never undefined: falls back to the object's start, then to the target's declaration. */
  locate(field: FieldPath): SourceLine;
}
