import type { DraftRow } from '../exposure-map.js';

/** Rows whose natural key repeats in one object (the same host and path twice) get `#2`, `#3` in document order. */
export function uniqueKeys(rows: DraftRow[]): DraftRow[] {
  const seen = new Map<string, number>();
  return rows.map((row) => {
    const n = (seen.get(row.key) ?? 0) + 1;
    seen.set(row.key, n);
    return n === 1 ? row : { ...row, key: `${row.key}#${n}` };
  });
}
