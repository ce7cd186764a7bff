// String kernels with Spark semantics: 1-based substring with negative positions, Java regex replacement
// syntax ($1), SQL LIKE patterns with escapes, lpad/rpad truncation, initcap, translate, format_number.
const likeCache = new Map<string, RegExp>();

/** SQL LIKE -> RegExp ('_' one char, '%' any run, escape char quotes the next one). */
export function likeRegex(pattern: string, escape = '\\', ci = false): RegExp {
  const key = `${ci ? 'i' : 'c'}${escape}${pattern}`;
  let re = likeCache.get(key);
  if (re) return re;
  let src = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === escape && i + 1 < pattern.length) { src += pattern[++i]!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'); continue; }
    if (c === '%') src += '[\\s\\S]*';
    else if (c === '_') src += '[\\s\\S]';
    else src += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  re = new RegExp(`^${src}$`, ci ? 'iu' : 'u');
  if (likeCache.size > 10_000) likeCache.clear();
  likeCache.set(key, re);
  return re;
}

const regexCache = new Map<string, RegExp>();

/** A Java regex as a JS RegExp (the common syntax is shared; inline flags like (?i) are translated). */
export function javaRegex(pattern: string, global = false): RegExp {
  const key = `${global ? 'g' : ''}${pattern}`;
  let re = regexCache.get(key);
  if (re) return re;
  let flags = global ? 'gu' : 'u';
  let src = pattern;
  const inline = /^\(\?([imsx]+)\)/.exec(src);
  if (inline) { src = src.slice(inline[0].length); for (const f of inline[1]!) if (f !== 'x' && !flags.includes(f)) flags += f; }
  try {
    re = new RegExp(src, flags);
  } catch {
    re = new RegExp(src, flags.replace('u', ''));
  }
  if (regexCache.size > 10_000) regexCache.clear();
  regexCache.set(key, re);
  return re;
}

export function substring(s: string, pos: number, len: number): string {
  const cps = [...s];
  const n = cps.length;
  let start = pos > 0 ? pos - 1 : pos < 0 ? n + pos : 0;
  let end = len === 2147483647 ? n : start + len;
  if (pos < 0 && start < 0) { end = start + len; start = 0; }
  if (end <= start || len <= 0) return '';
  return cps.slice(Math.max(start, 0), Math.min(end, n)).join('');
}

export function length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) { const c = s.charCodeAt(i); if (c < 0xd800 || c > 0xdbff) n++; }
  return n;
}

function trimChars(s: string, chars: string, left: boolean, right: boolean): string {
  let a = 0;
  let b = s.length;
  if (left) while (a < b && chars.includes(s[a]!)) a++;
  if (right) while (b > a && chars.includes(s[b - 1]!)) b--;
  return s.slice(a, b);
}

export const trim = (s: string, c?: string | null): string => trimChars(s, c ?? ' ', true, true);
export const ltrim = (s: string, c?: string | null): string => trimChars(s, c ?? ' ', true, false);
export const rtrim = (s: string, c?: string | null): string => trimChars(s, c ?? ' ', false, true);

export function split(s: string, regex: string, limit: number): string[] {
  if (s === '') return [''];
  const re = javaRegex(regex, true);
  const out: string[] = [];
  let last = 0;
  if (regex === '') return limit > 0 ? [...[...s].slice(0, limit - 1), [...s].slice(limit - 1).join('')].filter((x, i) => i < limit && x !== undefined) : [...s];
  for (const m of s.matchAll(re)) {
    if (limit > 0 && out.length === limit - 1) break;
    if (m[0] === '' ) continue;
    out.push(s.slice(last, m.index));
    last = m.index! + m[0].length;
  }
  out.push(s.slice(last));
  return out;
}

/** Java replacement syntax: $n groups, \$ literal dollar. */
function jsReplacement(rep: string): string {
  return rep.replace(/\\\$|\$(\d+)|\$/g, (m, g) => (m === '\\$' ? '$$' : g !== undefined ? `$${g}` : '$$'));
}

export function regexpReplace(s: string, regex: string, rep: string, pos: number): string {
  const re = javaRegex(regex, true);
  const start = Math.max(pos, 1) - 1;
  return s.slice(0, start) + s.slice(start).replace(re, jsReplacement(rep));
}

export function regexpExtract(s: string, regex: string, idx: number): string | null {
  const m = javaRegex(regex).exec(s);
  if (!m) return '';
  if (idx > m.length - 1 || idx < 0) throw new RangeError(`[INVALID_PARAMETER_VALUE.REGEX_GROUP_INDEX] The value of parameter(s) \`idx\` in \`regexp_extract\` is invalid: Expects group index between 0 and ${m.length - 1}, but got ${idx}.`);
  return m[idx] ?? '';
}

