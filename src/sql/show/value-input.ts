// Reads user-facing JS values (what collect() returns) of a given Spark type into the pieces the renderers
// print: day numbers, µs timestamps, decimal text, struct field values, map entries. Lenient on purpose:
// dates as Date (UTC midnight), day numbers or 'yyyy-MM-dd' text; timestamps as Date, µs numbers/bigints or text.
import type { StructType } from '../types/data-type.js';

export function dateDays(v: unknown): number | string {
  if (v instanceof Date) return Math.floor(v.getTime() / 86_400_000);
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  return String(v);
}

export function timestampMicros(v: unknown): number | string {
  if (v instanceof Date) return v.getTime() * 1000;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  return String(v);
}

/** Plain decimal text with exactly `scale` fractional digits (Java BigDecimal.toPlainString of the typed value). */
export function decimalText(v: unknown, scale: number): string {
  if (typeof v === 'bigint') return scale > 0 ? `${v}.${'0'.repeat(scale)}` : String(v);
  if (typeof v === 'number') {
    if (Math.abs(v) < 1e21) {
      const s = v.toFixed(scale);
      return s === `-${(0).toFixed(scale)}` ? s.slice(1) : s;
    }
    return BigInt(Math.round(v)).toString() + (scale > 0 ? `.${'0'.repeat(scale)}` : '');
  }
  if (typeof v === 'string') return v;
  if (v !== null && typeof v === 'object' && 'toString' in v) return String(v);
  return String(v);
}

/** Field values of a struct given as an array or an object keyed by field name. */
export function structValues(v: unknown, t: StructType): unknown[] {
  if (Array.isArray(v)) return v;
  if (v instanceof Map) return t.fields.map((f) => v.get(f.name));
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return t.fields.map((f) => o[f.name]);
  }
  return [v];
}

/** Entries of a map given as a Map, an array of pairs or a plain object. */
export function mapEntries(v: unknown): [unknown, unknown][] {
  if (v instanceof Map) return [...v.entries()];
  if (Array.isArray(v)) return v.map((e) => (Array.isArray(e) ? [e[0], e[1]] : [e, null]));
  if (v !== null && typeof v === 'object') return Object.entries(v as Record<string, unknown>);
  return [];
}

export function arrayItems(v: unknown): readonly unknown[] {
  if (Array.isArray(v)) return v;
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as unknown as ArrayLike<unknown>);
  if (v !== null && typeof v === 'object' && Symbol.iterator in v) return [...(v as Iterable<unknown>)];
  return [v];
}

export function bytesOf(v: unknown): Uint8Array {
  if (v instanceof Uint8Array) return v;
  if (Array.isArray(v)) return Uint8Array.from(v as number[]);
  if (typeof v === 'string') return new TextEncoder().encode(v);
  return new Uint8Array(0);
}
