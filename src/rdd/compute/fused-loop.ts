// Whole-stage fusion for RDDs: a chain of element ops (map, filter, flatMap, mapValues…) and the loop that
// consumes it are compiled into one JS function with `new Function`, once per task. Each compiled function has its
// own call sites, so V8 sees monomorphic calls to the user's functions and inlines them — no iterator or
// intermediate array per element (ARCHITECTURE §5, the RDD twin of Spark's whole-stage codegen).
import { assertNever } from '../../common/assert.js';
import type { ElementOp, Fn } from '../rdd-node.js';

/** How the fused loop consumes each final element. */
export type LoopSink =
  | { readonly kind: 'out' } // append to st.out
  | { readonly kind: 'fold'; readonly fn: Fn } // st.acc = fn(st.acc, v)
  | { readonly kind: 'reduce'; readonly fn: Fn } // first element seeds st.acc (st.has)
  | { readonly kind: 'count' } // st.cnt++
  | { readonly kind: 'each'; readonly fn: Fn }; // fn(v)

export interface LoopState {
  acc: unknown;
  has: boolean;
  cnt: number;
  out: unknown[];
}

export interface FusedLoop {
  /** Runs the chain over one batch of elements. */
  overBatch(batch: readonly unknown[], st: LoopState): void;
  /** Runs the chain over `count` numbers start, start+step, … without materializing them. */
  overRange(start: number, step: number, count: number, st: LoopState): void;
}

export function newLoopState(acc?: unknown): LoopState {
  return { acc, has: false, cnt: 0, out: [] };
}

/**
 * Compiled loops are cached per thread by the identity of their functions and op kinds, so later tasks (and later
 * jobs whose stateless closures are reused, see stage-payload.ts) run code V8 has already optimized instead of
 * warming up a fresh function. `each` sinks carry per-task callbacks: not cached.
 */
const cache = new Map<string, { fns: readonly unknown[]; loop: FusedLoop }[]>();
const MAX_CACHED = 256;
let cachedCount = 0;

export function compileFusedLoop(ops: readonly ElementOp[], sink: LoopSink): FusedLoop {
  if (sink.kind === 'each') return compile(ops, sink);
  const fns: unknown[] = ops.map((o) => ('fn' in o ? o.fn : null));
  if (sink.kind !== 'out' && sink.kind !== 'count') fns.push(sink.fn);
  const shape = `${ops.map((o) => o.op).join(',')}|${sink.kind}`;
  const entries = cache.get(shape) ?? [];
  const hit = entries.find((e) => e.fns.every((f, i) => f === fns[i]));
  if (hit) return hit.loop;
  const loop = compile(ops, sink);
  if (cachedCount >= MAX_CACHED) {
    cache.clear();
    cachedCount = 0;
  }
  entries.push({ fns, loop });
  cache.set(shape, entries);
  cachedCount++;
  return loop;
}

function compile(ops: readonly ElementOp[], sink: LoopSink): FusedLoop {
  const fns: Fn[] = [];
  const bind = (f: Fn): string => {
    fns.push(f);
    return `f${fns.length - 1}`;
  };
  const body = emitOps(ops, 0, 'v0', bind, emitSink(sink, bind));
  const prologue = 'let acc = st.acc, has = st.has, cnt = st.cnt; const out = st.out;';
  const epilogue = 'st.acc = acc; st.has = has; st.cnt = cnt;';
  const src = `
    return {
      overBatch(batch, st) { ${prologue} for (let i = 0, n = batch.length; i < n; i++) { const v0 = batch[i]; ${body} } ${epilogue} },
      overRange(start, step, count, st) { ${prologue} for (let i = 0; i < count; i++) { const v0 = start + i * step; ${body} } ${epilogue} }
    };`;
  const names = fns.map((_, i) => `f${i}`);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  return new Function(...names, src)(...fns) as FusedLoop;
}

function emitSink(sink: LoopSink, bind: (f: Fn) => string): (v: string) => string {
  switch (sink.kind) {
    case 'out':
      return (v) => `out.push(${v});`;
    case 'fold': {
      const f = bind(sink.fn);
      return (v) => `acc = ${f}(acc, ${v});`;
    }
    case 'reduce': {
      const f = bind(sink.fn);
      return (v) => `if (has) { acc = ${f}(acc, ${v}); } else { acc = ${v}; has = true; }`;
    }
    case 'count':
      return () => 'cnt++;';
    case 'each': {
      const f = bind(sink.fn);
      return (v) => `${f}(${v});`;
    }
    default:
      return assertNever(sink, 'loop sink');
  }
}

function emitOps(ops: readonly ElementOp[], i: number, v: string, bind: (f: Fn) => string, sink: (v: string) => string): string {
  if (i === ops.length) return sink(v);
  const op = ops[i]!;
  const w = `v${i + 1}`;
  const rest = (name: string): string => emitOps(ops, i + 1, name, bind, sink);
  switch (op.op) {
    case 'map':
      return `const ${w} = ${bind(op.fn)}(${v}); ${rest(w)}`;
    case 'filter':
      return `if (${bind(op.fn)}(${v})) { ${rest(v)} }`;
    case 'flat-map':
      return `for (const ${w} of ${bind(op.fn)}(${v})) { ${rest(w)} }`;
    case 'map-values':
      return `const ${w} = [${v}[0], ${bind(op.fn)}(${v}[1])]; ${rest(w)}`;
    case 'flat-map-values':
      return `for (const x${i} of ${bind(op.fn)}(${v}[1])) { const ${w} = [${v}[0], x${i}]; ${rest(w)} }`;
    case 'key-by':
      return `const ${w} = [${bind(op.fn)}(${v}), ${v}]; ${rest(w)}`;
    case 'keys':
      return `const ${w} = ${v}[0]; ${rest(w)}`;
    case 'values':
      return `const ${w} = ${v}[1]; ${rest(w)}`;
    default:
      return assertNever(op, 'element op');
  }
}
