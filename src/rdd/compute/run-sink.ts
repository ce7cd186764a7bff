// Runs a result task's sink over one partition and returns the partial result the driver merges.
// Folds, reductions, counts and foreach fuse with the partition's element ops into one compiled loop.
import fs from 'node:fs';
import path from 'node:path';
import { assertNever } from '../../common/assert.js';
import type { RddNode } from '../rdd-node.js';
import type { PartitionSink, StatCounter } from '../sink.js';
import { compareKeys } from '../key-order.js';
import { KeyMap } from '../key-map.js';
import { computeBatches, elements } from './compute-partition.js';
import { runFused as fused } from './run-elements.js';
import type { TaskEnv } from './task-env.js';
import { writeCheckpointPartition } from './checkpoint-files.js';
import { mulberry32 } from './sample.js';

export function runSink(node: RddNode, partition: number, sink: PartitionSink, env: TaskEnv): unknown {
  switch (sink.kind) {
    case 'collect': {
      const st = fused(node, partition, { kind: 'out' }, env);
      return st.out;
    }
    case 'count':
      return fused(node, partition, { kind: 'count' }, env).cnt;
    case 'reduce': {
      const st = fused(node, partition, { kind: 'reduce', fn: sink.fn }, env);
      return st.has ? { has: true, value: st.acc } : { has: false };
    }
    case 'fold':
      return fused(node, partition, { kind: 'fold', fn: sink.fn }, env, structuredClone(sink.zero)).acc;
    case 'aggregate':
      return fused(node, partition, { kind: 'fold', fn: sink.seqOp }, env, structuredClone(sink.zero)).acc;
    case 'foreach':
      fused(node, partition, { kind: 'each', fn: sink.fn }, env);
      return null;
    case 'foreach-partition': {
      const r: unknown = sink.fn(elements(computeBatches(node, partition, env)));
      return r instanceof Promise ? r.then(() => null) : null;
    }
    case 'take': {
      const out: unknown[] = [];
      if (sink.n <= 0) return out;
      for (const b of computeBatches(node, partition, env)) {
        for (const x of b) {
          out.push(x);
          if (out.length >= sink.n) return out;
        }
      }
      return out;
    }
    case 'take-ordered':
      return takeOrdered(node, partition, sink.n, sink.ascending, sink.keyFn, env);
    case 'count-by-value': {
      const counts = new KeyMap<number>();
      fused(node, partition, { kind: 'each', fn: (v: unknown) => counts.set(v, (counts.get(v) ?? 0) + 1) }, env);
      return [...counts.entries()];
    }
    case 'stats':
      return stats(node, partition, env);
    case 'save-text': {
      const lines: string[] = [];
      fused(node, partition, { kind: 'each', fn: (v: unknown) => lines.push(toText(v)) }, env);
      fs.mkdirSync(sink.tempDir, { recursive: true });
      const file = path.join(sink.tempDir, `part-${String(partition).padStart(5, '0')}`);
      const text = lines.length > 0 ? lines.join('\n') + '\n' : '';
      fs.writeFileSync(file, text);
      env.metrics.recordsWritten += lines.length;
      env.metrics.bytesWritten += Buffer.byteLength(text);
      return file;
    }
    case 'checkpoint': {
      const n = writeCheckpointPartition(sink.dir, partition, computeBatches(node, partition, env));
      env.metrics.bytesWritten += n;
      return n;
    }
    case 'sample-keys': {
      // reservoir sample of keys, plus the partition size, for RangePartitioner bounds
      const rnd = mulberry32(sink.seed + partition);
      const sample: unknown[] = [];
      let seen = 0;
      for (const b of computeBatches(node, partition, env)) {
        for (const rec of b) {
          const k = (rec as [unknown, unknown])[0];
          if (sample.length < sink.perPartition) sample.push(k);
          else {
            const j = Math.floor(rnd() * (seen + 1));
            if (j < sink.perPartition) sample[j] = k;
          }
          seen++;
        }
      }
      return { count: seen, sample };
    }
    default:
      return assertNever(sink, 'partition sink');
  }
}

function takeOrdered(node: RddNode, partition: number, n: number, ascending: boolean, keyFn: ((x: unknown) => unknown) | undefined, env: TaskEnv): unknown[] {
  if (n <= 0) return [];
  const sign = ascending ? 1 : -1;
  const key = keyFn ?? ((x: unknown) => x);
  const cmp = (a: unknown, b: unknown): number => sign * compareKeys(key(a), key(b));
  let buf: unknown[] = [];
  fused(node, partition, {
    kind: 'each',
    fn: (v: unknown) => {
      buf.push(v);
      if (buf.length >= Math.max(2 * n, 1024)) {
        buf.sort(cmp);
        buf = buf.slice(0, n);
      }
    },
  }, env);
  buf.sort(cmp);
  return buf.slice(0, n);
}

function stats(node: RddNode, partition: number, env: TaskEnv): StatCounter {
  let count = 0;
  let mean = 0;
  let m2 = 0;
  let max = -Infinity;
  let min = Infinity;
  fused(node, partition, {
    kind: 'each',
    fn: (v: unknown) => {
      const x = Number(v);
      count++;
      const d = x - mean;
      mean += d / count;
      m2 += d * (x - mean);
      if (x > max) max = x;
      if (x < min) min = x;
    },
  }, env);
  return { count, mean, m2, max, min };
}

/** How saveAsTextFile renders an element: strings as is, pairs as Spark prints tuples `(k,v)`. */
export function toText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return `(${v.map(toText).join(',')})`;
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'object' && !(v instanceof Date)) return JSON.stringify(v);
  return String(v);
}
