// Expression code generation: turns a bound expression tree into JS statements evaluated once per row inside a
// generated loop (compile.ts). Values live in locals in physical form (numbers, strings, booleans, objects) with a
// separate null flag; kernels and constants are passed in as closure values, so numeric code allocates nothing.
import { TsSparkError } from '../../common/errors.js';
import { physicalKind } from '../../sql/batch/column-batch.js';
import type { DataType } from '../../sql/types/data-type.js';
import type { Expression } from './expression.js';
import { exprType } from './expr-type.js';
import { functionCodegen } from './function-codegen.js';
import { castConverter } from './kernels/cast.js';

/** A generated value: JS expressions (usually locals) for the value and its null flag ('false' when never null). */
export interface Val {
  readonly v: string;
  readonly n: string;
}

export class Gen {
  readonly consts: unknown[] = [];
  private readonly constIds = new Map<unknown, string>();
  readonly inputs = new Map<number, DataType>();
  private lines: string[] = [];
  private next = 0;
  /** Whether the generated code reads per-task state (partition id, row counter). */
  usesTaskState = false;

  constant(value: unknown): string {
    let id = this.constIds.get(value);
    if (id === undefined) {
      id = `K${this.consts.length}`;
      this.consts.push(value);
      this.constIds.set(value, id);
    }
    return id;
  }

  fresh(prefix = 't'): string {
    return `${prefix}${this.next++}`;
  }

  emit(line: string): void {
    this.lines.push(line);
  }

  /** Runs `body` collecting its statements separately (for lazily evaluated branches). */
  block(body: () => void): string {
    const saved = this.lines;
    this.lines = [];
    body();
    const out = this.lines.join('\n');
    this.lines = saved;
    return out;
  }

  take(): string {
    const out = this.lines.join('\n');
    this.lines = [];
    return out;
  }

  /** Declares a value/null pair initialized to the type's default. */
  declare(t: DataType): { v: string; n: string } {
    const v = this.fresh('v');
    const n = this.fresh('n');
    this.emit(`let ${v} = ${defaultValue(t)}; let ${n} = false;`);
    return { v, n };
  }

  expr(e: Expression): Val {
    switch (e.kind) {
      case 'bound': {
        this.inputs.set(e.ordinal, e.type);
        const o = e.ordinal;
        const kind = physicalKind(e.type);
        const read = kind === 'bool' ? `(a${o}[i] === 1)` : kind === 'str' ? `(a${o} !== null ? a${o}[i] : d${o}[x${o}[i]])` : `a${o}[i]`;
        const v = this.fresh('v');
        this.emit(`const ${v} = ${read};`);
        return { v, n: `(m${o} !== null && m${o}[i] === 0)` };
      }
      case 'literal':
        return this.literal(e.value, e.type);
      case 'cast': {
        const inner = this.expr(e.expr);
        const conv = this.constant(castConverter(exprType(e.expr), e.type, e.mode, e.timeZone));
        const out = this.declare(e.type);
        this.emit(`if (${inner.n}) { ${out.n} = true; } else { const c = ${conv}(${inner.v}); if (c === null) ${out.n} = true; else ${out.v} = c; }`);
        return out;
      }
      case 'alias':
        return this.expr(e.expr);
      case 'is_null': {
        const inner = this.expr(e.expr);
        const v = this.fresh('v');
        this.emit(`const ${v} = ${e.negated ? '!' : ''}${inner.n};`);
        return { v, n: 'false' };
      }
      case 'not': {
        const inner = this.expr(e.expr);
        const v = this.fresh('v');
        this.emit(`const ${v} = !${inner.v};`);
        return { v, n: inner.n };
      }
      case 'and': case 'or': {
        const l = this.expr(e.left);
        const out = this.declare({ kind: 'boolean' });
        const short = e.kind === 'and' ? `!${l.n} && !${l.v}` : `!${l.n} && ${l.v}`;
        const right = this.block(() => {
          const r = this.expr(e.right);
          const rshort = e.kind === 'and' ? `!${r.n} && !${r.v}` : `!${r.n} && ${r.v}`;
          this.emit(`if (${rshort}) ${out.v} = ${e.kind === 'or'}; else if (${l.n} || ${r.n}) ${out.n} = true; else ${out.v} = ${e.kind === 'and'};`);
        });
        this.emit(`if (${short}) ${out.v} = ${e.kind === 'or'}; else {\n${right}\n}`);
        return out;
      }
      case 'case': {
        const out = this.declare(e.type);
        let code = '';
        let closing = '';
        for (const [w, t] of e.branches) {
          const cond = this.block(() => { const c = this.expr(w); this.emit(`ok = !${c.n} && ${c.v};`); });
          const then = this.block(() => { const x = this.expr(t); this.emit(`${out.v} = ${x.v}; ${out.n} = ${x.n};`); });
          code += `{ let ok = false;\n${cond}\nif (ok) {\n${then}\n} else `;
          closing += '}';
        }
        const otherwise = e.else ? this.block(() => { const x = this.expr(e.else!); this.emit(`${out.v} = ${x.v}; ${out.n} = ${x.n};`); }) : `${out.n} = true;`;
        this.emit(`${code}{\n${otherwise}\n}${closing}`);
        return out;
      }
      case 'coalesce': {
        const out = this.declare(e.type);
        this.emit(`${out.n} = true;`);
        let code = '';
        for (const a of e.args) {
          code += `if (${out.n}) {\n${this.block(() => { const x = this.expr(a); this.emit(`if (!${x.n}) { ${out.v} = ${x.v}; ${out.n} = false; }`); })}\n}\n`;
        }
        this.emit(code);
        return out;
      }
      case 'in':
        return this.inList(e);
      case 'call': {
        const cg = functionCodegen[e.fn];
        if (!cg) throw new TsSparkError('INTERNAL', `no executor implementation for function ${e.fn}`);
        return cg(this, e);
      }
      case 'attr': case 'aggregate': case 'window': case 'scalar_subquery': case 'exists': case 'in_subquery':
      case 'lambda': case 'outer_ref':
        throw new TsSparkError('INTERNAL', `expression of kind ${e.kind} cannot be compiled (it must be bound or planned first)`);
    }
  }

