// Runs one task attempt inside a worker thread: revives the stage payload (cached per thread), gathers the
// task's inputs (cached blocks, local and remote shuffle blocks), computes, and reports a TaskResult.
import { performance } from 'node:perf_hooks';
import { isTsSparkError, toWire, TsSparkError } from '../common/errors.js';
import { decodeValue, encodeValue } from '../common/record-codec.js';
import { narrowAncestry } from '../rdd/lineage.js';
import { runSink } from '../rdd/compute/run-sink.js';
import { runShuffleMap } from '../rdd/compute/shuffle-map.js';
import { newTaskMetrics, setCurrentTaskEnv, type TaskEnv, type TaskMetrics } from '../rdd/compute/task-env.js';
import { decodeStagePayload } from '../rdd/wire/stage-payload-decode.js';
import type { StagePayload } from '../rdd/wire/stage-payload.js';
import { decodeTask, type ShuffleRead, type TaskDescription } from '../rdd/wire/task-description.js';
import { ShuffleWriter } from '../shuffle/writer.js';
import { readLocalBlock } from '../shuffle/reader.js';
import { decodeBlock } from '../shuffle/block-format.js';
import { collectTaskAccumulators, resetTaskAccumulators } from './revivers.js';
import type { TaskResult } from './task-result.js';
import type { WorkerContext } from './worker-protocol.js';

export interface WorkerServices {
  getBlock(rddId: number, partition: number): Promise<Uint8Array | undefined>;
  putBlock(rddId: number, partition: number, bytes: Uint8Array, useMemory: boolean, useDisk: boolean): void;
}

const payloads = new Map<string, Promise<StagePayload>>();
const MAX_PAYLOADS = 64;

export async function runTask(ctx: WorkerContext, taskBytes: Uint8Array, payloadId: string, payloadBytes: Uint8Array | undefined, services: WorkerServices): Promise<TaskResult> {
  const t0 = performance.now();
  let task: TaskDescription | undefined;
  const metrics = newTaskMetrics();
  try {
    task = decodeTask(taskBytes);
    const payload = await stagePayload(payloadId, payloadBytes);
    const deserializeMs = performance.now() - t0;
    resetTaskAccumulators();
    const env = await buildEnv(ctx, task, payload, metrics, services);
    const stored: Array<[number, number, number]> = [];
    const putCached = env.putCached;
    const envWithStore: TaskEnv = {
      ...env,
      putCached: (rddId, partition, batches) => {
        const bytes = encodeValue(batches);
        stored.push([rddId, partition, bytes.length]);
        putCached(rddId, partition, batches);
        const level = task!.storage?.find((s) => s[0] === rddId);
        services.putBlock(rddId, partition, bytes, level ? level[1] : true, level ? level[2] : false);
      },
    };
    setCurrentTaskEnv(envWithStore);
    const runStart = performance.now();
    let result: TaskResult;
    if (task.kind === 'result') {
      if (!payload.sink) throw new TsSparkError('INVALID_WIRE_DATA', 'result stage payload without a sink');
      let value: unknown = runSink(payload.rdd, task.partition, payload.sink, envWithStore);
      if (value instanceof Promise) value = await value;
      const bytes = encodeValue(value);
      metrics.resultSize = bytes.length;
      result = { taskId: task.taskId, status: 'success', value: bytes, durationMs: 0 };
    } else {
      const dep = payload.dep;
      if (!dep) throw new TsSparkError('INVALID_WIRE_DATA', 'shuffle-map stage payload without a dependency');
      const writer = new ShuffleWriter({
        rootDir: ctx.localDir,
        shuffleId: dep.shuffleId,
        mapId: task.partition,
        numPartitions: dep.partitioner.numPartitions,
        memoryLimitBytes: ctx.memoryLimitBytes,
        compress: ctx.compressShuffle,
      });
      try {
        runShuffleMap(dep, task.partition, envWithStore, writer);
        const w = writer.commit();
        metrics.shuffleBytesWritten += w.bytesWritten;
        metrics.shuffleRecordsWritten += w.recordsWritten;
        metrics.shuffleWriteTimeMs += w.writeTimeMs;
        metrics.diskBytesSpilled += w.bytesSpilled;
        metrics.memoryBytesSpilled += w.bytesSpilled;
        result = { taskId: task.taskId, status: 'success', mapSizes: w.partitionLengths, durationMs: 0 };
      } catch (e) {
        writer.abort();
        throw e;
      }
    }
    const end = performance.now();
    return {
      ...result,
      metrics,
      accumUpdates: collectTaskAccumulators(),
      storedBlocks: stored,
      durationMs: end - t0,
      executorRunTimeMs: end - runStart,
      deserializeMs,
    };
  } catch (e) {
    const taskId = task?.taskId ?? -1;
    if (isTsSparkError(e, 'FETCH_FAILED')) {
      const d = e.details;
      return {
        taskId,
        status: 'fetch-failed',
        fetchFailure: {
          executorId: String(d.executorId ?? ''),
          shuffleId: Number(d.shuffleId ?? -1),
          mapId: Number(d.mapId ?? -1),
          reduceId: Number(d.reduceId ?? -1),
          message: e.message,
        },
        error: toWire(e),
        metrics,
        durationMs: performance.now() - t0,
      };
    }
    return { taskId, status: 'failed', error: toWire(e), metrics, durationMs: performance.now() - t0 };
  } finally {
    setCurrentTaskEnv(undefined);
  }
}

