import type { FieldPath } from './field-path.js';
import type { RenderTarget } from '../render/types.js';
import { describeEnvironment, identityKey, type Identity } from './identity.js';
import type { JsonObject } from './json.js';
import type { LineSpan, PositionIndex } from './positions.js';

/** Where something is in a snapshot: a file and lines, on the base or the head side of a change. */
export interface Location {
  path: string;
  line: number;
  endLine: number;
}

/** Where a rendered object came from: its render target, and how its fields map to source lines. */
export interface RenderOrigin {
  target: RenderTarget;
  /** The source line of a field; `side` when it is in the other side's tree (the head line that deleted a base object). */
  locate(field: FieldPath): Location & { side?: 'head' | 'base' };
}

/**
 * One Kubernetes object of a snapshot, with the file it came from and the lines of its fields. A rendered object
 * (from a Kustomize overlay or a Helm chart) has an `origin`: its identity includes the target, its lines are the
 * rendered text's, and `at()` gives the source line that set a field.
 */
export class Resource implements Identity {
  readonly apiVersion: string;
  readonly group: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly key: string;
  readonly scope?: string;
  /** `prod (overlays/prod)` for a rendered object, shown in every message that names it. */
  readonly environment?: string;

  constructor(
    identity: Identity & { apiVersion: string },
    /** The decoded object, shared with every other file of identical text: never mutate it. */
    readonly object: JsonObject,
    readonly file: string,
    /** Index of the YAML document in the file. */
    readonly docIndex: number,
    /** Path of this object inside its document: [] or ['items', i] for an item of a List. */
    readonly pathInDocument: FieldPath,
    private readonly positions: PositionIndex,
    readonly origin?: RenderOrigin,
  ) {
    this.apiVersion = identity.apiVersion;
    this.group = identity.group;
    this.kind = identity.kind;
    this.namespace = identity.namespace;
    this.name = identity.name;
    if (origin) {
      this.scope = origin.target.path;
      this.environment = describeEnvironment(origin.target);
    }
    this.key = identityKey(this);
  }

  /** The lines of a field of this object (e.g. ['spec', 'ingress', 0]); [] for the whole object. */
  span(path: FieldPath = []): LineSpan {
    if (path.length === 0 && this.pathInDocument.length === 0) return this.positions.documentSpan(this.docIndex);
    return this.positions.fieldSpan(this.docIndex, [...this.pathInDocument, ...path]);
  }

  /** The file location of a field of this object; the line of the object's start for []. */
  at(path: FieldPath = []): Location & { side?: 'head' | 'base' } {
    if (this.origin) return this.origin.locate(path);
    const span = this.span(path);
    return { path: this.file, line: span.line, endLine: span.endLine };
  }

  labels(): Record<string, string> {
    return stringMap(this.object.metadata, 'labels');
  }

  annotations(): Record<string, string> {
    return stringMap(this.object.metadata, 'annotations');
  }

  get spec(): JsonObject {
    const spec = this.object.spec;
    return typeof spec === 'object' && spec !== null && !Array.isArray(spec) ? spec : {};
  }
}

function stringMap(metadata: unknown, field: string): Record<string, string> {
  if (typeof metadata !== 'object' || metadata === null) return {};
  const map = (metadata as Record<string, unknown>)[field];
  if (typeof map !== 'object' || map === null || Array.isArray(map)) return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(map)) out[k] = v === null || v === undefined ? '' : String(v);
  return out;
}