  literal(value: unknown, t: DataType): Val {
    if (value === null || value === undefined) return { v: defaultValue(t), n: 'true' };
    if (typeof value === 'number') return { v: Number.isFinite(value) && !Object.is(value, -0) ? `(${value})` : this.constant(value), n: 'false' };
    if (typeof value === 'boolean') return { v: String(value), n: 'false' };
    if (typeof value === 'string') return { v: JSON.stringify(value), n: 'false' };
    return { v: this.constant(value), n: 'false' };
  }

  private inList(e: Extract<Expression, { kind: 'in' }>): Val {
    const x = this.expr(e.expr);
    const out = this.declare({ kind: 'boolean' });
    const t = exprType(e.expr);
    const primitive = ['int', 'long', 'short', 'byte', 'date', 'timestamp', 'timestamp_ntz', 'string', 'decimal', 'boolean'].includes(t.kind);
    if (primitive && e.list.every((l) => l.kind === 'literal')) {
      const values = e.list.map((l) => (l as { value: unknown }).value);
      const set = this.constant(new Set(values.filter((v) => v !== null)));
      const hasNull = values.some((v) => v === null);
      this.emit(`if (${x.n}) ${out.n} = true; else if (${set}.has(${x.v})) ${out.v} = true; else ${hasNull ? `${out.n} = true` : `${out.v} = false`};`);
    } else {
      const eq = this.constant(valueEquals);
      let code = `${out.n} = ${x.n}; let sawNull = false;\n`;
      for (const l of e.list) {
        code += `if (!${out.n} && !${out.v}) {\n${this.block(() => { const y = this.expr(l); this.emit(`if (${y.n}) sawNull = true; else if (${eq}(${x.v}, ${y.v})) ${out.v} = true;`); })}\n}\n`;
      }
      code += `if (!${out.n} && !${out.v} && sawNull) ${out.n} = true;`;
      this.emit(`{\n${code}\n}`);
    }
    if (e.negated) this.emit(`${out.v} = !${out.v};`);
    return out;
  }
}

export function defaultValue(t: DataType): string {
  switch (physicalKind(t)) {
    case 'bool': return 'false';
    case 'i32': case 'f64': return '0';
    default: return 'null';
  }
}

/** Equality of physical values, deep for arrays/maps/structs/binary; NaN equals NaN (Spark). */
export function valueEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return a !== a && b !== b;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (a instanceof Uint8Array && b instanceof Uint8Array) return a.length === b.length && a.every((x, i) => x === b[i]);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => valueEquals(x, b[i]));
  if (a instanceof Map && b instanceof Map) return a.size === b.size && [...a].every(([k, v], i) => { const e = [...b][i]; return e !== undefined && valueEquals(k, e[0]) && valueEquals(v, e[1]); });
  const ka = Object.keys(a as object);
  return ka.length === Object.keys(b as object).length && ka.every((k) => valueEquals((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
