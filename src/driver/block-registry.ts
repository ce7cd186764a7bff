// The driver's view of cached RDD partitions (Spark's BlockManagerMaster): which executor holds which block and
// how big it is. Feeds locality preferences for tasks and the Storage page; forgets an executor's blocks when it
// is lost.

export interface CachedBlock {
  readonly executorId: string;
  readonly bytes: number;
}

export class BlockRegistry {
  private readonly rdds = new Map<number, Map<number, CachedBlock>>();

  stored(executorId: string, blocks: ReadonlyArray<readonly [number, number, number]>): void {
    for (const [rddId, partition, bytes] of blocks) {
      let m = this.rdds.get(rddId);
      if (!m) this.rdds.set(rddId, (m = new Map()));
      m.set(partition, { executorId, bytes });
    }
  }

  executorLost(executorId: string): void {
    for (const m of this.rdds.values()) for (const [p, b] of m) if (b.executorId === executorId) m.delete(p);
  }

  removeRdd(rddId: number): void {
    this.rdds.delete(rddId);
  }

  location(rddId: number, partition: number): string | undefined {
    return this.rdds.get(rddId)?.get(partition)?.executorId;
  }

  blocksOf(rddId: number): ReadonlyMap<number, CachedBlock> {
    return this.rdds.get(rddId) ?? new Map();
  }
}
