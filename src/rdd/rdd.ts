// The RDD facade: Spark's RDD API over an immutable lineage node. Transformations build nodes synchronously
// (transformations.ts, pair-functions.ts); actions run jobs and return Promises (actions.ts). No logic lives here.
import { TsSparkError } from '../common/errors.js';
import type { RddId } from '../common/ids.js';
import * as act from './actions.js';
import { debugString } from './debug-string.js';
import { canonicalKey } from './key-map.js';
import { numPartitions, partitionerOf } from './lineage.js';
import { hashPartitioner, type Partitioner } from './partitioner.js';
import * as pair from './pair-functions.js';
import { DRIVER_ONLY, type RddContext } from './rdd-context.js';
import type { Fn, RddNode } from './rdd-node.js';
import type { StatCounterView } from './stat-counter.js';
import { StorageLevel, storageLevelByName } from './storage-level.js';
import { checkFn, checkPartitions, defaultPartitioner, elementOp } from './transformations.js';
import { checkpointRdd } from './checkpoint.js';

type KeyOf<T> = T extends readonly [infer K, unknown] ? K : never;
type ValueOf<T> = T extends readonly [unknown, infer V] ? V : never;

export class RDD<T> {
  readonly [DRIVER_ONLY] = true;
  private checkpointRequested = false;

  constructor(readonly context: RddContext, readonly node: RddNode) {}

  get id(): RddId { return this.node.id; }
  get name(): string | undefined { return this.node.name; }
  getNumPartitions(): number { return numPartitions(this.node); }
  get partitioner(): Partitioner | undefined { return partitionerOf(this.node); }

  setName(name: string): RDD<T> {
    return new RDD<T>(this.context, { ...this.node, name } as RddNode);
  }

  private derive<U>(node: RddNode): RDD<U> { return new RDD<U>(this.context, node); }
  private el<U>(op: Parameters<typeof elementOp>[2], preserves = false): RDD<U> { return this.derive<U>(elementOp(this.context, this.node, op, preserves)); }

  // ---- narrow transformations
  map<U>(f: (x: T) => U): RDD<U> { return this.el({ op: 'map', fn: checkFn(f, 'map') }); }
  filter(f: (x: T) => boolean): RDD<T> { return this.el({ op: 'filter', fn: checkFn(f, 'filter') }, true); }
  flatMap<U>(f: (x: T) => Iterable<U>): RDD<U> { return this.el({ op: 'flat-map', fn: checkFn(f, 'flatMap') }); }
  mapValues<U>(f: (v: ValueOf<T>) => U): RDD<[KeyOf<T>, U]> { return this.el({ op: 'map-values', fn: checkFn(f, 'mapValues') }, true); }
  flatMapValues<U>(f: (v: ValueOf<T>) => Iterable<U>): RDD<[KeyOf<T>, U]> { return this.el({ op: 'flat-map-values', fn: checkFn(f, 'flatMapValues') }, true); }
  keyBy<K>(f: (x: T) => K): RDD<[K, T]> { return this.el({ op: 'key-by', fn: checkFn(f, 'keyBy') }); }
  keys(): RDD<KeyOf<T>> { return this.el({ op: 'keys' }); }
  values(): RDD<ValueOf<T>> { return this.el({ op: 'values' }); }

  mapPartitions<U>(f: (iter: Iterator<T> & Iterable<T>) => Iterable<U>, preservesPartitioning = false): RDD<U> {
    return this.derive({ kind: 'map-partitions', id: this.context.newRddId(), parent: this.node, fn: checkFn(f, 'mapPartitions'), withIndex: false, preservesPartitioning });
  }

  mapPartitionsWithIndex<U>(f: (index: number, iter: Iterator<T> & Iterable<T>) => Iterable<U>, preservesPartitioning = false): RDD<U> {
    return this.derive({ kind: 'map-partitions', id: this.context.newRddId(), parent: this.node, fn: checkFn(f, 'mapPartitionsWithIndex'), withIndex: true, preservesPartitioning });
  }

