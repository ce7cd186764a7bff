// Per-function code generators: Spark function name -> JS for one row, given the generated argument values.
// Numeric operators are inlined (int wrap-around with |0, NULL on division by zero); the rest call kernels.
import { TsSparkError } from '../../common/errors.js';
import type { DataType } from '../../sql/types/data-type.js';
import type { Gen, Val } from './codegen.js';
import { valueEquals } from './codegen.js';
import type { Expression } from './expression.js';
import { exprType } from './expr-type.js';
import * as cal from './kernels/calendar.js';
import * as col from './kernels/collections.js';
import * as dt from './kernels/datetime.js';
import * as dec from './kernels/decimal.js';
import { formatterFor, parserFor } from './kernels/date-format.js';
import * as hash from './kernels/hash.js';
import * as str from './kernels/strings.js';
import { getZone } from './kernels/time-zone.js';

type Call = Extract<Expression, { kind: 'call' }>;
export type FnGen = (g: Gen, e: Call) => Val;

function anyNull(args: readonly Val[]): string {
  const ns = args.map((a) => a.n).filter((n) => n !== 'false');
  return ns.length ? ns.join(' || ') : 'false';
}

/** NULL in -> NULL out; `body` gets the argument values; nullable bodies signal NULL by returning null. */
function strict(body: (a: string[], g: Gen, e: Call) => string, nullable = false): FnGen {
  return (g, e) => {
    const args = e.args.map((x) => g.expr(x));
    const out = g.declare(e.type);
    const code = body(args.map((a) => a.v), g, e);
    const nn = anyNull(args);
    const set = nullable ? `{ const r = ${code}; if (r === null) ${out.n} = true; else ${out.v} = r; }` : `${out.v} = ${code};`;
    g.emit(nn === 'false' ? set : `if (${nn}) ${out.n} = true; else ${set}`);
    return out;
  };
}

/** Arguments arrive as JS null when NULL; the body returns null for a NULL result. */
function nullSafe(body: (a: string[], g: Gen, e: Call) => string): FnGen {
  return (g, e) => {
    const args = e.args.map((x) => g.expr(x));
    const out = g.declare(e.type);
    const vals = args.map((a) => (a.n === 'false' ? a.v : `(${a.n} ? null : ${a.v})`));
    g.emit(`{ const r = ${body(vals, g, e)}; if (r === null || r === undefined) ${out.n} = true; else ${out.v} = r; }`);
    return out;
  };
}

const kernel = (fn: (...a: never[]) => unknown, nullable = false): FnGen => strict((a, g) => `${g.constant(fn)}(${a.join(', ')})`, nullable);
const zoneOf = (g: Gen, e: Call): string => g.constant(getZone(e.timeZone));
const argType = (e: Call, i: number): DataType => exprType(e.args[i]!);

function overflowError(what: string): never {
  throw new TsSparkError('ARITHMETIC_ERROR', `[ARITHMETIC_OVERFLOW] ${what} overflow. Use 'try_add' to tolerate overflow and return NULL instead. If necessary set "spark.sql.ansi.enabled" to "false" to bypass this error.`, { details: { errorClass: 'ARITHMETIC_OVERFLOW' } });
}

function checkInt(r: number): number {
  if (r > 2147483647 || r < -2147483648) overflowError('integer');
  return r;
}
function checkLong(r: number): number {
  if (!Number.isSafeInteger(r)) overflowError('long');
  return r;
}

type Arith = 'add' | 'subtract' | 'multiply' | 'divide' | 'remainder' | 'pmod' | 'div';
const decimalKernels = { add: dec.decimalAdd, subtract: dec.decimalSubtract, multiply: dec.decimalMultiply, divide: dec.decimalDivide, remainder: dec.decimalRemainder, pmod: dec.decimalPmod, div: dec.decimalDiv };
const jsOp: Record<string, string> = { add: '+', subtract: '-', multiply: '*' };

