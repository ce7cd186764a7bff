// The executor's store of cached RDD partitions (persist/cache), as serialized batches in memory.
// Keys are `rdd_{rddId}_{partition}`, as Spark names blocks.

export class BlockStore {
  private readonly blocks = new Map<string, Uint8Array>();
  private bytes = 0;

  get(rddId: number, partition: number): Uint8Array | undefined {
    return this.blocks.get(blockName(rddId, partition));
  }

  put(rddId: number, partition: number, data: Uint8Array): void {
    const k = blockName(rddId, partition);
    const prev = this.blocks.get(k);
    if (prev) this.bytes -= prev.length;
    this.blocks.set(k, data);
    this.bytes += data.length;
  }

  removeRdd(rddId: number): void {
    const prefix = `rdd_${rddId}_`;
    for (const [k, v] of this.blocks) {
      if (k.startsWith(prefix)) {
        this.blocks.delete(k);
        this.bytes -= v.length;
      }
    }
  }

  get memoryUsed(): number {
    return this.bytes;
  }
}

export function blockName(rddId: number, partition: number): string {
  return `rdd_${rddId}_${partition}`;
}
