// Driver side of SQL metrics for one execution: meters every operator's RDD (to-rdd.ts asks through metricsFor),
// folds the executors' updates from one collection accumulator, and snapshots the values per metric id.
import type { Accumulator } from '../../rdd/accumulator.js';
import type { RDD } from '../../rdd/rdd.js';
import type { RddNode } from '../../rdd/rdd-node.js';
import type { PhysicalPlan } from '../../planner/physical/physical-plan.js';
import type { ColumnBatch } from '../batch/column-batch.js';
import type { ReadTask } from '../sources/index.js';
import { meteredBatches, type MeterSpec } from './metered-batches.js';
import { OUTPUT_ROWS, pipelinedChild, preOrder, sqlPlanGraph, type SqlPlanGraph } from './sql-plan-graph.js';

const PARTITION_SPAN = 2 ** 24;
const TIME_METRICS = new Set(['time in aggregation build', 'join time', 'sort time', 'window time', 'scan time']);

export class SqlMetrics {
  readonly graph: SqlPlanGraph;
  private readonly ids = new Map<PhysicalPlan, number>();
  private readonly nodes: ReadonlyArray<{ readonly plan: PhysicalPlan; readonly parent: number }>;
  private readonly numMetrics: number;
  /** Visible metric values by id, then each node's inclusive time (ms) at numMetrics + nodeId. */
  private readonly totals: Float64Array;
  /**
   * The largest value each partition reported per slot (key slot * 2^24 + partition). A partition computed twice
   * (a range exchange's sampling job, a retried task, recomputation after a lost shuffle) counts once, so
   * "number of output rows" is the rows of the data, not of the work done.
   */
  private readonly byPartition = new Map<number, number>();
  private changed = true;
  /** Meter RDD ids of exchange inputs -> the exchange; map-stage RDD ids -> the exchange whose shuffle they write. */
  private readonly exchangeOfMeter = new Map<number, number>();
  private readonly exchangeOfMapRdd = new Map<number, number>();
  /** Shuffle writes of the stages submitted while this execution ran (attributed once their RDD is resolved). */
  private readonly stages = new Map<number, { rddIds: readonly number[]; bytes: number; timeMs: number }>();

  constructor(plan: PhysicalPlan, private readonly acc: Accumulator<unknown[]>) {
    this.graph = sqlPlanGraph(plan);
    this.nodes = preOrder(plan);
    this.nodes.forEach((n, i) => { if (!this.ids.has(n.plan)) this.ids.set(n.plan, i); });
    this.numMetrics = this.graph.nodes.reduce((s, n) => s + n.metrics.length, 0);
    this.totals = new Float64Array(this.numMetrics + this.nodes.length);
    this.nodes.forEach((n, i) => {
      if (n.plan.kind === 'exchange') this.set(i, 'number of partitions', n.plan.partitioning.kind === 'single' ? 1 : n.plan.partitioning.numPartitions);
    });
  }

  private slot(nodeId: number, name: string): number {
    return this.graph.nodes[nodeId]?.metrics.find((m) => m.name === name)?.accumulatorId ?? -1;
  }

  private set(nodeId: number, name: string, value: number): void {
    const s = this.slot(nodeId, name);
    if (s >= 0) { this.totals[s] = value; this.changed = true; }
  }

  /** The operator's RDD, passed through a counter of its output (exchanges are counted by their input's meter). */
  meter(p: PhysicalPlan, rdd: RDD<ColumnBatch>): RDD<ColumnBatch> {
    const id = this.ids.get(p);
    if (id === undefined || p.kind === 'exchange') return rdd;
    const parent = this.nodes[id]!.parent;
    const pk = parent >= 0 ? this.nodes[parent]!.plan.kind : undefined;
    const spec: MeterSpec = {
      rows: this.slot(id, OUTPUT_ROWS),
      incl: this.numMetrics + id,
      spill: this.slot(id, 'spill size'),
      outRows: pk === 'exchange' ? this.slot(parent, 'shuffle records written') : pk === 'broadcast_exchange' ? this.slot(parent, OUTPUT_ROWS) : -1,
      outBytes: pk === 'exchange' || pk === 'broadcast_exchange' ? this.slot(parent, 'data size') : -1,
    };
    const sink = this.acc;
    const metered = rdd.mapPartitionsWithIndex((i, it) => meteredBatches(it, spec, sink, i));
    if (pk === 'exchange') this.exchangeOfMeter.set(metered.id, parent);
    return metered;
  }

  /** Finds the map side of every shuffle in the query's lineage, so stage shuffle writes reach their exchange. */
  lineage(root: RDD<unknown>): void {
    for (const [mapRdd, exchange] of shuffleWriters(root.node, this.exchangeOfMeter)) this.exchangeOfMapRdd.set(mapRdd, exchange);
    this.changed = true;
  }

  stageSubmitted(stageId: number, rddIds: readonly number[]): void {
    if (!this.stages.has(stageId)) this.stages.set(stageId, { rddIds, bytes: 0, timeMs: 0 });
  }

  /** A successful task's shuffle write (from its task metrics). */
  taskEnded(stageId: number, bytes: number, timeMs: number): void {
    const s = this.stages.get(stageId);
    if (!s || (bytes === 0 && timeMs === 0)) return;
    s.bytes += bytes;
    s.timeMs += timeMs;
    this.changed = true;
  }