function arith(op: Arith): FnGen {
  return (g, e) => {
    const lt = argType(e, 0);
    const t = e.type;
    if (lt.kind === 'decimal') {
      const rt = argType(e, 1) as { scale: number };
      const types: dec.DecimalOpTypes = { s1: lt.scale, s2: rt.scale, p: t.kind === 'decimal' ? t.precision : 38, s: t.kind === 'decimal' ? t.scale : 0, ansi: !!e.ansi };
      return strict((a, gg) => `${gg.constant(decimalKernels[op])}(${a[0]}, ${a[1]}, ${gg.constant(types)})`, true)(g, e);
    }
    if (t.kind === 'day_time_interval' || t.kind === 'year_month_interval') return strict((a) => `(${a[0]} ${jsOp[op] ?? '+'} ${a[1]})`)(g, e);
    const ansi = !!e.ansi;
    const zero = g.constant(dec.divideByZero);
    return strict((a, gg) => {
      const [x, y] = a as [string, string];
      switch (op) {
        case 'add': case 'subtract': case 'multiply': {
          const raw = op === 'multiply' && t.kind === 'int' && !ansi ? `Math.imul(${x}, ${y})` : `(${x} ${jsOp[op]} ${y})`;
          switch (t.kind) {
            case 'int': return ansi ? `${gg.constant(checkInt)}(${raw})` : op === 'multiply' ? raw : `(${raw} | 0)`;
            case 'short': return `((${raw} << 16) >> 16)`;
            case 'byte': return `((${raw} << 24) >> 24)`;
            case 'long': return ansi ? `${gg.constant(checkLong)}(${raw})` : raw;
            case 'float': return `Math.fround(${raw})`;
            default: return raw;
          }
        }
        case 'divide': return `(${y} === 0 ? ${zero}(${ansi}) : ${x} / ${y})`;
        case 'remainder': {
          const r = `(${y} === 0 ? ${zero}(${ansi}) : ${x} % ${y})`;
          return t.kind === 'float' ? `Math.fround(${r})` : r;
        }
        case 'pmod': return `(${y} === 0 ? ${zero}(${ansi}) : ((${x} % ${y}) < 0 ? (${x} % ${y} + ${y}) % ${y} : ${x} % ${y}))`;
        case 'div': return `(${y} === 0 ? ${zero}(${ansi}) : Math.trunc(${x} / ${y}))`;
      }
    }, op === 'divide' || op === 'remainder' || op === 'pmod' || op === 'div')(g, e);
  };
}

const isFloating = (t: DataType): boolean => t.kind === 'double' || t.kind === 'float';
const isJsComparable = (t: DataType): boolean => !['array', 'map', 'struct', 'binary', 'calendar_interval'].includes(t.kind);

function comparison(op: string): FnGen {
  return (g, e) => {
    const t = argType(e, 0);
    const cmp = g.constant(col.compareValues);
    const eq = g.constant(valueEquals);
    if (op === 'equal_null_safe') {
      return nullSafe((a) => `(${a[0]} === null || ${a[1]} === null ? ${a[0]} === ${a[1]} : ${eq}(${a[0]}, ${a[1]}))`)(g, e);
    }
    return strict((a) => {
      const [x, y] = a as [string, string];
      if (!isJsComparable(t) || isFloating(t)) {
        if (op === 'equal_to') return isFloating(t) ? `(${x} === ${y} || (${x} !== ${x} && ${y} !== ${y}))` : `${eq}(${x}, ${y})`;
        if (op === 'not_equal') return isFloating(t) ? `!(${x} === ${y} || (${x} !== ${x} && ${y} !== ${y}))` : `!${eq}(${x}, ${y})`;
        const sym = { less_than: '<', less_than_or_equal: '<=', greater_than: '>', greater_than_or_equal: '>=' }[op]!;
        return `(${cmp}(${x}, ${y}) ${sym} 0)`;
      }
      const sym = { equal_to: '===', not_equal: '!==', less_than: '<', less_than_or_equal: '<=', greater_than: '>', greater_than_or_equal: '>=' }[op]!;
      return `(${x} ${sym} ${y})`;
    })(g, e);
  };
}

