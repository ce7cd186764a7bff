// A hash map keyed by value: primitive keys go straight into a Map (SameValueZero), arrays and Dates by a
// canonical string, so [1, 'a'] from two records is one key, as Spark's equals/hashCode would make it.

export class KeyMap<V> {
  private readonly prim = new Map<unknown, V>();
  private readonly complex = new Map<string, { key: unknown; value: V }>();

  get size(): number {
    return this.prim.size + this.complex.size;
  }

  get(key: unknown): V | undefined {
    if (typeof key !== 'object' || key === null) return this.prim.get(key);
    return this.complex.get(canonicalKey(key))?.value;
  }

  set(key: unknown, value: V): void {
    if (typeof key !== 'object' || key === null) this.prim.set(key, value);
    else this.complex.set(canonicalKey(key), { key, value });
  }

  has(key: unknown): boolean {
    if (typeof key !== 'object' || key === null) return this.prim.has(key);
    return this.complex.has(canonicalKey(key));
  }

  *entries(): IterableIterator<[unknown, V]> {
    yield* this.prim.entries();
    for (const e of this.complex.values()) yield [e.key, e.value];
  }

  clear(): void {
    this.prim.clear();
    this.complex.clear();
  }
}

export function canonicalKey(key: unknown): string {
  if (key instanceof Date) return `D${key.getTime()}`;
  if (Array.isArray(key)) return `A[${key.map((k) => (typeof k === 'object' && k !== null ? canonicalKey(k) : typeof k === 'string' ? JSON.stringify(k) : typeof k === 'bigint' ? `${k}n` : String(k))).join(',')}]`;
  return `O${JSON.stringify(key)}`;
}
