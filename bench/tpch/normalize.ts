// One representation for answers of both engines so they compare: numbers (bigint and decimals as number),
// dates as 'yyyy-mm-dd', strings as they are, null.
export type Cell = number | string | boolean | null;

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function normalizeValue(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return isoDay(v);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    // DuckDB JS values: decimals {width, scale, value: bigint}, dates {days}
    if (typeof o.days === 'number') return isoDay(new Date(o.days * 86_400_000));
    if (typeof o.value === 'bigint' && typeof o.scale === 'number') return Number(o.value) / 10 ** o.scale;
    const s = String(v);
    const n = Number(s);
    return Number.isNaN(n) ? s : n;
  }
  return String(v);
}