function roundDouble(x: number, d: number, mode: dec.Rounding): number {
  if (!Number.isFinite(x)) return x;
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
  if (!m) return x;
  let digits = m[2]! + (m[3] ?? '');
  let scale = (m[3] ?? '').length - Number(m[4] ?? 0);
  if (scale <= d) return x;
  if (scale < 0) { digits += '0'.repeat(-scale); scale = 0; }
  const q = dec.bigDivRound(BigInt(`${m[1]}${digits}`), 10n ** BigInt(scale - d), mode);
  return d >= 0 ? Number(q) / 10 ** d : Number(q) * 10 ** -d;
}

function roundFn(mode: dec.Rounding): FnGen {
  return strict((a, g, e) => {
    const t = argType(e, 0);
    const d = (e.args[1] as { value: number }).value;
    if (t.kind === 'decimal') {
      const rt = e.type as { scale: number };
      return `${g.constant((v: number) => dec.rescale(dec.rescale(v, t.scale, Math.min(d, t.scale), mode), Math.min(d, t.scale), rt.scale))}(${a[0]})`;
    }
    if (isFloating(t)) return `${g.constant(roundDouble)}(${a[0]}, ${d}, ${JSON.stringify(mode)})`;
    if (d >= 0) return a[0]!;
    return `${g.constant((v: number) => dec.rescale(dec.rescale(v, 0, d, mode), d, 0))}(${a[0]})`;
  });
}

function floorCeil(mode: 'floor' | 'ceil'): FnGen {
  return strict((a, g, e) => {
    const t = argType(e, 0);
    if (t.kind === 'decimal') {
      const rt = e.type as { scale: number };
      const d = e.args[1] ? (e.args[1] as { value: number }).value : 0;
      return `${g.constant((v: number) => dec.rescale(dec.rescale(v, t.scale, Math.min(d, t.scale), mode), Math.min(d, t.scale), rt.scale))}(${a[0]})`;
    }
    return `Math.${mode}(${a[0]})`;
  });
}

const positiveLog = (f: (x: number) => number) => (x: number): number | null => (x <= 0 ? null : f(x));

function extremum(max: boolean): FnGen {
  return nullSafe((a, g) => `${g.constant(col.arrayExtreme)}([${a.join(', ')}], ${max})`);
}

function likeGen(ci: boolean): FnGen {
  return strict((a, g, e) => {
    const p = e.args[1]!;
    const esc = e.args[2] && e.args[2].kind === 'literal' ? String(e.args[2].value) : '\\';
    if (p.kind === 'literal' && typeof p.value === 'string') return `${g.constant(str.likeRegex(p.value, esc, ci))}.test(${a[0]})`;
    return `${g.constant(str.likeRegex)}(${a[1]}, ${JSON.stringify(esc)}, ${ci}).test(${a[0]})`;
  });
}

const rlikeGen: FnGen = strict((a, g, e) => {
  const p = e.args[1]!;
  if (p.kind === 'literal' && typeof p.value === 'string') return `${g.constant(str.javaRegex(p.value))}.test(${a[0]})`;
  return `${g.constant(str.javaRegex)}(${a[1]}).test(${a[0]})`;
});

