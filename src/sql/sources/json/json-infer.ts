// JSON schema inference as Spark's JsonInferSchema: integers → bigint, other numbers → double, strings,
// booleans, objects → structs with fields sorted by name, arrays → arrays of the merged element type,
// conflicts → string, nulls/empty arrays → string at the end. A tiny scanner infers types straight from
// the text (JSON.parse cannot tell 1 from 1.0). Malformed input throws MalformedJson.
import { T, type DataType, type StructField, type StructType } from '../../types/data-type.js';

export class MalformedJson extends Error {}

const NULL: DataType = T.null;

/** The type of one JSON document (a line, or a whole multiLine file). */
export function inferJsonText(text: string): DataType {
  const s = new Scanner(text);
  s.ws();
  const t = s.value();
  s.ws();
  if (s.i < text.length) throw new MalformedJson(`unexpected character at ${s.i}`);
  return t;
}

class Scanner {
  i = 0;
  constructor(readonly s: string) {}

  ws(): void {
    const s = this.s;
    while (this.i < s.length) {
      const c = s.charCodeAt(this.i);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.i++;
      else break;
    }
  }

  value(): DataType {
    const s = this.s;
    const c = s[this.i];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') { this.string(); return T.string; }
    if (s.startsWith('true', this.i)) { this.i += 4; return T.boolean; }
    if (s.startsWith('false', this.i)) { this.i += 5; return T.boolean; }
    if (s.startsWith('null', this.i)) { this.i += 4; return NULL; }
    if (s.startsWith('NaN', this.i)) { this.i += 3; return T.double; }
    if (s.startsWith('Infinity', this.i)) { this.i += 8; return T.double; }
    if (s.startsWith('-Infinity', this.i)) { this.i += 9; return T.double; }
    const m = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
    m.lastIndex = this.i;
    const r = m.exec(s);
    if (!r || r[0] === '' || r[0] === '-') throw new MalformedJson(`unexpected character at ${this.i}`);
    this.i += r[0].length;
    if (r[1] !== undefined || r[2] !== undefined) return T.double;
    const digits = r[0].replace('-', '').length;
    if (digits <= 18 || Math.abs(Number(r[0])) <= 9223372036854775807) return T.long;
    return digits <= 38 ? T.decimal(digits, 0) : T.double;
  }

  string(): string {
    const s = this.s;
    const start = ++this.i;
    let escaped = false;
    while (this.i < s.length) {
      const c = s.charCodeAt(this.i);
      if (c === 34) { // "
        const raw = s.slice(start, this.i++);
        return escaped ? (JSON.parse(`"${raw}"`) as string) : raw;
      }
      if (c === 92) { escaped = true; this.i += 2; continue; }
      if (c < 32) throw new MalformedJson('control character in string');
      this.i++;
    }
    throw new MalformedJson('unterminated string');
  }

  object(): StructType {
    this.i++;
    const fields = new Map<string, DataType>();
    this.ws();
    if (this.s[this.i] === '}') { this.i++; return T.struct([]); }
    for (;;) {
      this.ws();
      if (this.s[this.i] !== '"') throw new MalformedJson(`expected a field name at ${this.i}`);
      const name = this.string();
      this.ws();
      if (this.s[this.i++] !== ':') throw new MalformedJson(`expected ':' at ${this.i - 1}`);
      this.ws();
      const t = this.value();
      const prev = fields.get(name);
      fields.set(name, prev === undefined ? t : mergeTypes(prev, t));
      this.ws();
      const c = this.s[this.i++];
      if (c === '}') break;
      if (c !== ',') throw new MalformedJson(`expected ',' or '}' at ${this.i - 1}`);
    }
    return sortedStruct([...fields].map(([name, type]) => ({ name, type, nullable: true })));
  }

  array(): DataType {
    this.i++;
    let elem: DataType = NULL;
    this.ws();
    if (this.s[this.i] === ']') { this.i++; return T.array(elem); }
    for (;;) {
      this.ws();
      elem = mergeTypes(elem, this.value());
      this.ws();
      const c = this.s[this.i++];
      if (c === ']') break;
      if (c !== ',') throw new MalformedJson(`expected ',' or ']' at ${this.i - 1}`);
    }
    return T.array(elem);
  }
}

function sortedStruct(fields: StructField[]): StructType {
  return T.struct(fields.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)));
}

const NUMERIC_RANK: Record<string, number> = { byte: 1, short: 2, int: 3, long: 4, float: 6, double: 7 };

/** JsonInferSchema.compatibleType. */
export function mergeTypes(a: DataType, b: DataType): DataType {
  if (a.kind === 'null') return b;
  if (b.kind === 'null') return a;
  if (a.kind === b.kind && a.kind !== 'struct' && a.kind !== 'array' && a.kind !== 'decimal') return a;
  if (a.kind === 'struct' && b.kind === 'struct') {
    const byName = new Map<string, DataType>();
    for (const f of a.fields) byName.set(f.name, f.type);
    for (const f of b.fields) {
      const p = byName.get(f.name);
      byName.set(f.name, p === undefined ? f.type : mergeTypes(p, f.type));
    }
    return sortedStruct([...byName].map(([name, type]) => ({ name, type, nullable: true })));
  }
  if (a.kind === 'array' && b.kind === 'array') return T.array(mergeTypes(a.element, b.element));
  if (a.kind === 'decimal' && b.kind === 'decimal') {
    const scale = Math.max(a.scale, b.scale);
    const range = Math.max(a.precision - a.scale, b.precision - b.scale);
    return range + scale > 38 ? T.double : T.decimal(range + scale, scale);
  }
  const ra = NUMERIC_RANK[a.kind], rb = NUMERIC_RANK[b.kind];
  if (a.kind === 'decimal' || b.kind === 'decimal') {
    const other = a.kind === 'decimal' ? b : a;
    const dec = (a.kind === 'decimal' ? a : b) as { precision: number; scale: number };
    if (other.kind === 'long') return mergeTypes(T.decimal(20, 0), T.decimal(dec.precision, dec.scale));
    if (other.kind === 'double' || other.kind === 'float') return T.double;
    return T.string;
  }
  if (ra !== undefined && rb !== undefined) return ra >= rb ? a : b;
  return T.string;
}

/** canonicalizeType: NullType → string, inside arrays and structs too. */
export function canonicalize(t: DataType): DataType {
  switch (t.kind) {
    case 'null': return T.string;
    case 'array': return T.array(canonicalize(t.element));
    case 'struct': return T.struct(t.fields.map((f) => ({ ...f, type: canonicalize(f.type) })));
    default: return t;
  }
}

export function withCorruptField(st: StructType, name: string): StructType {
  if (st.fields.some((f) => f.name === name)) return st;
  return sortedStruct([...st.fields, { name, type: T.string, nullable: true }]);
}
