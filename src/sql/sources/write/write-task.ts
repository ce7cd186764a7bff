// Executor side of a write: rows of the task's batches go to one file per `col=value/` directory
// (partition columns removed from the files), named like Spark `part-<task>-<job uuid>.c000.<ext>`,
// under the attempt directory; then the task commits.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ColumnBatch } from '../../batch/column-batch.js';
import { rawValueAt } from '../../batch/column-batch.js';
import { T } from '../../types/data-type.js';
import { escapePathName } from '../file-listing.js';
import { partitionText } from '../partition-values.js';
import { opt } from '../source-options.js';
import { attemptDir, commitTask, type TaskCommitMessage, type WriteJob } from './commit-protocol.js';
import { fileExtension, openFormatWriter, type FormatWriter } from './format-writers.js';

export function writeTask(job: WriteJob, task: number, batches: Iterable<ColumnBatch>, attempt = 0): TaskCommitMessage {
  const dir = attemptDir(job, task, attempt);
  fs.mkdirSync(dir, { recursive: true });
  const lower = job.partitionBy.map((p) => p.toLowerCase());
  const partIdx = lower.map((p) => job.schema.fields.findIndex((f) => f.name.toLowerCase() === p));
  const dataIdx = job.schema.fields.map((_f, i) => i).filter((i) => !partIdx.includes(i));
  const dataSchema = T.struct(dataIdx.map((i) => job.schema.fields[i]!));
  const tz = opt(job.options, 'timeZone') ?? 'UTC';
  const fileName = `part-${String(task).padStart(5, '0')}-${job.jobId}.c000.${fileExtension(job.format, job.options)}`;
  const writers = new Map<string, FormatWriter>();
  const open = (sub: string): FormatWriter => {
    let w = writers.get(sub);
    if (!w) {
      fs.mkdirSync(path.join(dir, sub), { recursive: true });
      w = openFormatWriter(job.format, path.join(dir, sub, fileName), dataSchema, job.options);
      writers.set(sub, w);
    }
    return w;
  };
  let rows = 0;
  for (const b of batches) {
    rows += b.numRows;
    const data: ColumnBatch = { numRows: b.numRows, columns: dataIdx.map((i) => b.columns[i]!) };
    if (partIdx.length === 0) { open('').write(data, null); continue; }
    const groups = new Map<string, number[]>();
    for (let r = 0; r < b.numRows; r++) {
      const sub = partIdx.map((c) => {
        const f = job.schema.fields[c]!;
        return `${escapePathName(f.name)}=${escapePathName(partitionText(rawValueAt(b.columns[c]!, r), f.type, tz))}`;
      }).join('/');
      let g = groups.get(sub);
      if (!g) groups.set(sub, (g = []));
      g.push(r);
    }
    for (const [sub, idx] of groups) open(sub).write(data, Int32Array.from(idx));
  }
  // a task without rows still writes one (empty) file when unpartitioned, as Spark does for the first task
  if (writers.size === 0 && partIdx.length === 0 && task === 0) open('');
  const files: string[] = [];
  for (const [sub, w] of writers) { w.close(); files.push(path.join(sub, fileName)); }
  commitTask(job, task, attempt);
  return { task, files, rows };
}