function stagePayload(id: string, bytes: Uint8Array | undefined): Promise<StagePayload> {
  let p = payloads.get(id);
  if (!p) {
    if (!bytes) throw new TsSparkError('INTERNAL', `stage payload ${id} was not sent to this worker`);
    p = decodeStagePayload(bytes);
    payloads.set(id, p);
    p.catch(() => payloads.delete(id));
    if (payloads.size > MAX_PAYLOADS) payloads.delete(payloads.keys().next().value as string);
  }
  return p;
}

export function hasPayload(id: string): boolean {
  return payloads.has(id);
}

async function buildEnv(ctx: WorkerContext, task: TaskDescription, payload: StagePayload, metrics: TaskMetrics, services: WorkerServices): Promise<TaskEnv> {
  const slices = new Map<string, readonly unknown[]>();
  for (const [rddId, p, elems] of task.slices) slices.set(`${rddId}:${p}`, elems);
  const persisted = new Set(task.persisted);
  // cached blocks this task may read, fetched from the executor's block store up front
  const cached = new Map<string, unknown[][]>();
  if (persisted.size > 0) {
    for (const { node, partition } of narrowAncestry(payload.rdd, task.partition)) {
      if (!persisted.has(node.id)) continue;
      const bytes = await services.getBlock(node.id, partition);
      if (bytes) cached.set(`${node.id}:${partition}`, decodeValue<unknown[][]>(bytes));
    }
  }
  const remote = await fetchRemoteBlocks(ctx, task.shuffleReads, metrics);
  return {
    stageId: task.stageId,
    partitionId: task.partition,
    attemptNumber: task.attempt,
    metrics,
    persisted,
    memoryLimitBytes: ctx.memoryLimitBytes,
    localDir: ctx.localDir,
    parallelSlice: (rddId, p) => slices.get(`${rddId}:${p}`) ?? [],
    getCached: (rddId, p) => cached.get(`${rddId}:${p}`),
    putCached: (rddId, p, batches) => void cached.set(`${rddId}:${p}`, batches as unknown[][]),
    readShuffle: (shuffleId, reducePartition) => shuffleInput(ctx, task, shuffleId, reducePartition, remote, metrics),
  };
}

function* shuffleInput(ctx: WorkerContext, task: TaskDescription, shuffleId: number, reducePartition: number, remote: Map<string, Buffer>, metrics: TaskMetrics): Generator<unknown[]> {
  const read = task.shuffleReads.find((r) => r.shuffleId === shuffleId && r.reducePartition === reducePartition);
  if (!read) throw new TsSparkError('INTERNAL', `task has no locations for shuffle ${shuffleId} partition ${reducePartition}`);
  for (const m of read.maps) {
    if (m.executorId === '') {
      // the driver has no output for this map (lost): never read around it — ask for the parent stage again
      throw new TsSparkError('FETCH_FAILED', `map output ${m.mapId} of shuffle ${shuffleId} is missing`, { details: { executorId: '', shuffleId, mapId: m.mapId, reduceId: reducePartition } });
    }
    if (m.size === 0) continue;
    let bytes: Buffer | undefined;
    if (m.executorId === ctx.executorId) {
      bytes = readLocalBlock(ctx.localDir, shuffleId, m.mapId, reducePartition);
    } else {
      bytes = remote.get(`${shuffleId}:${m.mapId}:${reducePartition}`);
      if (!bytes) throw new TsSparkError('FETCH_FAILED', `block shuffle_${shuffleId}_${m.mapId}_${reducePartition} was not fetched`, { details: { executorId: m.executorId, shuffleId, mapId: m.mapId, reduceId: reducePartition } });
    }
    metrics.shuffleBytesRead += bytes.length;
    for (const batch of decodeBlock(bytes, { shuffleId, mapId: m.mapId, reduceId: reducePartition })) {
      metrics.shuffleRecordsRead += batch.length;
      yield batch;
    }
  }
}

/** Fetches every remote block of the task's shuffle reads, grouped per executor, before computing. */
async function fetchRemoteBlocks(ctx: WorkerContext, reads: readonly ShuffleRead[], metrics: TaskMetrics): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  const byExecutor = new Map<string, { host: string; port: number; shuffleId: number; blocks: Array<{ mapId: number; reduceId: number }> }>();
  for (const r of reads) {
    for (const m of r.maps) {
      if (m.executorId === ctx.executorId || m.size === 0) continue;
      const key = `${m.executorId}:${r.shuffleId}`;
      let g = byExecutor.get(key);
      if (!g) {
        g = { host: m.host, port: m.port, shuffleId: r.shuffleId, blocks: [] };
        byExecutor.set(key, g);
      }
      g.blocks.push({ mapId: m.mapId, reduceId: r.reducePartition });
    }
  }
  if (byExecutor.size === 0) return out;
  const { fetchBlocks } = await import('../shuffle/rpc/shuffle-client.js');
  const start = performance.now();
  await Promise.all([...byExecutor.entries()].map(async ([key, g]) => {
    const executorId = key.slice(0, key.lastIndexOf(':'));
    for await (const b of fetchBlocks({ executorId, host: g.host, port: g.port }, { appId: ctx.appId, shuffleId: g.shuffleId, blocks: g.blocks }, ctx.authSecret ? { auth: { secret: ctx.authSecret } } : {})) {
      out.set(`${g.shuffleId}:${b.mapId}:${b.reduceId}`, b.data);
      metrics.shuffleRemoteBytesRead += b.data.length;
    }
  }));
  metrics.shuffleFetchWaitMs += performance.now() - start;
  return out;
}

