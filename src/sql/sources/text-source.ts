// The text data source: one `value` string column per line (or one row per file with `wholetext`).
import type { ColumnBatch } from '../batch/column-batch.js';
import { T, type StructType } from '../types/data-type.js';
import { readLines, readWholeFile } from './line-reader.js';
import { optBool, type Options } from './source-options.js';

const BATCH_ROWS = 8192;

export const TEXT_SCHEMA: StructType = T.struct([{ name: 'value', type: T.string, nullable: true }]);

export function* readTextSplit(file: string, start: number, length: number, options: Options): Generator<ColumnBatch> {
  if (optBool(options, 'wholetext', false)) {
    if (start === 0) yield { numRows: 1, columns: [{ kind: 'str', values: [readWholeFile(file)], valid: null }] };
    return;
  }
  let values: string[] = [];
  for (const l of readLines(file, start, length)) {
    values.push(l.text);
    if (values.length >= BATCH_ROWS) {
      yield { numRows: values.length, columns: [{ kind: 'str', values, valid: null }] };
      values = [];
    }
  }
  if (values.length > 0) yield { numRows: values.length, columns: [{ kind: 'str', values, valid: null }] };
}
