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

/** One string per key value: equal for keys Spark would call equal (arrays and objects by content, object fields
 *  and Map/Set entries in any order, Dates by time), distinct across types (1, '1' and 1n differ). */
export function canonicalKey(key: unknown): string {
  if (key instanceof Date) return `D${key.getTime()}`;
  if (Array.isArray(key)) return `A[${key.map(canonicalElement).join(',')}]`;
  return `O${canonicalObject(key as object)}`;
}

function canonicalElement(k: unknown): string {
  switch (typeof k) {
    case 'string': return JSON.stringify(k);
    case 'bigint': return `${k}n`;
    case 'object': return k === null ? 'null' : canonicalKey(k);
    default: return String(k);
  }
}

function canonicalObject(o: object): string {
  if (o instanceof Map) return `M{${[...o].map(([k, v]) => `${canonicalElement(k)}:${canonicalElement(v)}`).sort().join(',')}}`;
  if (o instanceof Set) return `S{${[...o].map(canonicalElement).sort().join(',')}}`;
  if (ArrayBuffer.isView(o)) return `T${o.constructor.name}[${Array.from(o as unknown as ArrayLike<unknown>, canonicalElement).join(',')}]`;
  const rec = o as Record<string, unknown>;
  return `{${Object.keys(rec).sort().map((k) => `${JSON.stringify(k)}:${canonicalElement(rec[k])}`).join(',')}}`;
}