  glom(): RDD<T[]> { return this.derive({ kind: 'glom', id: this.context.newRddId(), parent: this.node }); }

  sample(withReplacement: boolean, fraction: number, seed: number = Math.floor(Math.random() * 2 ** 31)): RDD<T> {
    if (!(fraction >= 0)) throw new TsSparkError('INVALID_ARGUMENT', `sample fraction must be >= 0, got ${fraction}`);
    if (!withReplacement && fraction > 1) throw new TsSparkError('INVALID_ARGUMENT', `sample fraction must be <= 1 without replacement, got ${fraction}`);
    return this.derive({ kind: 'sample', id: this.context.newRddId(), parent: this.node, withReplacement, fraction, seed });
  }

  zipWithIndex(): RDD<[T, number]> { return this.derive({ kind: 'zip-with-index', id: this.context.newRddId(), parent: this.node }); }

  union(other: RDD<T>): RDD<T> { return this.derive({ kind: 'union', id: this.context.newRddId(), parents: [this.node, other.node] }); }

  cartesian<U>(other: RDD<U>): RDD<[T, U]> { return this.derive({ kind: 'cartesian', id: this.context.newRddId(), left: this.node, right: other.node }); }

  coalesce(numPartitions: number, shuffle = false): RDD<T> {
    const n = checkPartitions(numPartitions, 'coalesce');
    if (shuffle) return this.repartition(n);
    const parentN = this.getNumPartitions();
    if (n >= parentN) return this;
    return this.derive({ kind: 'coalesce', id: this.context.newRddId(), parent: this.node, numPartitions: n });
  }

  /** Redistributes elements round-robin over `numPartitions` partitions through a shuffle. */
  repartition(numPartitions: number): RDD<T> {
    const n = checkPartitions(numPartitions, 'repartition');
    const keyed = this.mapPartitionsWithIndex(function* (index: number, iter: Iterable<T>) {
      let pos = (index * 7919) % n;
      for (const x of iter) {
        yield [pos, x] as [number, T];
        pos = pos + 1 === n ? 0 : pos + 1;
      }
    });
    return keyed.derive<[number, T]>(pair.partitionByNode(this.context, keyed.node, hashPartitioner(n))).values() as RDD<T>;
  }

  distinct(numPartitions?: number): RDD<T> {
    const pairs = this.map((x) => [x, null] as [T, null]);
    return pairs.reduceByKey((a: null) => a, numPartitions).keys() as RDD<T>;
  }

  // ---- key-value transformations
  combineByKey<C>(createCombiner: (v: ValueOf<T>) => C, mergeValue: (c: C, v: ValueOf<T>) => C, mergeCombiners: (a: C, b: C) => C, numPartitions?: number | Partitioner): RDD<[KeyOf<T>, C]> {
    const p = typeof numPartitions === 'object' ? numPartitions : defaultPartitioner(this.context, [this.node], numPartitions);
    const agg = { createCombiner: checkFn(createCombiner, 'combineByKey'), mergeValue: checkFn(mergeValue, 'combineByKey'), mergeCombiners: checkFn(mergeCombiners, 'combineByKey') };
    return this.derive(pair.combineByKeyNode(this.context, this.node, agg, p));
  }

  reduceByKey(f: (a: ValueOf<T>, b: ValueOf<T>) => ValueOf<T>, numPartitions?: number | Partitioner): RDD<[KeyOf<T>, ValueOf<T>]> {
    const fn = checkFn(f, 'reduceByKey');
    const p = typeof numPartitions === 'object' ? numPartitions : defaultPartitioner(this.context, [this.node], numPartitions);
    return this.derive(pair.combineByKeyNode(this.context, this.node, pair.reduceAggregator(fn), p));
  }

