import { describe, expect, it } from 'vitest';
import { narrowToChange } from '../../../src/render/attribution/changed-line.js';

const BASE = 'ingress:\n  - from:\n      - ipBlock:\n          cidr: 203.0.113.0/24\n';
const HEAD = 'ingress:\n  - from:\n      - ipBlock:\n          cidr: 0.0.0.0/0\n';
const span = { path: 'np.yaml', line: 3, endLine: 4 };

describe('narrowToChange', () => {
  it('puts a span on the line of it the pull request changed (the cidr, not the unchanged `- ipBlock:`)', () => {
    expect(narrowToChange(span, new Map([['np.yaml', HEAD]]), new Map([['np.yaml', BASE]]))).toEqual({ path: 'np.yaml', line: 4, endLine: 4 });
  });

  it('prefers a changed line holding a value over a changed line that only opens a key', () => {
    const head = 'value:\n  podSelector: {}\n';
    expect(narrowToChange({ path: 'p.yaml', line: 1, endLine: 2 }, new Map([['p.yaml', head]]), new Map([['p.yaml', '']]))).toEqual({ path: 'p.yaml', line: 2, endLine: 2 });
    const opening = 'a:\n  b:\n    c: 1\n';
    expect(narrowToChange({ path: 'p.yaml', line: 1, endLine: 3 }, new Map([['p.yaml', opening]]), new Map([['p.yaml', 'a:\n  x:\n    c: 1\n']]))).toEqual({ path: 'p.yaml', line: 2, endLine: 2 });
  });

  it('leaves a span alone when the pull request did not touch it, or one side lacks the file, or there is no other side', () => {
    const tree = new Map([['np.yaml', HEAD]]);
    expect(narrowToChange({ path: 'np.yaml', line: 1, endLine: 3 }, tree, new Map([['np.yaml', BASE]]))).toEqual({ path: 'np.yaml', line: 1, endLine: 3 });
    expect(narrowToChange(span, tree, new Map())).toEqual(span);
    expect(narrowToChange(span, tree, undefined)).toEqual(span);
  });
});
