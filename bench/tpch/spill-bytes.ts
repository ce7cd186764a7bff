// Bytes a benchmark query spilled: memoryBytesSpilled and diskBytesSpilled (Spark's StageData) of the stages that
// ran since the previous reading, from the driver's REST API. Stage ids only grow, so "since" is "id above the last
// one seen" — robust to the status store evicting old stages.

interface RestStage { readonly stageId?: unknown; readonly memoryBytesSpilled?: unknown; readonly diskBytesSpilled?: unknown }

export interface SpillReading { readonly memoryBytes: number; readonly diskBytes: number; readonly lastStageId: number }

/** Spill of the stages with an id above afterStageId, or null when the REST API cannot be read. */
export async function spillSince(uiUrl: string | null | undefined, appId: string | undefined, afterStageId: number): Promise<SpillReading | null> {
  if (uiUrl === undefined || uiUrl === null || appId === undefined) return null;
  try {
    const res = await fetch(`${uiUrl}/api/v1/applications/${encodeURIComponent(appId)}/stages`);
    if (!res.ok) return null;
    let memoryBytes = 0, diskBytes = 0, lastStageId = afterStageId;
    for (const s of (await res.json()) as RestStage[]) {
      if (typeof s.stageId !== 'number' || s.stageId <= afterStageId) continue;
      lastStageId = Math.max(lastStageId, s.stageId);
      if (typeof s.memoryBytesSpilled === 'number') memoryBytes += s.memoryBytesSpilled;
      if (typeof s.diskBytesSpilled === 'number') diskBytes += s.diskBytesSpilled;
    }
    return { memoryBytes, diskBytes, lastStageId };
  } catch {
    return null;
  }
}