  foldByKey(zero: ValueOf<T>, f: (a: ValueOf<T>, b: ValueOf<T>) => ValueOf<T>, numPartitions?: number): RDD<[KeyOf<T>, ValueOf<T>]> {
    const fn = checkFn(f, 'foldByKey');
    return this.combineByKey((v) => fn(structuredClone(zero), v), fn, fn, numPartitions);
  }

  aggregateByKey<U>(zero: U, seqOp: (u: U, v: ValueOf<T>) => U, combOp: (a: U, b: U) => U, numPartitions?: number): RDD<[KeyOf<T>, U]> {
    const s = checkFn(seqOp, 'aggregateByKey');
    return this.combineByKey((v) => s(structuredClone(zero), v) as U, s, checkFn(combOp, 'aggregateByKey'), numPartitions);
  }

  groupByKey(numPartitions?: number | Partitioner): RDD<[KeyOf<T>, ValueOf<T>[]]> {
    const p = typeof numPartitions === 'object' ? numPartitions : defaultPartitioner(this.context, [this.node], numPartitions);
    return this.derive(pair.combineByKeyNode(this.context, this.node, pair.groupByKeyAggregator(), p, false));
  }

  groupBy<K>(f: (x: T) => K, numPartitions?: number): RDD<[K, T[]]> {
    return this.keyBy(f).groupByKey(numPartitions) as unknown as RDD<[K, T[]]>;
  }

  partitionBy(numPartitions: number | Partitioner): RDD<T> {
    const p = typeof numPartitions === 'object' ? numPartitions : hashPartitioner(checkPartitions(numPartitions, 'partitionBy'));
    return this.derive(pair.partitionByNode(this.context, this.node, p));
  }

  cogroup<W>(other: RDD<[KeyOf<T>, W]>, numPartitions?: number): RDD<[KeyOf<T>, [ValueOf<T>[], W[]]]> {
    const p = defaultPartitioner(this.context, [this.node, other.node], numPartitions);
    return this.derive(pair.cogroupNode(this.context, [this.node, other.node], p));
  }

  /** Spark's groupWith: cogroup with several others; values are arrays per input. */
  groupWith(...others: RDD<[KeyOf<T>, unknown]>[]): RDD<[KeyOf<T>, unknown[][]]> {
    const nodes = [this.node, ...others.map((o) => o.node)];
    return this.derive(pair.cogroupNode(this.context, nodes, defaultPartitioner(this.context, nodes)));
  }

  join<W>(other: RDD<[KeyOf<T>, W]>, numPartitions?: number): RDD<[KeyOf<T>, [ValueOf<T>, W]]> { return this.joinWith(other, 'inner', numPartitions); }
  leftOuterJoin<W>(other: RDD<[KeyOf<T>, W]>, numPartitions?: number): RDD<[KeyOf<T>, [ValueOf<T>, W | null]]> { return this.joinWith(other, 'left', numPartitions); }
  rightOuterJoin<W>(other: RDD<[KeyOf<T>, W]>, numPartitions?: number): RDD<[KeyOf<T>, [ValueOf<T> | null, W]]> { return this.joinWith(other, 'right', numPartitions); }
  fullOuterJoin<W>(other: RDD<[KeyOf<T>, W]>, numPartitions?: number): RDD<[KeyOf<T>, [ValueOf<T> | null, W | null]]> { return this.joinWith(other, 'full', numPartitions); }

  private joinWith<R>(other: RDD<unknown>, how: pair.JoinKind, numPartitions?: number): RDD<R> {
    const p = defaultPartitioner(this.context, [this.node, other.node], numPartitions);
    return this.derive(pair.joinNode(this.context, this.node, other.node, p, how));
  }

  subtractByKey<W>(other: RDD<[KeyOf<T>, W]>, numPartitions?: number): RDD<T> {
    return this.cogroup(other, numPartitions)
      .filter(([, [vs, ws]]) => vs.length > 0 && ws.length === 0)
      .flatMap(([k, [vs]]) => vs.map((v) => [k, v])) as unknown as RDD<T>;
  }

