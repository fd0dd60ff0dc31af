import * as core from '@actions/core';
import { isSeverity, type Severity } from '../findings/severity.js';

export interface ActionInputs {
  token: string;
  config: string;
  /** Undefined: the configuration's `fail-on` (high by default). */
  failOn?: Severity | 'none';
  comment: 'review' | 'summary' | 'none';
  annotations: boolean;
  /** Globs of manifest paths; empty = the configuration's `include`. */
  paths: string[];
  sarifFile?: string;
  base?: string;
  head?: string;
  reviewEvent: 'COMMENT' | 'REQUEST_CHANGES';
}

export class InputError extends Error {}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new InputError(`input ${name}: "${value}" is not one of ${allowed.join(', ')}`);
}

/** The inputs of action.yml, validated; a bad value stops the run with a message naming the input. */
export function readInputs(): ActionInputs {
  const failOn = core.getInput('fail-on') || undefined;
  if (failOn !== undefined && failOn !== 'none' && !isSeverity(failOn)) throw new InputError(`input fail-on: "${failOn}" is not one of critical, high, medium, low, info, none`);
  const annotations = core.getInput('annotations') || 'true';
  return {
    token: core.getInput('token', { required: true }),
    config: core.getInput('config') || '.github/segguard.yml',
    failOn,
    comment: oneOf('comment', core.getInput('comment') || 'review', ['review', 'summary', 'none'] as const),
    annotations: oneOf('annotations', annotations, ['true', 'false'] as const) === 'true',
    paths: core.getInput('paths').split(/[\n,]/).map((p) => p.trim()).filter(Boolean),
    sarifFile: core.getInput('sarif-file') || undefined,
    base: core.getInput('base') || undefined,
    head: core.getInput('head') || undefined,
    reviewEvent: oneOf('review-event', core.getInput('review-event') || 'COMMENT', ['COMMENT', 'REQUEST_CHANGES'] as const),
  };
}
