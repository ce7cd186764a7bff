// Test helper: a compact one-line rendering of any AST node, `kind{field=value ...}`;
// empty arrays, false flags and absent fields are left out so expected strings stay short.
export function sx(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(sx).join(' ')}]`;
  if (v !== null && typeof v === 'object') {
    const { kind, ...rest } = v as Record<string, unknown>;
    const inner = Object.entries(rest)
      .filter(([, x]) => x !== undefined && x !== false && !(Array.isArray(x) && x.length === 0))
      .map(([k, x]) => `${k}=${sx(x)}`);
    return `${typeof kind === 'string' ? kind : ''}{${inner.join(' ')}}`;
  }
  return String(v);
}
