// Executor side of SQL metrics: passes an operator's output batches through while counting rows (per batch, never
// per row) and the time spent pulling them, then sends one update per partition into the execution's accumulator.
import type { ColumnBatch } from '../batch/column-batch.js';
import { batchBytes } from './spill/batch-bytes.js';
import { spillEnv } from './spill/spill-env.js';

/**
 * Metric slots one operator's output feeds (-1: not reported). `incl` receives the inclusive pull time in ms (the
 * driver subtracts pipelined children's to get the operator's own time); `outRows`/`outBytes` belong to the
 * exchange the batches flow into (rows written, in-memory size).
 */
export interface MeterSpec {
  readonly rows: number;
  readonly incl: number;
  readonly spill: number;
  readonly outRows: number;
  readonly outBytes: number;
}

/** Accumulator updates are flat [partition, slot, value, slot, value, …] arrays, one per metered partition. */
export interface MetricSink { add(update: unknown): void }

export function* meteredBatches(input: Iterable<ColumnBatch>, spec: MeterSpec, sink: MetricSink, partition: number): Generator<ColumnBatch> {
  let rows = 0;
  let bytes = 0;
  let time = 0;
  const spill0 = spec.spill >= 0 ? spillEnv().metrics.diskBytesSpilled : 0;
  let t0 = performance.now();
  try {
    for (const b of input) {
      time += performance.now() - t0;
      rows += b.numRows;
      if (spec.outBytes >= 0) bytes += batchBytes(b);
      yield b;
      t0 = performance.now();
    }
    time += performance.now() - t0;
  } finally {
    // also on early close (a limit above stops pulling): the rows seen so far are the rows produced
    const u: number[] = [partition, spec.incl, time];
    if (spec.rows >= 0) u.push(spec.rows, rows);
    if (spec.outRows >= 0) u.push(spec.outRows, rows);
    if (spec.outBytes >= 0) u.push(spec.outBytes, bytes);
    if (spec.spill >= 0) u.push(spec.spill, spillEnv().metrics.diskBytesSpilled - spill0);
    sink.add(u);
  }
}
