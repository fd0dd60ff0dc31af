import { posix } from 'node:path';
import type { FieldPath } from '../../model/field-path.js';
import type { SourceLine } from '../types.js';
import { KustomizePatch } from './kustomize-patch.js';
import { selects, type PatchCandidate } from './patch-target.js';
import { isRecord, sourceIn, type YamlSource } from './yaml-source.js';

/** The names kustomize accepts for a kustomization file, in its order of preference. */
const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/** Where a label sits in an object: kustomize's label transformers reach these places differently. */
export type LabelPlace = 'metadata' | 'template' | 'selector';

/** A kustomization (or component) of a side's tree, read for what it applies to the objects that pass through it. */
export class Kustomization {
  readonly dir: string;
  private readonly source: YamlSource;
  private readonly data: Record<string, unknown>;
  private patchList: { early: KustomizePatch[]; late: KustomizePatch[] } | undefined;

  constructor(readonly path: string, private readonly tree: ReadonlyMap<string, string>) {
    this.dir = posix.dirname(path) === '.' ? '' : posix.dirname(path);
    this.source = sourceIn(tree, path)!;
    const data = this.source.values[0];
    this.data = isRecord(data) ? data : {};
  }

  /** The repository paths listed under `resources` or `components` (remote entries resolve to paths no tree holds). */
  entries(field: 'resources' | 'components'): string[] {
    return this.strings(field).map((entry) => this.resolve(entry));
  }

  line(field: FieldPath): SourceLine {
    return this.source.line(0, field);
  }

  /** The lines of a transformer field (`namespace`, `namePrefix`, `nameSuffix`) when the kustomization sets it. */
  fieldLine(name: 'namespace' | 'namePrefix' | 'nameSuffix'): SourceLine | undefined {
    return typeof this.data[name] === 'string' && this.data[name] !== '' ? this.line([name]) : undefined;
  }

  text(name: 'namePrefix' | 'nameSuffix'): string {
    return typeof this.data[name] === 'string' ? this.data[name] : '';
  }

  /** The line of the label (or annotation) pair that this kustomization adds at that place, if it adds that key there. */
  labelLine(key: string, place: LabelPlace | 'annotation'): SourceLine | undefined {
    if (place === 'annotation') return isRecord(this.data.commonAnnotations) && Object.hasOwn(this.data.commonAnnotations, key) ? this.line(['commonAnnotations', key]) : undefined;
    // `labels:` entries reach selectors only with includeSelectors, and pod templates with includeTemplates too.
    const labels = Array.isArray(this.data.labels) ? (this.data.labels as unknown[]) : [];
    for (let i = labels.length - 1; i >= 0; i--) {
      const entry = labels[i];
      if (!isRecord(entry) || !isRecord(entry.pairs) || !Object.hasOwn(entry.pairs, key)) continue;
      const reaches = place === 'metadata' || entry.includeSelectors === true || (place === 'template' && entry.includeTemplates === true);
      if (reaches) return this.line(['labels', i, 'pairs', key]);
    }
    return isRecord(this.data.commonLabels) && Object.hasOwn(this.data.commonLabels, key) ? this.line(['commonLabels', key]) : undefined;
  }

  /** The line of the `images:` entry that set a container image to `image` (its digest, newTag or newName). */
  imageLine(image: string): SourceLine | undefined {
    // `registry:5000/repo:tag` and `repo@sha256:...`: the repository is what comes before the tag or digest.
    const repository = image.includes('@') ? image.slice(0, image.indexOf('@')) : image.replace(/:[^:/]*$/, '');
    const images = Array.isArray(this.data.images) ? (this.data.images as unknown[]) : [];
    for (let i = images.length - 1; i >= 0; i--) {
      const entry = images[i];
      if (!isRecord(entry) || (entry.newName ?? entry.name) !== repository) continue;
      const field = ['digest', 'newTag', 'newName'].find((key) => entry[key] !== undefined);
      return this.line(field ? ['images', i, field] : ['images', i]);
    }
    return undefined;
  }

  /** The line of the generator entry (`configMapGenerator`, `secretGenerator`) that made an object of that kind and rendered name. */
  generatorLine(kind: string, renderedName: string): SourceLine | undefined {
    const field = kind === 'ConfigMap' ? 'configMapGenerator' : kind === 'Secret' ? 'secretGenerator' : undefined;
    const entries = field && Array.isArray(this.data[field]) ? (this.data[field] as unknown[]) : [];
    // The rendered name carries prefixes, suffixes and the content hash around the written name: the longest one it contains.
    let best: { index: number; length: number } | undefined;
    entries.forEach((entry, index) => {
      const name = isRecord(entry) && typeof entry.name === 'string' ? entry.name : '';
      if (name !== '' && renderedName.includes(name) && name.length > (best?.length ?? 0)) best = { index, length: name.length };
    });
    return best && this.line([field!, best.index]);
  }

