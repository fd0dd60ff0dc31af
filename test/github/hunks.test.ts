import { describe, expect, it } from 'vitest';
import { commentableLines } from '../../src/github/hunks.js';

describe('commentableLines', () => {
  it('numbers + and context lines from the new start (RIGHT) and - and context lines from the old start (LEFT)', () => {
    const patch = '@@ -1,3 +1,4 @@\n a\n-b\n+B\n+C\n c\n@@ -10,2 +11,2 @@ kind: NetworkPolicy\n x\n-y\n+z\n\\ No newline at end of file';
    const lines = commentableLines(patch);
    expect([...lines.right].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 11, 12]);
    expect([...lines.left].sort((a, b) => a - b)).toEqual([1, 2, 3, 10, 11]);
  });

  it('gives nothing for a file without patch (binary or too large)', () => {
    const lines = commentableLines(undefined);
    expect(lines.right.size + lines.left.size).toBe(0);
  });
});
