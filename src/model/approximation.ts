import type { FieldPath } from './field-path.js';

/**
 * Where a model replaced an object's exact meaning by a broader one, because the exact meaning is too costly to
 * compute (a Traefik rule whose normal form explodes, an input past a size bound). A merge gate must never skip
 * such an object: it analyzes the broader meaning (a route that may match everything matches everything) and
 * the `manifest-too-complex` rule asks a reviewer to look at it.
 */
export interface Approximation {
  path: FieldPath;
  /** What was approximated and how, e.g. "the rule expands to more than 256 alternatives; treated as matching every request". */
  message: string;
}