  subtract(other: RDD<T>, numPartitions?: number): RDD<T> {
    const a = this.map((x) => [x, null] as [T, null]);
    const b = other.map((x) => [x, null] as [T, null]);
    return a.subtractByKey(b as RDD<[KeyOf<[T, null]>, null]>, numPartitions ?? this.getNumPartitions()).keys() as RDD<T>;
  }

  intersection(other: RDD<T>, numPartitions?: number): RDD<T> {
    const a = this.map((x) => [x, null] as [T, null]);
    const b = other.map((x) => [x, null] as [T, null]);
    return a.cogroup(b as RDD<[KeyOf<[T, null]>, null]>, numPartitions)
      .filter(([, [vs, ws]]) => vs.length > 0 && ws.length > 0)
      .keys() as RDD<T>;
  }

  sortByKey(ascending = true, numPartitions?: number): RDD<T> {
    return this.derive(pair.sortByKeyNode(this.context, this.node, ascending, numPartitions));
  }

  sortBy<K>(f: (x: T) => K, ascending = true, numPartitions?: number): RDD<T> {
    return this.keyBy(f).sortByKey(ascending, numPartitions).values() as RDD<T>;
  }

  // ---- persistence
  persist(level: StorageLevel | string = StorageLevel.MEMORY_ONLY): this {
    const next = typeof level === 'string' ? storageLevelByName(level) : level;
    const current = this.context.storageLevelOf(this.id);
    const same = (a: StorageLevel, b: StorageLevel): boolean => a.useDisk === b.useDisk && a.useMemory === b.useMemory && a.deserialized === b.deserialized && a.replication === b.replication;
    if (current && !same(current, next)) {
      throw new TsSparkError('UNSUPPORTED', 'Cannot change storage level of an RDD after it was already assigned a level', { hint: 'unpersist() it first' });
    }
    this.context.persist(this.id, next);
    return this;
  }
  cache(): this { return this.persist(StorageLevel.MEMORY_ONLY); }
  unpersist(): this { this.context.unpersist(this.id); return this; }
  getStorageLevel(): StorageLevel { return this.context.storageLevelOf(this.id) ?? StorageLevel.NONE; }

  /** Marks this RDD for checkpointing: its partitions are saved under sc.setCheckpointDir after the next action. */
  checkpoint(): void {
    if (!this.context.checkpointDir) throw new TsSparkError('INVALID_ARGUMENT', 'Checkpoint directory has not been set in the SparkContext', { hint: 'call sc.setCheckpointDir(dir) first' });
    this.checkpointRequested = true;
  }
  isCheckpointed(): boolean { return this.context.replacementFor(this.id)?.kind === 'checkpoint-file'; }
  getCheckpointFile(): string | undefined { const r = this.context.replacementFor(this.id); return r?.kind === 'checkpoint-file' ? r.dir : undefined; }

  private async after<R>(p: Promise<R>): Promise<R> {
    const r = await p;
    if (this.checkpointRequested && !this.isCheckpointed()) await checkpointRdd(this.context, this.node);
    return r;
  }

