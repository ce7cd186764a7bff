// The executor's store of cached RDD partitions (persist/cache) as serialized batches, keyed `rdd_{rddId}_{p}` as
// Spark names blocks. Memory holds blocks up to a byte cap with least-recently-used eviction: a block whose storage
// level allows disk moves to `<localDir>/blocks/`, a memory-only block is dropped (lineage recomputes it).
import fs from 'node:fs';
import path from 'node:path';

export interface BlockPlacement {
  readonly useMemory: boolean;
  readonly useDisk: boolean;
}

interface MemoryBlock {
  readonly data: Uint8Array;
  readonly placement: BlockPlacement;
}

export class BlockStore {
  /** Insertion order doubles as LRU order: a read re-inserts. */
  private readonly memory = new Map<string, MemoryBlock>();
  private readonly onDisk = new Set<string>();
  private bytes = 0;

  constructor(private readonly dir: string, private readonly memoryCapBytes: number) {}

  get(rddId: number, partition: number): Uint8Array | undefined {
    const name = blockName(rddId, partition);
    const m = this.memory.get(name);
    if (m) {
      this.memory.delete(name);
      this.memory.set(name, m);
      return m.data;
    }
    if (this.onDisk.has(name)) {
      try {
        return fs.readFileSync(path.join(this.dir, name));
      } catch {
        this.onDisk.delete(name);
      }
    }
    return undefined;
  }

  put(rddId: number, partition: number, data: Uint8Array, placement: BlockPlacement = { useMemory: true, useDisk: false }): void {
    const name = blockName(rddId, partition);
    this.remove(name);
    if (placement.useMemory && data.length <= this.memoryCapBytes) {
      this.memory.set(name, { data, placement });
      this.bytes += data.length;
      this.evict();
    } else if (placement.useDisk) this.writeDisk(name, data);
  }

  removeRdd(rddId: number): void {
    const prefix = `rdd_${rddId}_`;
    for (const k of [...this.memory.keys(), ...this.onDisk]) if (k.startsWith(prefix)) this.remove(k);
  }

  get memoryUsed(): number {
    return this.bytes;
  }

  get diskBlocks(): number {
    return this.onDisk.size;
  }

  private remove(name: string): void {
    const m = this.memory.get(name);
    if (m) {
      this.memory.delete(name);
      this.bytes -= m.data.length;
    }
    if (this.onDisk.delete(name)) fs.rmSync(path.join(this.dir, name), { force: true });
  }

  private evict(): void {
    for (const [name, b] of this.memory) {
      if (this.bytes <= this.memoryCapBytes) return;
      this.memory.delete(name);
      this.bytes -= b.data.length;
      if (b.placement.useDisk) this.writeDisk(name, b.data);
    }
  }

  private writeDisk(name: string, data: Uint8Array): void {
    fs.mkdirSync(this.dir, { recursive: true });
    const tmp = path.join(this.dir, `${name}.tmp-${process.pid}`);
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, path.join(this.dir, name));
    this.onDisk.add(name);
  }
}

export function blockName(rddId: number, partition: number): string {
  return `rdd_${rddId}_${partition}`;
}
