// compileProjection / compileFilter: one generated JS function per expression list (`new Function`), a loop over
// the batch's rows reading typed arrays and writing preallocated typed arrays; cached by generated source.
import { physicalKind, type Column, type ColumnBatch } from '../../sql/batch/column-batch.js';
import type { DataType } from '../../sql/types/data-type.js';
import { Gen } from './codegen.js';
import type { Expression } from './expression.js';
import { exprType } from './expr-type.js';

/** Per-task values some functions read (monotonically_increasing_id, spark_partition_id, rand). */
export interface TaskState {
  partitionIndex: number;
  /** Rows of this task already processed by the projection (advanced by the compiled function). */
  rowOffset: number;
  [rng: string]: unknown;
}

export interface CompileOptions {
  readonly partitionIndex?: number;
}

/**
 * A compiled function; `taskState` is true when it reads per-task state (partition index, row offset, PRNGs), so
 * each task needs its own instance compiled with its partition index rather than a shared cached one.
 */
export type Compiled<F> = F & { readonly taskState: boolean };

type Generated = (batch: ColumnBatch, K: readonly unknown[], S: TaskState) => unknown;

const cache = new Map<string, Function>();

function inputPrelude(g: Gen): string {
  let s = 'const cols = batch.columns; const nRows = batch.numRows;\n';
  for (const [o, t] of g.inputs) {
    s += `const c${o} = cols[${o}]; const m${o} = c${o}.valid;\n`;
    if (physicalKind(t) === 'str') {
      s += `const a${o} = c${o}.kind === 'dict' ? null : c${o}.values; const x${o} = c${o}.kind === 'dict' ? c${o}.ids : null; const d${o} = c${o}.kind === 'dict' ? c${o}.dictionary : null;\n`;
    } else {
      s += `const a${o} = c${o}.values;\n`;
    }
  }
  return s;
}

function constPrelude(g: Gen): string {
  return g.consts.map((_, i) => `const K${i} = K[${i}];`).join('\n');
}

function instantiate(src: string): Function {
  let f = cache.get(src);
  if (!f) {
    f = new Function('batch', 'K', 'S', src);
    if (cache.size > 2000) cache.clear();
    cache.set(src, f);
  }
  return f;
}

function outputAlloc(k: number, t: DataType): string {
  switch (physicalKind(t)) {
    case 'bool': return `const o${k} = new Uint8Array(nRows);`;
    case 'i32': return `const o${k} = new Int32Array(nRows);`;
    case 'f64': return `const o${k} = new Float64Array(nRows);`;
    default: return `const o${k} = new Array(nRows);`;
  }
}

function outputColumn(k: number, t: DataType): string {
  const kind = physicalKind(t);
  return `{ kind: '${kind}', values: o${k}, valid: z${k} ? ov${k} : null }`;
}

/** Compiles bound expressions into a function computing their output columns for a batch. */
export function compileProjection(exprs: readonly Expression[], opts: CompileOptions = {}): Compiled<(batch: ColumnBatch) => Column[]> {
  // bound references pass through without copying
  const passthrough = exprs.map((e) => (e.kind === 'bound' ? e.ordinal : e.kind === 'alias' && e.expr.kind === 'bound' ? e.expr.ordinal : -1));
  const g = new Gen();
  let body = '';
  const computed: number[] = [];
  exprs.forEach((e, k) => {
    if (passthrough[k]! >= 0) return;
    computed.push(k);
    const t = exprType(e);
    const val = g.expr(e);
    const stmts = g.take();
    const write = physicalKind(t) === 'bool' ? `${val.v} ? 1 : 0` : val.v;
    body += `{\n${stmts}\nif (${val.n}) { z${k} = true; ${physicalKind(t) === 'str' || physicalKind(t) === 'obj' ? `o${k}[i] = null;` : ''} } else { o${k}[i] = ${write}; ov${k}[i] = 1; }\n}\n`;
  });
  const types = exprs.map(exprType);
  const src = [
    inputPrelude(g), constPrelude(g),
    ...computed.map((k) => `${outputAlloc(k, types[k]!)} const ov${k} = new Uint8Array(nRows); let z${k} = false;`),
    `for (let i = 0; i < nRows; i++) {\n${body}}`,
    'S.rowOffset += nRows;',
    `return [${computed.map((k) => outputColumn(k, types[k]!)).join(', ')}];`,
  ].join('\n');
  const fn = instantiate(src) as Generated;
  const consts = g.consts;
  const state: TaskState = { partitionIndex: opts.partitionIndex ?? 0, rowOffset: 0 };
  const run = (batch: ColumnBatch): Column[] => {
    const cols = computed.length ? (fn(batch, consts, state) as Column[]) : [];
    if (!computed.length) state.rowOffset += batch.numRows;
    const out: Column[] = new Array(exprs.length);
    let j = 0;
    for (let k = 0; k < exprs.length; k++) out[k] = passthrough[k]! >= 0 ? batch.columns[passthrough[k]!]! : cols[j++]!;
    return out;
  };
  return Object.assign(run, { taskState: g.usesTaskState });
}

/** Compiles a predicate into a function returning the indices of the rows where it is TRUE (NULL excluded). */
export function compileFilter(pred: Expression, opts: CompileOptions = {}): Compiled<(batch: ColumnBatch) => Int32Array> {
  const g = new Gen();
  const val = g.expr(pred);
  const stmts = g.take();
  const src = [
    inputPrelude(g), constPrelude(g),
    'const sel = new Int32Array(nRows); let count = 0;',
    `for (let i = 0; i < nRows; i++) {\n${stmts}\nif (!${val.n} && ${val.v}) sel[count++] = i;\n}`,
    'S.rowOffset += nRows;',
    'return count === nRows ? sel : sel.slice(0, count);',
  ].join('\n');
  const fn = instantiate(src) as Generated;
  const consts = g.consts;
  const state: TaskState = { partitionIndex: opts.partitionIndex ?? 0, rowOffset: 0 };
  return Object.assign((batch: ColumnBatch): Int32Array => fn(batch, consts, state) as Int32Array, { taskState: g.usesTaskState });
}

const ONE_ROW: ColumnBatch = { numRows: 1, columns: [] };

/** Evaluates an expression without inputs (constant folding); the physical value or null. */
export function evalConstant(e: Expression): unknown {
  const [c] = compileProjection([e])(ONE_ROW);
  if (c!.valid !== null && c!.valid[0] === 0) return null;
  switch (c!.kind) {
    case 'bool': return c!.values[0] === 1;
    case 'dict': return c!.dictionary[c!.ids[0]!];
    default: return c!.values[0];
  }
}