  // ---- actions
  collect(): Promise<T[]> { return this.after(act.collect(this.context, this.node) as Promise<T[]>); }
  count(): Promise<number> { return this.after(act.count(this.context, this.node)); }
  first(): Promise<T> {
    return this.take(1).then((r) => {
      if (r.length === 0) throw new TsSparkError('UNSUPPORTED', 'empty collection: first() on an empty RDD');
      return r[0]!;
    });
  }
  take(n: number): Promise<T[]> { return this.after(act.take(this.context, this.node, n) as Promise<T[]>); }
  takeOrdered(n: number, key?: (x: T) => unknown): Promise<T[]> { return this.after(act.takeOrdered(this.context, this.node, n, true, key) as Promise<T[]>); }
  top(n: number, key?: (x: T) => unknown): Promise<T[]> { return this.after(act.takeOrdered(this.context, this.node, n, false, key) as Promise<T[]>); }
  reduce(f: (a: T, b: T) => T): Promise<T> { return this.after(act.reduce(this.context, this.node, checkFn(f, 'reduce')) as Promise<T>); }
  fold(zero: T, f: (a: T, b: T) => T): Promise<T> { return this.after(act.fold(this.context, this.node, zero, checkFn(f, 'fold')) as Promise<T>); }
  aggregate<U>(zero: U, seqOp: (u: U, x: T) => U, combOp: (a: U, b: U) => U): Promise<U> {
    return this.after(act.aggregate(this.context, this.node, zero, checkFn(seqOp, 'aggregate'), checkFn(combOp, 'aggregate')) as Promise<U>);
  }
  sum(): Promise<number> { return this.fold(0 as T, ((a: number, b: number) => a + b) as unknown as (a: T, b: T) => T) as Promise<unknown> as Promise<number>; }
  stats(): Promise<StatCounterView> { return this.after(act.stats(this.context, this.node)); }
  mean(): Promise<number> { return this.stats().then((s) => s.mean); }
  variance(): Promise<number> { return this.stats().then((s) => s.variance); }
  stdev(): Promise<number> { return this.stats().then((s) => s.stdev); }
  sampleStdev(): Promise<number> { return this.stats().then((s) => s.sampleStdev); }
  max(key?: (x: T) => unknown): Promise<T> { return this.top(1, key).then((r) => nonEmpty(r, 'max')); }
  min(key?: (x: T) => unknown): Promise<T> { return this.takeOrdered(1, key).then((r) => nonEmpty(r, 'min')); }
  countByValue(): Promise<Map<T, number>> { return this.after(act.countByValue(this.context, this.node) as Promise<Map<T, number>>); }
  countByKey(): Promise<Map<KeyOf<T>, number>> { return this.keys().countByValue() as Promise<Map<KeyOf<T>, number>>; }
  async collectAsMap(): Promise<Map<KeyOf<T>, ValueOf<T>>> {
    const rows = (await this.collect()) as unknown as Array<[KeyOf<T>, ValueOf<T>]>;
    return new Map(rows);
  }
  async lookup(key: KeyOf<T>): Promise<ValueOf<T>[]> {
    const rows = await this.filter((kv) => equalKeys((kv as unknown as [unknown, unknown])[0], key)).values().collect();
    return rows as ValueOf<T>[];
  }
  isEmpty(): Promise<boolean> { return this.take(1).then((r) => r.length === 0); }
  async foreach(f: (x: T) => void): Promise<void> { await this.after(act.runAction(this.context, this.node, { kind: 'foreach', fn: checkFn(f, 'foreach') }, 'foreach')); }
  async foreachPartition(f: (iter: Iterator<T> & Iterable<T>) => void | Promise<void>): Promise<void> {
    await this.after(act.runAction(this.context, this.node, { kind: 'foreach-partition', fn: checkFn(f, 'foreachPartition', true) }, 'foreachPartition'));
  }
  saveAsTextFile(path: string): Promise<void> { return this.after(act.saveAsTextFile(this.context, this.node, path)); }

  toDebugString(): string {
    const checkpointOf = (id: number): RddNode | undefined => {
      const r = this.context.replacementFor(id as RddId);
      return r?.kind === 'checkpoint-file' ? r : undefined;
    };
    return debugString(this.node, (id) => this.context.storageLevelOf(id as RddId), checkpointOf);
  }
  toString(): string { return `RDD[${this.id}]`; }
}

function nonEmpty<T>(r: T[], what: string): T {
  if (r.length === 0) throw new TsSparkError('UNSUPPORTED', `empty collection: ${what}() on an empty RDD`);
  return r[0]!;
}

function equalKeys(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) return canonicalKey(a) === canonicalKey(b);
  return false;
}
