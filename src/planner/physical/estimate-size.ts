// Size estimates (bytes) of logical plans for join planning: local data by rows × columns, ranges by count,
// files by their size on disk; filters and projections keep their input's estimate (Spark's default stats).
import fs from 'node:fs';
import type { LogicalPlan } from '../logical/logical-plan.js';
import { planChildren } from '../optimizer/plan-utils.js';

const UNKNOWN = Number.MAX_SAFE_INTEGER;

function fileBytes(p: string): number {
  try {
    const st = fs.statSync(p);
    if (!st.isDirectory()) return st.size;
    return fs.readdirSync(p).reduce((s, f) => s + (f.startsWith('_') || f.startsWith('.') ? 0 : fileBytes(`${p}/${f}`)), 0);
  } catch {
    return UNKNOWN;
  }
}

export function estimateSize(p: LogicalPlan): number {
  switch (p.kind) {
    case 'file_scan': return p.source.paths.reduce((s, f) => Math.min(UNKNOWN, s + fileBytes(f)), 0);
    case 'local_relation': return p.batches.reduce((s, b) => s + b.numRows * Math.max(1, b.columns.length) * 8, 0);
    case 'range': return Math.max(0, Math.ceil((p.end - p.start) / p.step)) * 8;
    case 'rdd_scan': return UNKNOWN;
    case 'limit': return Math.min(estimateSize(p.input), (p.limit + p.offset) * 64);
    case 'join': return p.type === 'left_semi' || p.type === 'left_anti' ? estimateSize(p.left) : Math.min(UNKNOWN, estimateSize(p.left) * Math.max(1, p.type === 'cross' ? estimateSize(p.right) / 8 : 1) + estimateSize(p.right));
    default: return planChildren(p).reduce((s, c) => Math.min(UNKNOWN, s + estimateSize(c)), 0);
  }
}
