// Where each map task's shuffle output lives and how big each of its blocks is. Changed only by the DAG
// scheduler's event loop; read when building reduce tasks.
import type { MapLocation } from '../rdd/wire/task-description.js';

export interface MapStatus {
  readonly executorId: string;
  readonly host: string;
  readonly port: number;
  readonly sizes: readonly number[];
}

export class MapOutputTracker {
  private readonly shuffles = new Map<number, Array<MapStatus | undefined>>();

  register(shuffleId: number, numMaps: number): void {
    if (!this.shuffles.has(shuffleId)) this.shuffles.set(shuffleId, new Array<MapStatus | undefined>(numMaps).fill(undefined));
  }

  isRegistered(shuffleId: number): boolean {
    return this.shuffles.has(shuffleId);
  }

  addMapOutput(shuffleId: number, mapId: number, status: MapStatus): void {
    const s = this.shuffles.get(shuffleId);
    if (s) s[mapId] = status;
  }

  missingMaps(shuffleId: number): number[] {
    const s = this.shuffles.get(shuffleId);
    if (!s) return [];
    const out: number[] = [];
    s.forEach((m, i) => {
      if (!m) out.push(i);
    });
    return out;
  }

  isComplete(shuffleId: number): boolean {
    const s = this.shuffles.get(shuffleId);
    return !!s && s.every((m) => m !== undefined);
  }

  /** Locations of every map output's block for one reduce partition. */
  locations(shuffleId: number, reducePartition: number): MapLocation[] {
    const s = this.shuffles.get(shuffleId) ?? [];
    return s.map((m, mapId) => ({
      mapId,
      executorId: m?.executorId ?? '',
      host: m?.host ?? '',
      port: m?.port ?? 0,
      size: m?.sizes[reducePartition] ?? 0,
    }));
  }

  /** Bytes per reduce partition summed over all maps (for adaptive coalescing and the UI). */
  reduceSizes(shuffleId: number): number[] {
    const s = this.shuffles.get(shuffleId) ?? [];
    const n = s.find((m) => m)?.sizes.length ?? 0;
    const out = new Array<number>(n).fill(0);
    for (const m of s) if (m) m.sizes.forEach((b, i) => (out[i]! += b));
    return out;
  }

  /** Forgets every output on an executor; returns the shuffle ids that lost something. */
  removeOutputsOnExecutor(executorId: string): number[] {
    const affected: number[] = [];
    for (const [id, s] of this.shuffles) {
      let lost = false;
      s.forEach((m, i) => {
        if (m?.executorId === executorId) {
          s[i] = undefined;
          lost = true;
        }
      });
      if (lost) affected.push(id);
    }
    return affected;
  }

  removeMapOutput(shuffleId: number, mapId: number, executorId: string): void {
    const s = this.shuffles.get(shuffleId);
    if (s && s[mapId]?.executorId === executorId) s[mapId] = undefined;
  }

  unregister(shuffleId: number): void {
    this.shuffles.delete(shuffleId);
  }
}
