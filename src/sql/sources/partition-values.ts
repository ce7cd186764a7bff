// Partition directories (`col=value`): Spark's type inference of the values (int, bigint, double, date,
// timestamp, else string; `__HIVE_DEFAULT_PARTITION__` is NULL), their physical values, and the text
// written back into directory names.
import { T, type DataType, type StructField, type StructType } from '../types/data-type.js';
import { formatDate, formatTimestampMicros } from '../show/datetime-text.js';
import { javaDoubleToString } from '../show/java-number.js';
import { parseDate, parseTimestamp } from './datetime-parse.js';
import type { ListedFile } from './file-listing.js';
import { mergeCsvTypes } from './csv/csv-infer.js';
import { isCsvDouble, isCsvInt, isCsvLong } from './csv/csv-infer.js';

export const DEFAULT_PARTITION_NAME = '__HIVE_DEFAULT_PARTITION__';

function inferValueType(v: string): DataType {
  if (v === DEFAULT_PARTITION_NAME) return T.null;
  if (isCsvInt(v)) return T.int;
  if (isCsvLong(v)) return T.long;
  if (isCsvDouble(v) && !/[dDfF]$/.test(v)) return T.double;
  if (/^\d{4}-\d{2}-\d{2}$/.test(v) && parseDate(v) !== null) return T.date;
  if (/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}/.test(v) && parseTimestamp(v, 'UTC') !== null) return T.timestamp;
  return T.string;
}

/** The partition columns of the listed files (names from the first file), types from all values. */
export function inferPartitionSchema(files: readonly ListedFile[], given?: StructType): StructType {
  const first = files.find((f) => f.partition.length > 0);
  if (!first) return T.struct([]);
  const names = first.partition.map(([k]) => k);
  const fields: StructField[] = names.map((name, i) => {
    const g = given?.fields.find((f) => f.name.toLowerCase() === name.toLowerCase());
    if (g) return { name: g.name, type: g.type, nullable: true };
    let t: DataType = T.null;
    for (const f of files) {
      const v = f.partition[i]?.[1];
      if (v !== undefined) t = mergeCsvTypes(t, inferValueType(v));
    }
    return { name, type: t.kind === 'null' ? T.string : t, nullable: true };
  });
  return T.struct(fields);
}

/** Physical value of a directory value text for a partition column type. */
export function partitionValue(text: string | undefined, t: DataType, timeZone: string): unknown {
  if (text === undefined || text === DEFAULT_PARTITION_NAME) return null;
  switch (t.kind) {
    case 'byte': case 'short': case 'int': case 'long': case 'float': case 'double': {
      const n = Number(text);
      return Number.isNaN(n) && text !== 'NaN' ? null : n;
    }
    case 'decimal': return Math.round(Number(text) * 10 ** t.scale);
    case 'boolean': return text.toLowerCase() === 'true' ? true : text.toLowerCase() === 'false' ? false : null;
    case 'date': return parseDate(text);
    case 'timestamp': case 'timestamp_ntz': return parseTimestamp(text, t.kind === 'timestamp' ? timeZone : 'UTC');
    default: return text;
  }
}

/** Directory text of a physical partition value (writers). */
export function partitionText(v: unknown, t: DataType, timeZone: string): string {
  if (v === null || v === undefined) return DEFAULT_PARTITION_NAME;
  switch (t.kind) {
    case 'double': case 'float': return javaDoubleToString(v as number);
    case 'decimal': return ((v as number) / 10 ** t.scale).toFixed(t.scale);
    case 'date': return formatDate(v as number);
    case 'timestamp': case 'timestamp_ntz': return formatTimestampMicros(v as number, t.kind === 'timestamp' ? timeZone : 'UTC');
    case 'boolean': return v ? 'true' : 'false';
    default: return String(v);
  }
}