export function instr(s: string, sub: string): number {
  const i = s.indexOf(sub);
  return i < 0 ? 0 : length(s.slice(0, i)) + 1;
}

export function locate(sub: string, s: string, pos: number): number {
  if (pos < 1) return 0;
  const cps = [...s];
  const i = cps.slice(pos - 1).join('').indexOf(sub);
  return i < 0 ? 0 : length(cps.slice(pos - 1).join('').slice(0, i)) + pos;
}

function pad(s: string, len: number, p: string, left: boolean): string {
  const cps = [...s];
  if (len <= 0) return '';
  if (len <= cps.length) return cps.slice(0, len).join('');
  const pcs = [...p];
  if (pcs.length === 0) return s;
  const fill: string[] = [];
  while (fill.length < len - cps.length) fill.push(pcs[fill.length % pcs.length]!);
  return left ? fill.join('') + s : s + fill.join('');
}

export const lpad = (s: string, len: number, p: string): string => pad(s, len, p, true);
export const rpad = (s: string, len: number, p: string): string => pad(s, len, p, false);

export const replace = (s: string, search: string, rep: string): string => (search === '' ? s : s.split(search).join(rep));
export const reverse = (s: string): string => [...s].reverse().join('');
export const repeat = (s: string, n: number): string => (n > 0 ? s.repeat(n) : '');
export const initcap = (s: string): string => s.split(' ').map((w) => (w ? w[0]!.toUpperCase() + w.slice(1).toLowerCase() : w)).join(' ');
export const ascii = (s: string): number => (s.length === 0 ? 0 : s.codePointAt(0)!);
export function chr(n: number): string {
  if (n < 0) return '';
  return String.fromCharCode(n % 256);
}
export const left = (s: string, n: number): string => (n <= 0 ? '' : [...s].slice(0, n).join(''));
export const right = (s: string, n: number): string => { const c = [...s]; return n <= 0 ? '' : c.slice(Math.max(c.length - n, 0)).join(''); };

export function translate(s: string, from: string, to: string): string {
  const f = [...from];
  const t = [...to];
  const map = new Map<string, string | null>();
  f.forEach((c, i) => { if (!map.has(c)) map.set(c, t[i] ?? null); });
  let out = '';
  for (const c of s) { const r = map.get(c); out += r === undefined ? c : r ?? ''; }
  return out;
}

/** format_number(x, d): HALF_EVEN rounding to d places with thousands separators ('#,###,###.##'). */
export function formatNumber(x: number, d: number | string): string | null {
  if (typeof d === 'string') return d === '' ? formatNumber(x, 0) : null;
  if (d < 0) return null;
  const fixed = roundHalfEven(x, d);
  const [i, f] = fixed.split('.');
  const neg = i!.startsWith('-');
  const digits = neg ? i!.slice(1) : i!;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${grouped}${f !== undefined ? `.${f}` : ''}`;
}

function roundHalfEven(x: number, d: number): string {
  const s = x.toFixed(Math.min(d + 3, 100));
  const scaled = x * 10 ** d;
  const fl = Math.floor(scaled);
  const diff = scaled - fl;
  if (Math.abs(diff - 0.5) < 1e-9 && Number.isFinite(scaled)) {
    const r = fl % 2 === 0 ? fl : fl + 1;
    return (r / 10 ** d).toFixed(d);
  }
  return Number(s).toFixed(d);
}

export function soundex(s: string): string {
  if (!s || !/^[a-zA-Z]/.test(s)) return s;
  const codes: Record<string, string> = { b: '1', f: '1', p: '1', v: '1', c: '2', g: '2', j: '2', k: '2', q: '2', s: '2', x: '2', z: '2', d: '3', t: '3', l: '4', m: '5', n: '5', r: '6' };
  const u = s.toLowerCase();
  let out = u[0]!.toUpperCase();
  let last = codes[u[0]!] ?? '';
  for (let i = 1; i < u.length && out.length < 4; i++) {
    const c = u[i]!;
    const code = codes[c] ?? '';
    if (code && code !== last) out += code;
    if (c !== 'h' && c !== 'w') last = code;
  }
  return out.padEnd(4, '0');
}

export function levenshtein(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length]!;
}

export function substringIndex(s: string, delim: string, count: number): string {
  if (count === 0 || delim === '') return '';
  const parts = s.split(delim);
  return count > 0 ? parts.slice(0, count).join(delim) : parts.slice(Math.max(parts.length + count, 0)).join(delim);
}