/** Per-task state: a seeded PRNG (xorshift, seed + partition index) for rand/randn. */
function rngFor(seed: number): () => number {
  let s = (seed | 0) || 0x9e3779b9;
  return () => {
    s ^= s << 13; s ^= s >>> 17; s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const DAY = cal.MICROS_PER_DAY;

export const functionCodegen: Readonly<Record<string, FnGen>> = {
  add: arith('add'), subtract: arith('subtract'), multiply: arith('multiply'), divide: arith('divide'),
  remainder: arith('remainder'), pmod: arith('pmod'), div: arith('div'),
  unary_minus: strict((a, g, e) => {
    const t = e.type;
    if (t.kind === 'calendar_interval') return `${g.constant(dt.negateInterval)}(${a[0]})`;
    return t.kind === 'int' ? `((-${a[0]}) | 0)` : `(-${a[0]} || 0)`;
  }),
  positive: strict((a) => a[0]!),
  abs: strict((a, _g, e) => (e.type.kind === 'int' ? `(Math.abs(${a[0]}) | 0)` : `Math.abs(${a[0]})`)),
  equal_to: comparison('equal_to'), not_equal: comparison('not_equal'), less_than: comparison('less_than'),
  less_than_or_equal: comparison('less_than_or_equal'), greater_than: comparison('greater_than'),
  greater_than_or_equal: comparison('greater_than_or_equal'), equal_null_safe: comparison('equal_null_safe'),
  bitwise_and: strict((a, _g, e) => (e.type.kind === 'long' ? `Number(BigInt(${a[0]}) & BigInt(${a[1]}))` : `(${a[0]} & ${a[1]})`)),
  bitwise_or: strict((a, _g, e) => (e.type.kind === 'long' ? `Number(BigInt(${a[0]}) | BigInt(${a[1]}))` : `(${a[0]} | ${a[1]})`)),
  bitwise_xor: strict((a, _g, e) => (e.type.kind === 'long' ? `Number(BigInt(${a[0]}) ^ BigInt(${a[1]}))` : `(${a[0]} ^ ${a[1]})`)),
  bitwise_not: strict((a, _g, e) => (e.type.kind === 'long' ? `Number(~BigInt(${a[0]}))` : `(~${a[0]})`)),
  // Java shifts: the count is masked to the width (JS does the same for 32-bit ints); bigint shifts wrap to 64 bits.
  shiftleft: strict((a, _g, e) => (e.type.kind === 'long' ? `Number(BigInt.asIntN(64, BigInt(${a[0]}) << BigInt(${a[1]} & 63)))` : `(${a[0]} << ${a[1]})`)),
  shiftright: strict((a, _g, e) => (e.type.kind === 'long' ? `Number(BigInt(${a[0]}) >> BigInt(${a[1]} & 63))` : `(${a[0]} >> ${a[1]})`)),
  shiftrightunsigned: strict((a, _g, e) => (e.type.kind === 'long'
    ? `Number(BigInt.asIntN(64, BigInt.asUintN(64, BigInt(${a[0]})) >> BigInt(${a[1]} & 63)))` : `((${a[0]} >>> ${a[1]}) | 0)`)),
  if: (g, e) => {
    const c = g.expr(e.args[0]!);
    const out = g.declare(e.type);
    const then = g.block(() => { const x = g.expr(e.args[1]!); g.emit(`${out.v} = ${x.v}; ${out.n} = ${x.n};`); });
    const other = g.block(() => { const x = g.expr(e.args[2]!); g.emit(`${out.v} = ${x.v}; ${out.n} = ${x.n};`); });
    g.emit(`if (!${c.n} && ${c.v}) {\n${then}\n} else {\n${other}\n}`);
    return out;
  },
  isnan: nullSafe((a) => `(${a[0]} !== null && ${a[0]} !== ${a[0]})`),
  nanvl: strict((a) => `(${a[0]} !== ${a[0]} ? ${a[1]} : ${a[0]})`),
  // strings
  concat: (g, e) => {
    if (e.type.kind === 'array') return strict((a) => `[].concat(${a.join(', ')})`)(g, e);
    if (e.type.kind === 'binary') return strict((a, gg) => `${gg.constant((...xs: Uint8Array[]) => Uint8Array.from(xs.flatMap((x) => [...x])))}(${a.join(', ')})`)(g, e);
    return strict((a) => (a.length ? `(${a.map((x) => `${x}`).join(' + ')} + '')` : "''"))(g, e);
  },
  concat_ws: nullSafe((a, g) => `${g.constant((sep: string | null, ...xs: unknown[]) => (sep === null ? null : xs.flatMap((x) => (x === null ? [] : Array.isArray(x) ? x.filter((y) => y !== null) : [x])).join(sep)))}(${a.join(', ')})`),
  substring: strict((a, g, e) => (argType(e, 0).kind === 'binary'
    ? `${a[0]}.subarray(...${g.constant((n: number, p: number, l: number) => { const s = p > 0 ? p - 1 : p < 0 ? Math.max(n + p, 0) : 0; return [s, Math.max(s, Math.min(n, s + l))]; })}(${a[0]}.length, ${a[1]}, ${a[2] ?? 2147483647}))`
    : `${g.constant(str.substring)}(${a[0]}, ${a[1]}, ${a[2] ?? 2147483647})`)),
  upper: strict((a) => `${a[0]}.toUpperCase()`),
  lower: strict((a) => `${a[0]}.toLowerCase()`),
  trim: kernel(str.trim), ltrim: kernel(str.ltrim), rtrim: kernel(str.rtrim),
  length: strict((a, g, e) => (argType(e, 0).kind === 'binary' ? `${a[0]}.length` : `${g.constant(str.length)}(${a[0]})`)),
  octet_length: strict((a, g, e) => (argType(e, 0).kind === 'binary' ? `${a[0]}.length` : `Buffer.byteLength(${a[0]})`)),
  bit_length: strict((a, g, e) => (argType(e, 0).kind === 'binary' ? `(${a[0]}.length * 8)` : `(Buffer.byteLength(${a[0]}) * 8)`)),
  split: strict((a, g) => `${g.constant(str.split)}(${a[0]}, ${a[1]}, ${a[2] ?? -1})`),
  regexp_replace: strict((a, g) => `${g.constant(str.regexpReplace)}(${a[0]}, ${a[1]}, ${a[2]}, ${a[3] ?? 1})`),
  regexp_extract: strict((a, g) => `${g.constant(str.regexpExtract)}(${a[0]}, ${a[1]}, ${a[2] ?? 1})`),
  like: likeGen(false), ilike: likeGen(true), rlike: rlikeGen,
  instr: kernel(str.instr),
  locate: strict((a, g) => `${g.constant(str.locate)}(${a[0]}, ${a[1]}, ${a[2] ?? 1})`),
  lpad: strict((a, g) => `${g.constant(str.lpad)}(${a[0]}, ${a[1]}, ${a[2] ?? "' '"})`),
  rpad: strict((a, g) => `${g.constant(str.rpad)}(${a[0]}, ${a[1]}, ${a[2] ?? "' '"})`),
  replace: strict((a, g) => `${g.constant(str.replace)}(${a[0]}, ${a[1]}, ${a[2] ?? "''"})`),
  reverse: strict((a, g, e) => (e.type.kind === 'array' ? `[...${a[0]}].reverse()` : `${g.constant(str.reverse)}(${a[0]})`)),
  repeat: kernel(str.repeat), initcap: kernel(str.initcap), ascii: kernel(str.ascii), chr: kernel(str.chr),
  left: kernel(str.left), right: kernel(str.right),
  startswith: strict((a) => `${a[0]}.startsWith(${a[1]})`),
  endswith: strict((a) => `${a[0]}.endsWith(${a[1]})`),
  contains: strict((a) => `${a[0]}.includes(${a[1]})`),
  format_number: strict((a, g, e) => {
    const t = argType(e, 0);
    const x = t.kind === 'decimal' ? `(${a[0]} / ${10 ** t.scale})` : a[0]!;
    return `${g.constant(str.formatNumber)}(${x}, ${a[1]})`;
  }, true),
  translate: kernel(str.translate),
  space: strict((a) => `' '.repeat(Math.max(${a[0]}, 0))`),
  soundex: kernel(str.soundex), levenshtein: kernel(str.levenshtein), substring_index: kernel(str.substringIndex),
  split_part: strict((a, g) => `${g.constant((s: string, d: string, i: number) => { const p = d === '' ? [s] : s.split(d); const k = i > 0 ? i - 1 : p.length + i; return k >= 0 && k < p.length ? p[k]! : ''; })}(${a[0]}, ${a[1]}, ${a[2]})`),
  base64: strict((a) => `Buffer.from(${a[0]}).toString('base64')`),
  unbase64: strict((a) => `new Uint8Array(Buffer.from(${a[0]}, 'base64'))`),
  hex: strict((a, g, e) => {
    const t = argType(e, 0);
    if (t.kind === 'string') return `Buffer.from(${a[0]}).toString('hex').toUpperCase()`;
    if (t.kind === 'binary') return `Buffer.from(${a[0]}).toString('hex').toUpperCase()`;
    return `BigInt.asUintN(64, BigInt(${a[0]})).toString(16).toUpperCase()`;
  }),
  encode: strict((a) => `new Uint8Array(Buffer.from(${a[0]}, 'utf8'))`),
  decode: strict((a) => `Buffer.from(${a[0]}).toString('utf8')`),
  overlay: strict((a, g) => `${g.constant((s: string, r: string, p: number, l?: number) => { const c = [...s]; const len = l === undefined || l < 0 ? [...r].length : l; return c.slice(0, p - 1).join('') + r + c.slice(p - 1 + len).join(''); })}(${a.join(', ')})`),
  // math
  round: roundFn('up'), bround: roundFn('even'), floor: floorCeil('floor'), ceil: floorCeil('ceil'),
  sqrt: strict((a) => `Math.sqrt(${a[0]})`), cbrt: strict((a) => `Math.cbrt(${a[0]})`),
  exp: strict((a) => `Math.exp(${a[0]})`), expm1: strict((a) => `Math.expm1(${a[0]})`),
  ln: kernel(positiveLog(Math.log), true), log10: kernel(positiveLog(Math.log10), true), log2: kernel(positiveLog(Math.log2), true),
  log1p: kernel((x: number) => (x <= -1 ? null : Math.log1p(x)), true),
  log: kernel((b: number, x: number) => (b <= 0 || x <= 0 ? null : Math.log(x) / Math.log(b)), true),
  pow: strict((a) => `Math.pow(${a[0]}, ${a[1]})`),
  sin: strict((a) => `Math.sin(${a[0]})`), cos: strict((a) => `Math.cos(${a[0]})`), tan: strict((a) => `Math.tan(${a[0]})`),
  asin: strict((a) => `Math.asin(${a[0]})`), acos: strict((a) => `Math.acos(${a[0]})`), atan: strict((a) => `Math.atan(${a[0]})`),
  sinh: strict((a) => `Math.sinh(${a[0]})`), cosh: strict((a) => `Math.cosh(${a[0]})`), tanh: strict((a) => `Math.tanh(${a[0]})`),
  atan2: strict((a) => `Math.atan2(${a[0]}, ${a[1]})`), hypot: strict((a) => `Math.hypot(${a[0]}, ${a[1]})`),
  cot: strict((a) => `(1 / Math.tan(${a[0]}))`),
  degrees: strict((a) => `(${a[0]} * 180 / Math.PI)`), radians: strict((a) => `(${a[0]} * Math.PI / 180)`),
  signum: strict((a) => `(${a[0]} !== ${a[0]} ? NaN : Math.sign(${a[0]}) + 0)`),
  greatest: extremum(true), least: extremum(false),
  e: strict(() => String(Math.E)), pi: strict(() => String(Math.PI)),
  rand: (g, e) => {
    const seed = (e.args[0] as { value: number | null }).value ?? 0;
    const v = g.fresh('v');
    g.usesTaskState = true;
    g.emit(`const ${v} = (S.rng${seed} ??= ${g.constant(rngFor)}(${seed} + S.partitionIndex))();`);
    return { v, n: 'false' };
  },
  randn: (g, e) => {
    const seed = (e.args[0] as { value: number | null }).value ?? 0;
    const v = g.fresh('v');
    g.usesTaskState = true;
    g.emit(`const ${v} = ((r) => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r()))(S.rngn${seed} ??= ${g.constant(rngFor)}(${seed} + S.partitionIndex));`);
    return { v, n: 'false' };
  },
  // date/time
  date_add: strict((a) => `(${a[0]} + ${a[1]})`), date_sub: strict((a) => `(${a[0]} - ${a[1]})`),
  datediff: strict((a) => `(${a[0]} - ${a[1]})`),
  subtract_dates: strict((a) => `((${a[0]} - ${a[1]}) * ${DAY})`),
  subtract_timestamps: strict((a) => `(${a[0]} - ${a[1]})`),
  time_add: strict((a, g, e) => `${g.constant(dt.timestampAddInterval)}(${a[0]}, ${a[1]}, ${zoneOf(g, e)})`),
  date_add_interval: strict((a, g, e) => `${g.constant(dt.dateAddInterval)}(${a[0]}, ${a[1]}, ${zoneOf(g, e)})`),
  date_add_ym_interval: kernel(cal.addMonths),
  timestamp_add_ym_interval: strict((a, g, e) => `${g.constant(dt.timestampAddMonths)}(${a[0]}, ${a[1]}, ${zoneOf(g, e)})`),
  year: kernel(cal.year), month: kernel(cal.month), dayofmonth: kernel(cal.dayOfMonth), dayofweek: kernel(cal.dayOfWeek),
  weekday: kernel(cal.weekday), dayofweek_iso: strict((a, g) => `(${g.constant(cal.weekday)}(${a[0]}) + 1)`),
  dayofyear: kernel(cal.dayOfYear), weekofyear: kernel(cal.weekOfYear), quarter: kernel(cal.quarter),
  hour: strict((a, g, e) => `${g.constant(dt.hour)}(${a[0]}, ${zoneOf(g, e)})`),
  minute: strict((a, g, e) => `${g.constant(dt.minute)}(${a[0]}, ${zoneOf(g, e)})`),
  second: strict((a, g, e) => `${g.constant(dt.second)}(${a[0]}, ${zoneOf(g, e)})`),
  extract_second: strict((a, g, e) => `${g.constant(dt.secondWithFraction)}(${a[0]}, ${zoneOf(g, e)})`),
  date_format: strict((a, g, e) => {
    const f = e.args[1]!;
    if (f.kind === 'literal' && typeof f.value === 'string') return `${g.constant(formatterFor(f.value, e.timeZone))}(${a[0]})`;
    return `${g.constant(formatterFor)}(${a[1]}, ${JSON.stringify(e.timeZone ?? null)} ?? undefined)(${a[0]})`;
  }),
  from_unixtime: strict((a, g, e) => `${g.constant(formatterFor)}(${a[1]}, ${JSON.stringify(e.timeZone ?? null)} ?? undefined)(${a[0]} * 1e6)`),
  to_date: strict((a, g, e) => `${g.constant(parserFor)}(${a[1]}, ${JSON.stringify(e.timeZone ?? null)} ?? undefined, true)(${a[0]})`, true),
  to_timestamp: strict((a, g, e) => `${g.constant(parserFor)}(${a[1]}, ${JSON.stringify(e.timeZone ?? null)} ?? undefined, false)(${a[0]})`, true),
  unix_timestamp: strict((a, g, e) => {
    if (argType(e, 0).kind === 'timestamp') return `Math.floor(${a[0]} / 1e6)`;
    return `((u) => u === null ? null : Math.floor(u / 1e6))(${g.constant(parserFor)}(${a[1]}, ${JSON.stringify(e.timeZone ?? null)} ?? undefined, false)(${a[0]}))`;
  }, true),
  date_trunc: strict((a, g, e) => `${g.constant(dt.dateTrunc)}(${a[0]}, ${a[1]}, ${zoneOf(g, e)})`, true),
  trunc: kernel(dt.truncDate, true),
  add_months: kernel(cal.addMonths),
  months_between: strict((a, g, e) => `${g.constant(cal.monthsBetween)}(${a[0]}, ${a[1]}, ${a[2] ?? 'true'}, ${zoneOf(g, e)})`),
  last_day: kernel(cal.lastDay),
  next_day: kernel(dt.nextDay, true),
  make_date: kernel(dt.makeDate, true),
  timestamp_seconds: strict((a, _g, e) => {
    const t = argType(e, 0);
    return t.kind === 'decimal' ? `Math.trunc(${a[0]} * ${10 ** (6 - t.scale)})` : `Math.trunc(${a[0]} * 1e6)`;
  }),
  unix_date: strict((a) => a[0]!), date_from_unix_date: strict((a) => a[0]!),
  // collections
  array: nullSafe((a) => `[${a.join(', ')}]`),
  size: nullSafe((a, _g, e) => `(${a[0]} === null ? ${e.ansi ? 'null' : '-1'} : ${a[0]} instanceof Map ? ${a[0]}.size : ${a[0]}.length)`),
  array_contains: strict((a, g) => `${g.constant(col.arrayContains)}(${a[0]}, ${a[1]}, ${g.constant(valueEquals)})`, true),
  element_at: strict((a, g, e) => (argType(e, 0).kind === 'map'
    ? `${g.constant(col.mapGet)}(${a[0]}, ${a[1]}, ${g.constant(valueEquals)})`
    : `${g.constant(col.elementAt)}(${a[0]}, ${a[1]}, ${!!e.ansi})`), true),
  get_array_item: strict((a) => `(${a[1]} >= 0 && ${a[1]} < ${a[0]}.length ? ${a[0]}[${a[1]}] : null)`, true),
  get_map_value: strict((a, g) => `${g.constant(col.mapGet)}(${a[0]}, ${a[1]}, ${g.constant(valueEquals)})`, true),
  get_struct_field: strict((a) => `(${a[0]}[${a[1]}] ?? null)`, true),
  named_struct: nullSafe((a) => `({ ${a.map((x, i) => (i % 2 === 0 ? `[${x}]: ${a[i + 1]}` : '')).filter((x) => x).join(', ')} })`),
  map: nullSafe((a, g) => `${g.constant(col.buildMap)}([${a.join(', ')}])`),
  map_keys: strict((a) => `[...${a[0]}.keys()]`),
  map_values: strict((a) => `[...${a[0]}.values()]`),
  sort_array: strict((a, g) => `${g.constant(col.sortArray)}(${a[0]}, ${a[1]})`),
  array_sort: strict((a, g) => `${g.constant(col.sortArray)}(${a[0]}, true).sort((x, y) => (x === null) - (y === null))`),
  array_distinct: strict((a, g) => `${g.constant(col.arrayDistinct)}(${a[0]}, ${g.constant(valueEquals)})`),
  array_max: strict((a, g) => `${g.constant(col.arrayExtreme)}(${a[0]}, true)`, true),
  array_min: strict((a, g) => `${g.constant(col.arrayExtreme)}(${a[0]}, false)`, true),
  array_position: strict((a, g) => `(${a[0]}.findIndex((x) => x !== null && ${g.constant(valueEquals)}(x, ${a[1]})) + 1)`),
  array_join: strict((a) => `${a[0]}.flatMap((x) => x === null ? (${a[2] ?? 'null'} === null ? [] : [${a[2] ?? 'null'}]) : [x]).join(${a[1]})`),
  slice: kernel(col.slice),
  flatten: strict((a) => `(${a[0]}.some((x) => x === null) ? null : [].concat(...${a[0]}))`, true),
  sequence: kernel(col.sequence),
  // hashes and task ids
  hash: nullSafe((a, g, e) => {
    const types = g.constant(e.args.map(exprType));
    return a.reduce((acc, x, i) => `${g.constant(hash.hashValue)}(${x}, ${types}[${i}], ${acc})`, '42');
  }),
  md5: kernel(hash.md5), sha1: kernel(hash.sha1), sha2: kernel(hash.sha2, true), crc32: kernel(hash.crc32),
  monotonically_increasing_id: (g) => {
    g.usesTaskState = true;
    const v = g.fresh('v');
    g.emit(`const ${v} = S.partitionIndex * 8589934592 + S.rowOffset + i;`);
    return { v, n: 'false' };
  },
  spark_partition_id: (g) => {
    g.usesTaskState = true;
    return { v: 'S.partitionIndex', n: 'false' };
  },
};
