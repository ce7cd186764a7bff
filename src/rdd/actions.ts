// RDD actions on the driver: each runs a job with a partition sink (sink.ts) and merges the partial results.
import fs from 'node:fs';
import path from 'node:path';
import { TsSparkError } from '../common/errors.js';
import { KeyMap } from './key-map.js';
import { compareKeys } from './key-order.js';
import { numPartitions } from './lineage.js';
import { prepareLineage } from './prepare.js';
import type { RddContext } from './rdd-context.js';
import type { Fn, RddNode } from './rdd-node.js';
import type { PartitionSink, StatCounter } from './sink.js';
import { StatCounterView } from './stat-counter.js';

export async function runAction(ctx: RddContext, node: RddNode, sink: PartitionSink, description: string, partitions?: readonly number[]): Promise<unknown[]> {
  const prepared = await prepareLineage(node, ctx);
  return ctx.runJob(prepared, sink, partitions, description);
}

export async function collect(ctx: RddContext, node: RddNode): Promise<unknown[]> {
  const parts = (await runAction(ctx, node, { kind: 'collect' }, 'collect')) as unknown[][];
  return parts.flat(1);
}

export async function count(ctx: RddContext, node: RddNode): Promise<number> {
  const parts = (await runAction(ctx, node, { kind: 'count' }, 'count')) as number[];
  return parts.reduce((a, b) => a + b, 0);
}

export async function reduce(ctx: RddContext, node: RddNode, fn: Fn): Promise<unknown> {
  const parts = (await runAction(ctx, node, { kind: 'reduce', fn }, 'reduce')) as Array<{ has: boolean; value?: unknown }>;
  let has = false;
  let acc: unknown;
  for (const p of parts) {
    if (!p.has) continue;
    acc = has ? fn(acc, p.value) : p.value;
    has = true;
  }
  if (!has) throw new TsSparkError('UNSUPPORTED', 'Can not reduce() empty RDD');
  return acc;
}

export async function fold(ctx: RddContext, node: RddNode, zero: unknown, fn: Fn): Promise<unknown> {
  const parts = await runAction(ctx, node, { kind: 'fold', zero, fn }, 'fold');
  return parts.reduce((a, b) => fn(a, b), structuredClone(zero));
}

export async function aggregate(ctx: RddContext, node: RddNode, zero: unknown, seqOp: Fn, combOp: Fn): Promise<unknown> {
  const parts = await runAction(ctx, node, { kind: 'aggregate', zero, seqOp }, 'aggregate');
  return parts.reduce((a, b) => combOp(a, b), structuredClone(zero));
}

/** take(n): scans one partition, then grows the number of partitions scanned by up to 4× per round, as Spark. */
export async function take(ctx: RddContext, node: RddNode, n: number): Promise<unknown[]> {
  if (n <= 0) return [];
  const prepared = await prepareLineage(node, ctx);
  const total = numPartitions(prepared);
  const out: unknown[] = [];
  let scanned = 0;
  while (out.length < n && scanned < total) {
    let numToTry = 1;
    if (scanned > 0) numToTry = out.length === 0 ? scanned * 4 : Math.max(1, Math.min(Math.ceil((1.5 * n * scanned) / out.length) - scanned, scanned * 4));
    const parts = Array.from({ length: Math.min(numToTry, total - scanned) }, (_, i) => scanned + i);
    const res = (await ctx.runJob(prepared, { kind: 'take', n: n - out.length }, parts, 'take')) as unknown[][];
    for (const r of res) for (const x of r) if (out.length < n) out.push(x);
    scanned += parts.length;
  }
  return out;
}

export async function takeOrdered(ctx: RddContext, node: RddNode, n: number, ascending: boolean, keyFn?: Fn): Promise<unknown[]> {
  const parts = (await runAction(ctx, node, { kind: 'take-ordered', n, ascending, ...(keyFn ? { keyFn } : {}) }, ascending ? 'takeOrdered' : 'top')) as unknown[][];
  const key = keyFn ?? ((x: unknown) => x);
  const sign = ascending ? 1 : -1;
  return parts.flat(1).sort((a, b) => sign * compareKeys(key(a), key(b))).slice(0, n);
}

export async function countByValue(ctx: RddContext, node: RddNode): Promise<Map<unknown, number>> {
  const parts = (await runAction(ctx, node, { kind: 'count-by-value' }, 'countByValue')) as Array<Array<[unknown, number]>>;
  const m = new KeyMap<number>();
  for (const p of parts) for (const [k, c] of p) m.set(k, (m.get(k) ?? 0) + c);
  return new Map(m.entries());
}

export async function stats(ctx: RddContext, node: RddNode): Promise<StatCounterView> {
  const parts = (await runAction(ctx, node, { kind: 'stats' }, 'stats')) as StatCounter[];
  return StatCounterView.merge(parts);
}

export async function saveAsTextFile(ctx: RddContext, node: RddNode, dir: string): Promise<void> {
  const out = path.resolve(dir);
  if (fs.existsSync(out)) {
    throw new TsSparkError('INVALID_ARGUMENT', `Output directory ${out} already exists`, { details: { path: out }, hint: 'delete it first or choose another path' });
  }
  const temp = path.join(out, '_temporary', `${Date.now()}-${process.pid}`);
  try {
    const files = (await runAction(ctx, node, { kind: 'save-text', tempDir: temp }, 'saveAsTextFile')) as string[];
    for (const f of files) fs.renameSync(f, path.join(out, path.basename(f)));
    fs.rmSync(path.join(out, '_temporary'), { recursive: true, force: true });
    fs.mkdirSync(out, { recursive: true }); // an RDD without partitions ran no task that would create it
    fs.writeFileSync(path.join(out, '_SUCCESS'), '');
  } catch (e) {
    fs.rmSync(out, { recursive: true, force: true });
    throw e;
  }
}
