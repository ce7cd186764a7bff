// Java's Double.toString / Float.toString (what Spark prints for double and float values): shortest digits,
// plain notation in [1e-3, 1e7) with at least one fractional digit, else `1.0E10` / `1.5E-5`.

/** Java Double.toString of a JS number. */
export function javaDoubleToString(d: number): string {
  if (Number.isNaN(d)) return 'NaN';
  if (d === Infinity) return 'Infinity';
  if (d === -Infinity) return '-Infinity';
  if (d === 0) return Object.is(d, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(d);
  if (abs >= 1e-3 && abs < 1e7) {
    const s = String(d); // JS prints this range in plain notation with shortest digits
    return s.includes('.') ? s : `${s}.0`;
  }
  const e = d.toExponential(); // shortest digits: "1.5e-5", "1e+21"
  const at = e.indexOf('e');
  let mant = e.slice(0, at);
  const exp = Number(e.slice(at + 1));
  if (!mant.includes('.')) mant += '.0';
  return `${mant}E${exp}`;
}

/** Java Float.toString of a value that is a float32 (shortest digits that round-trip through float32). */
export function javaFloatToString(f: number): string {
  if (!Number.isFinite(f) || f === 0) return javaDoubleToString(f);
  const v = Math.fround(f);
  for (let p = 1; p <= 9; p++) {
    const candidate = Number(v.toPrecision(p));
    if (Math.fround(candidate) === v) return javaDoubleToString(candidate);
  }
  return javaDoubleToString(v);
}
