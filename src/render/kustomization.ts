import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

/** The file names kustomize looks for in a directory, in its own order of preference. */
export const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/** How a kustomization uses a path it names. */
export type ReferenceKind = 'resource' | 'component' | 'file' | 'config';

/** A path a kustomization names, at the line that names it. */
export interface Reference {
  kind: ReferenceKind;
  /** As written, relative to the kustomization's directory. */
  path: string;
  line: number;
  /** The field that names it (`resources`, `patches`, ...). */
  field: string;
}

/** Something in a kustomization that segguard refuses to render, at its line. */
export interface Refusal {
  line: number;
  message: string;
}

export interface Kustomization {
  /** `Kustomization` or `Component`. */
  kind: string;
  references: Reference[];
  refusals: Refusal[];
  /** Set when the file is no YAML mapping: kustomize will say why when it is built. */
  unreadable?: string;
}

/**
 * Fields whose entries name plugin configurations: kustomize runs the builtin ones itself, and anything else (exec
 * or container KRM functions, Go plugins) only with flags segguard never passes.
 */
const PLUGIN_FIELDS = ['generators', 'transformers', 'validators'];

/** Fields that make kustomize run Helm (only with --enable-helm, which segguard never passes). */
const HELM_FIELDS = ['helmCharts', 'helmGlobals', 'helmChartInflationGenerator'];

/**
 * A reference kustomize would fetch over the network: a URL, an scp-like git address, a `?ref=`, or a first path
 * segment that is a host name (`github.com/org/repo/...`).
 */
export function isRemote(reference: string): boolean {
  // A URL, a go-getter forced getter (`git::https://...`), an scp-like git address.
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(reference) || /^[a-z0-9]+::/i.test(reference) || /^[\w.-]+@[\w.-]+:/.test(reference)) return true;
  if (/[?&](ref|version|timeout|submodules)=/.test(reference)) return true;
  const first = reference.split('/')[0];
  return reference.includes('/') && first !== '.' && first !== '..' && /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(first) && /\.(com|org|io|net|dev|cloud|sh)$/i.test(first);
}

/**
 * What a kustomization file names (resources, components, patches, generator inputs, ...) and what segguard refuses
 * in it (remote or absolute references, Helm, inline plugin configurations), each with its line. Plugin
 * configuration files it names are checked by the caller (checkPluginConfig), which reads them.
 */
export function parseKustomization(text: string): Kustomization {
  let parsed = parsedTexts.get(text);
  if (!parsed) {
    // Bounded, like every cache of texts a pull request controls.
    if (parsedTexts.size >= 1_000) parsedTexts.clear();
    parsedTexts.set(text, (parsed = parseKustomizationText(text)));
  }
  return parsed;
}

/** Kustomizations by text: the base and the head of a change mostly hold the same ones, parsed once. Do not mutate. */
const parsedTexts = new Map<string, Kustomization>();

function parseKustomizationText(text: string): Kustomization {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false });
  const root = doc.contents;
  const out: Kustomization = { kind: 'Kustomization', references: [], refusals: [] };
  if (doc.errors.length > 0 || !isMap(root)) {
    out.unreadable = doc.errors[0]?.message.split('\n')[0] ?? 'not a YAML mapping';
    return out;
  }
  const lineOf = (node: Node | null | undefined): number => (node?.range ? lines.linePos(node.range[0]).line : 1);
  const addPath = (kind: ReferenceKind, field: string, path: string, line: number) => {
    if (path === '') return;
    if (path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path)) {
      out.refusals.push({ line, message: `${field} names the absolute path ${path}: only the repository's own files are rendered; write it relative to the kustomization` });
      return;
    }
    if (isRemote(path)) {
      out.refusals.push({ line, message: `${field} names the remote ${path}: segguard renders without network access, so remote bases and resources are refused; vendor it into the repository` });
      return;
    }
    out.references.push({ kind, path, line, field });
  };
  const add = (kind: ReferenceKind, field: string, node: Node | null | undefined) => {
    if (isScalar(node) && typeof node.value === 'string') addPath(kind, field, node.value, lineOf(node));
  };
  const items = (node: unknown): Node[] => (isSeq(node) ? (node.items as Node[]) : []);
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as Node | null;
    const keyLine = lineOf(pair.key as Node);
    switch (key) {
      case 'kind':
        if (isScalar(value)) out.kind = String(value.value);
        break;
      case 'resources':
      case 'bases':
        for (const item of items(value)) add('resource', key, item);
        break;
      case 'components':
        for (const item of items(value)) add('component', key, item);
        break;
      case 'crds':
        for (const item of items(value)) add('file', key, item);
        break;
      case 'patchesStrategicMerge':
        // An entry is a file name or an inline patch (a YAML text, which has a line break or a colon).
        for (const item of items(value)) if (isScalar(item) && typeof item.value === 'string' && !/[\n:]/.test(item.value)) add('file', key, item);
        break;
      case 'patches':
      case 'patchesJson6902':
      case 'replacements':
        for (const item of items(value)) if (isMap(item)) add('file', key, item.get('path', true) as Node);
        break;
      case 'configurations':
        for (const item of items(value)) add('config', key, item);
        break;
      case 'openapi':
        if (isMap(value)) add('config', key, value.get('path', true) as Node);
        break;
      case 'configMapGenerator':
      case 'secretGenerator':
        for (const item of items(value)) {
          if (!isMap(item)) continue;
          for (const entry of items(item.get('files', true))) {
            // `key=path` or `path`.
            if (isScalar(entry) && typeof entry.value === 'string') addPath('file', key, entry.value.slice(entry.value.indexOf('=') + 1), lineOf(entry));
          }
          for (const entry of items(item.get('envs', true))) add('file', key, entry);
          add('file', key, item.get('env', true) as Node);
        }
        break;
      default:
        if (HELM_FIELDS.includes(key)) {
          out.refusals.push({ line: keyLine, message: `${key} makes kustomize run Helm, which needs --enable-helm (and often the network): segguard never enables it; render the chart as its own target (a Chart.yaml directory) instead` });
        } else if (PLUGIN_FIELDS.includes(key)) {
          for (const item of items(value)) {
            if (isMap(item)) checkPluginConfig(item.toJSON() as unknown, lineOf(item), key, out.refusals);
            else add('config', key, item);
          }
        }
    }
  }
  return out;
}

/**
 * A plugin configuration (inline, or a file a kustomization names under generators/transformers/validators): the
 * builtin ones run without flags; an exec or container KRM function, or any other plugin, is refused.
 */
export function checkPluginConfig(config: unknown, line: number, field: string, refusals: Refusal[]): void {
  if (typeof config !== 'object' || config === null) return;
  const { apiVersion, kind, metadata } = config as { apiVersion?: unknown; kind?: unknown; metadata?: { annotations?: Record<string, unknown> } };
  const annotations = metadata?.annotations ?? {};
  const fn = Object.keys(annotations).find((k) => k === 'config.kubernetes.io/function' || k === 'config.k8s.io/function');
  if (fn || apiVersion !== 'builtin') {
    refusals.push({
      line,
      message: `${field} uses ${fn ? 'a KRM function' : `the plugin ${String(apiVersion)}/${String(kind)}`}, which kustomize runs only with --enable-alpha-plugins/--enable-exec: ` +
        'segguard never runs plugins or functions from a pull request, so this kustomization is not rendered',
    });
  }
}
