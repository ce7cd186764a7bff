// Size estimates (bytes) of logical plans for join planning: local data by rows × columns, ranges by count,
// files by their size on disk scaled to the columns read (Spark's Project stats: size × outputRowSize /
// childRowSize with its per-type default sizes); filters keep their input's estimate (Spark's default stats).
import fs from 'node:fs';
import type { LogicalPlan } from '../logical/logical-plan.js';
import { planChildren } from '../optimizer/plan-utils.js';
import type { DataType } from '../../sql/types/data-type.js';

/** Spark's DataType.defaultSize, as getSizePerRow uses it (8 bytes of row overhead added per row). */
function defaultSize(t: DataType): number {
  switch (t.kind) {
    case 'boolean': case 'byte': return 1;
    case 'short': return 2;
    case 'int': case 'date': case 'float': return 4;
    case 'long': case 'double': case 'timestamp': case 'timestamp_ntz': return 8;
    case 'decimal': return t.precision <= 18 ? 8 : 16;
    case 'string': case 'binary': return 20;
    default: return 20;
  }
}

function rowSize(types: readonly DataType[]): number {
  return types.reduce((s, t) => s + defaultSize(t), 8);
}

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
    case 'file_scan': {
      const bytes = p.source.paths.reduce((s, f) => Math.min(UNKNOWN, s + fileBytes(f)), 0);
      if (bytes >= UNKNOWN || p.source.schema.fields.length === 0) return bytes;
      const ratio = rowSize(p.output.map((a) => a.type)) / rowSize(p.source.schema.fields.map((f) => f.type));
      return Math.ceil(bytes * Math.min(1, ratio));
    }
    case 'local_relation': return p.batches.reduce((s, b) => s + b.numRows * Math.max(1, b.columns.length) * 8, 0);
    case 'range': return Math.max(0, Math.ceil((p.end - p.start) / p.step)) * 8;
    case 'rdd_scan': return UNKNOWN;
    case 'limit': return p.limit < 0 ? estimateSize(p.input) : Math.min(estimateSize(p.input), (p.limit + p.offset) * 64);
    case 'join': return p.type === 'left_semi' || p.type === 'left_anti' ? estimateSize(p.left) : Math.min(UNKNOWN, estimateSize(p.left) * Math.max(1, p.type === 'cross' ? estimateSize(p.right) / 8 : 1) + estimateSize(p.right));
    default: return planChildren(p).reduce((s, c) => Math.min(UNKNOWN, s + estimateSize(c)), 0);
  }
}