  private shuffleWrites(): Map<number, { bytes: number; timeMs: number }> {
    const out = new Map<number, { bytes: number; timeMs: number }>();
    for (const s of this.stages.values()) {
      const ex = s.rddIds.map((id) => this.exchangeOfMapRdd.get(id)).find((x) => x !== undefined);
      if (ex === undefined) continue;
      const w = out.get(ex) ?? { bytes: 0, timeMs: 0 };
      w.bytes += s.bytes;
      w.timeMs += s.timeMs;
      out.set(ex, w);
    }
    return out;
  }

  /** A file scan's planned splits: files, partitions and bytes it reads. */
  scanned(p: PhysicalPlan, tasks: readonly ReadTask[]): void {
    const id = this.ids.get(p);
    if (id === undefined) return;
    const files = new Set<string>();
    let bytes = 0;
    for (const t of tasks) for (const s of t.splits) { files.add(s.path); bytes += s.length; }
    this.set(id, 'number of files read', files.size);
    this.set(id, 'number of partitions read', tasks.length);
    this.set(id, 'size of files read', bytes);
  }

  /** Folds the task updates merged into the accumulator since the last call; true when any value changed. */
  drain(): boolean {
    const updates = this.acc.value;
    if (updates.length > 0) {
      this.acc.value = [];
      for (const u of updates) {
        const a = u as readonly number[];
        const part = a[0]!;
        for (let i = 1; i + 1 < a.length; i += 2) {
          const s = a[i]!;
          if (!(s >= 0 && s < this.totals.length)) continue;
          const key = s * PARTITION_SPAN + part;
          const old = this.byPartition.get(key) ?? 0;
          const v = a[i + 1]!;
          if (v > old) {
            this.byPartition.set(key, v);
            this.totals[s]! += v - old;
          }
        }
      }
      this.changed = true;
    }
    const c = this.changed;
    this.changed = false;
    return c;
  }

  /** [metric id, value] for every metric; operator times are inclusive time minus pipelined children's. */
  snapshot(): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    const incl = (i: number): number => this.totals[this.numMetrics + i]!;
    const writes = this.shuffleWrites();
    for (const n of this.graph.nodes) {
      for (const m of n.metrics) {
        let v = this.totals[m.accumulatorId]!;
        if (m.name === 'shuffle bytes written') v = writes.get(n.nodeId)?.bytes ?? 0;
        else if (m.name === 'shuffle write time') v = writes.get(n.nodeId)?.timeMs ?? 0;
        else if (TIME_METRICS.has(m.name)) {
          let own = incl(n.nodeId);
          this.nodes.forEach((c, i) => { if (c.parent === n.nodeId && pipelinedChild(c.plan)) own -= incl(i); });
          v = Math.max(0, own);
        }
        out.push([m.accumulatorId, Math.round(v * 1000) / 1000]);
      }
    }
    return out;
  }
}

/**
 * [map-side RDD id, exchange node id] for every shuffle under `root`: the map side of a shuffle is attributed to
 * the exchange whose input meter it reads (found by walking its narrow ancestors). The walk reads RDD nodes
 * structurally (parent / parents / left, right) so new RDD kinds need no change here.
 */
function shuffleWriters(root: RddNode, exchangeOfMeter: ReadonlyMap<number, number>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const seen = new Set<number>();
  const meterBelow = (n: RddNode): number | undefined => {
    const stack = [n];
    const visited = new Set<number>();
    while (stack.length > 0) {
      const x = stack.pop()!;
      if (visited.has(x.id)) continue;
      visited.add(x.id);
      const ex = exchangeOfMeter.get(x.id);
      if (ex !== undefined) return ex;
      if (x.kind !== 'shuffled' && x.kind !== 'cogroup') stack.push(...parentsOf(x));
    }
    return undefined;
  };
  const stack = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (seen.has(n.id)) continue;
    seen.add(n.id);
    const mapSides = n.kind === 'shuffled' ? [n.parent] : n.kind === 'cogroup' ? n.parents.filter((p) => p.dep === 'shuffle').map((p) => p.node) : [];
    for (const m of mapSides) {
      const ex = meterBelow(m);
      if (ex !== undefined) out.push([m.id, ex]);
    }
    stack.push(...parentsOf(n));
  }
  return out;
}

function parentsOf(n: RddNode): RddNode[] {
  const r = n as unknown as { parent?: RddNode; parents?: ReadonlyArray<RddNode | { node: RddNode }>; left?: RddNode; right?: RddNode };
  const out: RddNode[] = [];
  if (r.parent) out.push(r.parent);
  for (const p of r.parents ?? []) out.push('node' in p && !('kind' in p) ? p.node : (p as RddNode));
  if (r.left) out.push(r.left);
  if (r.right) out.push(r.right);
  return out;
}

const attached = new WeakMap<object, SqlMetrics>();

/** Binds an execution's metrics to the runtime object its plan is turned into RDDs with. */
export function attachMetrics(runtime: object, metrics: SqlMetrics): void {
  attached.set(runtime, metrics);
}

export function metricsFor(runtime: object): SqlMetrics | undefined {
  return attached.get(runtime);
}