  /**
   * The `replacements:` entry that copies a value into the field (or into a field inside it, or around it) of the
   * object: its source (kind, name, dotted field path) and the line of the entry's `source:`.
   */
  replacementInto(object: PatchCandidate, field: FieldPath): { kind: string; name: string; fieldPath: string; line: SourceLine } | undefined {
    const replacements = Array.isArray(this.data.replacements) ? (this.data.replacements as unknown[]) : [];
    const written = field.map(String);
    for (let i = replacements.length - 1; i >= 0; i--) {
      const entry = replacements[i];
      if (!isRecord(entry) || !isRecord(entry.source) || !Array.isArray(entry.targets)) continue;
      const reaches = entry.targets.some((target) => isRecord(target) && isRecord(target.select) && selects(target.select, object) &&
        !(Array.isArray(target.reject) && target.reject.some((r) => isRecord(r) && selects(r, object))) &&
        Array.isArray(target.fieldPaths) && target.fieldPaths.some((path) => {
          // A path with a list selector (`containers.[name=api].image`) names no index: not matched here.
          const keys = typeof path === 'string' && !path.includes('[') ? path.split('.') : [];
          const shared = Math.min(keys.length, written.length);
          return keys.length > 0 && keys.slice(0, shared).every((key, k) => key === written[k]);
        }));
      if (!reaches) continue;
      const { kind, name, fieldPath } = entry.source;
      return { kind: String(kind ?? ''), name: String(name ?? ''), fieldPath: typeof fieldPath === 'string' ? fieldPath : 'metadata.name', line: this.line(['replacements', i, 'source']) };
    }
    return undefined;
  }

  /** The `key=value` literal of this kustomization's generator of the ConfigMap or Secret `name`, if it writes that key. */
  literalLine(kind: string, name: string, key: string): SourceLine | undefined {
    const field = kind === 'ConfigMap' ? 'configMapGenerator' : kind === 'Secret' ? 'secretGenerator' : undefined;
    const entries = field && Array.isArray(this.data[field]) ? (this.data[field] as unknown[]) : [];
    for (let i = entries.length - 1; i >= 0; i--) {
      const entry = entries[i];
      if (!isRecord(entry) || entry.name !== name || !Array.isArray(entry.literals)) continue;
      const literal = entry.literals.findIndex((l) => typeof l === 'string' && l.slice(0, l.indexOf('=')).trim() === key);
      if (literal >= 0) return this.line([field!, i, 'literals', literal]);
    }
    return undefined;
  }

  /**
   * The patches, in two groups as kustomize runs them: `patchesStrategicMerge` and `patches` before the name,
   * namespace and label transformers, the legacy `patchesJson6902` after them.
   */
  patches(): { early: KustomizePatch[]; late: KustomizePatch[] } {
    return (this.patchList ??= this.readPatches());
  }

  private readPatches(): { early: KustomizePatch[]; late: KustomizePatch[] } {
    const early: KustomizePatch[] = [];
    const late: KustomizePatch[] = [];
    this.strings('patchesStrategicMerge', true).forEach((entry, i) => {
      // An entry is a file when one exists at that path, else an inline patch.
      const source = sourceIn(this.tree, this.resolve(entry)) ?? this.source.inline(0, ['patchesStrategicMerge', i]);
      if (source) early.push(new KustomizePatch(source, undefined));
    });
    for (const [field, into] of [['patches', early], ['patchesJson6902', late]] as const) {
      const list = Array.isArray(this.data[field]) ? (this.data[field] as unknown[]) : [];
      list.forEach((entry, i) => {
        if (!isRecord(entry)) return;
        const target = isRecord(entry.target) ? entry.target : undefined;
        const source = typeof entry.path === 'string' ? sourceIn(this.tree, this.resolve(entry.path)) : this.source.inline(0, [field, i, 'patch']);
        if (source) into.push(new KustomizePatch(source, target));
      });
    }
    return { early, late };
  }

  private strings(field: string, keepIndexes = false): string[] {
    const list = Array.isArray(this.data[field]) ? (this.data[field] as unknown[]) : [];
    return keepIndexes ? list.map((e) => (typeof e === 'string' ? e : '')) : list.filter((e): e is string => typeof e === 'string');
  }

  private resolve(entry: string): string {
    const path = posix.normalize(posix.join(this.dir, entry)).replace(/\/$/, '');
    return path === '.' ? '' : path;
  }
}

const kustomizations = new WeakMap<ReadonlyMap<string, string>, Map<string, Kustomization | undefined>>();

/** The kustomization of a directory of the tree, if it has one (read once per tree). */
export function kustomizationIn(dir: string, tree: ReadonlyMap<string, string>): Kustomization | undefined {
  let known = kustomizations.get(tree);
  if (!known) kustomizations.set(tree, (known = new Map()));
  if (!known.has(dir)) {
    const name = KUSTOMIZATION_FILES.find((file) => tree.has(dir === '' ? file : `${dir}/${file}`));
    known.set(dir, name === undefined ? undefined : new Kustomization(dir === '' ? name : `${dir}/${name}`, tree));
  }
  return known.get(dir);
}
