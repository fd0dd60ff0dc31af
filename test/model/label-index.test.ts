import { describe, expect, it } from 'vitest';
import { LabelIndex } from '../../src/model/label-index.js';

describe('LabelIndex', () => {
  it('gives the positions added under one key and value, in the order added', () => {
    const index = new LabelIndex();
    index.add('app', 'web', 3);
    index.add('app', 'db', 1);
    index.add('app', 'web', 5);
    index.add('tier', 'web', 7);
    expect(index.get('app', 'web')).toEqual([3, 5]);
    expect(index.get('app', 'db')).toEqual([1]);
    expect(index.get('tier', 'web')).toEqual([7]);
    expect(index.get('tier', 'db')).toBeUndefined();
    expect(index.get('zone', 'web')).toBeUndefined();
  });

  it('keeps a key and a value apart however they are spelled (no joined `key=value` text to collide)', () => {
    const index = new LabelIndex();
    index.add('a=b', 'c', 1);
    index.add('a', 'b=c', 2);
    expect(index.get('a=b', 'c')).toEqual([1]);
    expect(index.get('a', 'b=c')).toEqual([2]);
  });
});
