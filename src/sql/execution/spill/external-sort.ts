// The spilling half of the SQL sort: sorted runs written to spill files, then a k-way merge (binary heap over
// one cursor per run) that streams output batches. Ties go to the earlier run, so the merge stays stable.
import type { ColumnBatch } from '../../batch/column-batch.js';
import type { SortOrder } from '../../../planner/expr/expression.js';
import { concatAll, gatherBatch, scatterColumn, sliceBatch } from '../batch-ops.js';
import { compareSortKey, sortKeyValues } from '../sort.js';
import type { SpillEnv } from './spill-env.js';
import { SpillFiles } from './spill-file.js';

const FRAME_ROWS = 4096;
const OUT_ROWS = 4096;

interface Cursor {
  readonly it: Iterator<ColumnBatch>;
  batch: ColumnBatch;
  vals: unknown[][];
  row: number;
}

export class SortRuns {
  private readonly files: SpillFiles;
  private readonly runs: Array<() => Iterator<ColumnBatch>> = [];

  constructor(private readonly order: readonly SortOrder[], env: SpillEnv) {
    this.files = new SpillFiles(env, 'sort');
  }

  /** Writes one sorted run (`memoryBytes`: its estimated in-memory size, for the metrics). */
  spill(sorted: ColumnBatch, memoryBytes: number): void {
    const f = this.files.create();
    for (let i = 0; i < sorted.numRows; i += FRAME_ROWS) f.append(sliceBatch(sorted, i, Math.min(sorted.numRows, i + FRAME_ROWS)));
    f.finish();
    this.files.record(memoryBytes, f.bytes);
    this.runs.push(() => f.batches());
  }

  /** Merges the spilled runs with the last, in-memory sorted run (which comes after them in input order). */
  *merge(last: ColumnBatch): Generator<ColumnBatch> {
    const sources = [...this.runs, () => slices(last)];
    const cursors: Cursor[] = [];
    for (const open of sources) {
      const c: Cursor = { it: open(), batch: { numRows: 0, columns: [] }, vals: [], row: 0 };
      if (this.advance(c)) cursors.push(c);
    }
    // heap of cursor positions; cursors[] order is run order, the tie-breaker
    const heap = cursors.map((_, i) => i);
    const less = (a: number, b: number): boolean => {
      const x = cursors[a]!, y = cursors[b]!;
      for (let k = 0; k < this.order.length; k++) {
        const c = compareSortKey(this.order[k]!, x.vals[k]![x.row], y.vals[k]![y.row]);
        if (c !== 0) return c < 0;
      }
      return a < b;
    };
    const down = (i: number): void => {
      const n = heap.length;
      for (;;) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        if (l < n && less(heap[l]!, heap[m]!)) m = l;
        if (r < n && less(heap[r]!, heap[m]!)) m = r;
        if (m === i) return;
        const t = heap[i]!; heap[i] = heap[m]!; heap[m] = t;
        i = m;
      }
    };
    for (let i = (heap.length >> 1) - 1; i >= 0; i--) down(i);
    const out = new OutputRows();
    while (heap.length > 0) {
      const c = cursors[heap[0]!]!;
      out.add(c.batch, c.row);
      c.row++;
      if (c.row >= c.batch.numRows && !this.advance(c)) {
        heap[0] = heap[heap.length - 1]!;
        heap.pop();
      }
      if (heap.length > 0) down(0);
      if (out.rows >= OUT_ROWS) yield out.take();
    }
    if (out.rows > 0) yield out.take();
  }

  close(): void {
    this.files.close();
  }

  private advance(c: Cursor): boolean {
    for (;;) {
      const r = c.it.next();
      if (r.done) return false;
      if (r.value.numRows === 0) continue;
      c.batch = r.value;
      c.vals = sortKeyValues(this.order, r.value);
      c.row = 0;
      return true;
    }
  }
}

function* slices(b: ColumnBatch): Generator<ColumnBatch> {
  for (let i = 0; i < b.numRows; i += FRAME_ROWS) yield sliceBatch(b, i, Math.min(b.numRows, i + FRAME_ROWS));
}

/**
 * Output rows picked one at a time from a few source batches: per source its rows and their output positions;
 * `take` gathers each source's rows at once, concatenates the pieces and scatters them into output order, so
 * finely interleaved runs cost a few column passes, not one tiny batch per row.
 */
class OutputRows {
  rows = 0;
  private sources: ColumnBatch[] = [];
  private picks: Array<{ rows: number[]; at: number[] }> = [];
  private lastBatch: ColumnBatch | undefined;
  private lastPick: { rows: number[]; at: number[] } | undefined;

  add(batch: ColumnBatch, row: number): void {
    if (batch !== this.lastBatch) {
      let i = this.sources.indexOf(batch);
      if (i < 0) { i = this.sources.length; this.sources.push(batch); this.picks.push({ rows: [], at: [] }); }
      this.lastBatch = batch;
      this.lastPick = this.picks[i]!;
    }
    this.lastPick!.rows.push(row);
    this.lastPick!.at.push(this.rows++);
  }

  take(): ColumnBatch {
    const n = this.rows;
    const pieces = this.sources.map((b, i) => gatherBatch(b, Int32Array.from(this.picks[i]!.rows)));
    const dst = new Int32Array(n);
    let o = 0;
    for (const p of this.picks) for (const at of p.at) dst[o++] = at;
    this.sources = [];
    this.picks = [];
    this.lastBatch = undefined;
    this.lastPick = undefined;
    this.rows = 0;
    const all = pieces.length === 1 ? pieces[0]! : concatAll(pieces);
    return { numRows: n, columns: all.columns.map((c) => scatterColumn(c, dst)) };
  }
}
