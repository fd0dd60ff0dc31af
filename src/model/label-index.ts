/**
 * Positions (of policies, of pod classes) by one `key=value` label: the candidates of a selector before it is
 * checked. Nested maps, key then value, so that a lookup builds no `key=value` string: the analysis looks labels up
 * for every pod class of both sides, and hashing a fresh string costs more than the lookup itself.
 */
export class LabelIndex {
  private readonly byKey = new Map<string, Map<string, number[]>>();

  add(key: string, value: string, position: number): void {
    let byValue = this.byKey.get(key);
    if (!byValue) this.byKey.set(key, (byValue = new Map()));
    const list = byValue.get(value);
    if (list) list.push(position);
    else byValue.set(value, [position]);
  }

  get(key: string, value: string): readonly number[] | undefined {
    return this.byKey.get(key)?.get(value);
  }
}
