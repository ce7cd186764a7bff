// spark.createDataFrame: local rows (objects or arrays), an RDD of rows, or an Arrow table, as a logical plan.
// Schemas are inferred as PySpark does when not given: integers → bigint, other numbers → double, strings,
// booleans, Date → timestamp, bigint → bigint, arrays → array<…>, objects → struct; object rows' keys sorted.
import { Table } from 'apache-arrow';
import { TsSparkError } from '../../common/errors.js';
import { jsToValue } from '../../planner/expr/index.js';
import { newExprId } from '../../planner/logical/index.js';
import type { Attribute } from '../../planner/expr/expression.js';
import type { LogicalPlan } from '../../planner/logical/logical-plan.js';
import { RDD } from '../../rdd/rdd.js';
import type { ColumnBatch } from '../batch/column-batch.js';
import { ColumnBuilder } from '../sources/column-builder.js';
import { sparkTypeOfArrow } from '../sources/parquet-scan.js';
import { T, simpleString, type DataType, type StructType } from '../types/data-type.js';

const BATCH_ROWS = 8192;

export function dataToPlan(data: unknown, schema: StructType | readonly string[] | undefined, register: (rdd: RDD<ColumnBatch>) => void): LogicalPlan {
  if (data instanceof Table) return arrowToPlan(data);
  if (data instanceof RDD) return rddToPlan(data as RDD<unknown>, schema, register);
  if (!Array.isArray(data)) throw new TsSparkError('INVALID_ARGUMENT', 'createDataFrame expects an array of rows, an RDD or an Arrow Table');
  const struct = resolveSchema(data, schema);
  const attrs = attributesOf(struct);
  return { kind: 'local_relation', output: attrs, batches: rowsToBatches(data, struct) };
}

function attributesOf(struct: StructType): Attribute[] {
  return struct.fields.map((f) => ({ kind: 'attr', id: newExprId(), name: f.name, type: f.type, nullable: f.nullable }));
}

function resolveSchema(rows: readonly unknown[], schema: StructType | readonly string[] | undefined): StructType {
  if (schema && !Array.isArray(schema)) return schema as StructType;
  const names = schema as readonly string[] | undefined;
  const inferred = inferRowSchema(rows);
  if (!names) return inferred;
  if (names.length !== inferred.fields.length) throw new TsSparkError('ANALYSIS_ERROR', `[LENGTH_SHOULD_BE_THE_SAME] column names (${names.length}) and row width (${inferred.fields.length}) differ`);
  return { kind: 'struct', fields: inferred.fields.map((f, i) => ({ ...f, name: names[i]! })) };
}

export function inferRowSchema(rows: readonly unknown[]): StructType {
  const first = rows.find((r) => r !== null && r !== undefined);
  if (first === undefined) throw new TsSparkError('INVALID_ARGUMENT', '[CANNOT_INFER_EMPTY_SCHEMA] Can not infer schema from an empty dataset; pass a schema');
  if (Array.isArray(first)) {
    const width = first.length;
    return { kind: 'struct', fields: Array.from({ length: width }, (_, i) => ({ name: `_${i + 1}`, type: inferColumn(rows.map((r) => (r as unknown[])[i])), nullable: true })) };
  }
  if (typeof first === 'object') {
    const keys = [...new Set(rows.flatMap((r) => (r && typeof r === 'object' ? Object.keys(r) : [])))].sort();
    return { kind: 'struct', fields: keys.map((k) => ({ name: k, type: inferColumn(rows.map((r) => (r as Record<string, unknown>)[k])), nullable: true })) };
  }
  return { kind: 'struct', fields: [{ name: 'value', type: inferColumn(rows), nullable: true }] };
}

function inferColumn(values: readonly unknown[]): DataType {
  let t: DataType | undefined;
  for (const v of values) {
    if (v === null || v === undefined) continue;
    const vt = inferValue(v);
    t = t === undefined ? vt : merge(t, vt);
  }
  return t ?? T.null;
}

function inferValue(v: unknown): DataType {
  switch (typeof v) {
    case 'boolean': return T.boolean;
    case 'string': return T.string;
    case 'bigint': return T.long;
    case 'number': return Number.isInteger(v) ? T.long : T.double;
    default:
      if (v instanceof Date) return T.timestamp;
      if (Array.isArray(v)) return T.array(inferColumn(v));
      if (v instanceof Map) return T.map(inferColumn([...v.keys()]), inferColumn([...v.values()]));
      if (typeof v === 'object' && v !== null) return inferRowSchema([v]);
      throw new TsSparkError('INVALID_ARGUMENT', `[CANNOT_INFER_TYPE_FOR_FIELD] cannot infer a Spark type for ${String(v)}`);
  }
}

function merge(a: DataType, b: DataType): DataType {
  if (simpleString(a) === simpleString(b)) return a;
  if ((a.kind === 'long' && b.kind === 'double') || (a.kind === 'double' && b.kind === 'long')) return T.double;
  if (a.kind === 'null') return b;
  if (b.kind === 'null') return a;
  throw new TsSparkError('INVALID_ARGUMENT', `[CANNOT_MERGE_TYPE] Can not merge type ${simpleString(a)} and ${simpleString(b)}`);
}

export function rowsToBatches(rows: readonly unknown[], struct: StructType): ColumnBatch[] {
  const batches: ColumnBatch[] = [];
  for (let off = 0; off < rows.length || (off === 0 && batches.length === 0); off += BATCH_ROWS) {
    const slice = rows.slice(off, off + BATCH_ROWS);
    const builders = struct.fields.map((f) => new ColumnBuilder(f.type, slice.length));
    for (const r of slice) {
      struct.fields.forEach((f, i) => {
        const v = Array.isArray(r) ? r[i] : r !== null && typeof r === 'object' ? (r as Record<string, unknown>)[f.name] : i === 0 ? r : undefined;
        builders[i]!.append(jsToValue(v, f.type));
      });
    }
    batches.push({ numRows: slice.length, columns: builders.map((b) => b.finish()) });
    if (rows.length === 0) break;
  }
  return batches;
}

function arrowToPlan(table: Table): LogicalPlan {
  const struct: StructType = { kind: 'struct', fields: table.schema.fields.map((f) => ({ name: f.name, type: sparkTypeOfArrow(f.type), nullable: f.nullable })) };
  const rows = table.toArray().map((r) => struct.fields.map((f) => arrowValue((r as Record<string, unknown>)[f.name], f.type)));
  return { kind: 'local_relation', output: attributesOf(struct), batches: rowsToBatches(rows, struct) };
}

function arrowValue(v: unknown, t: DataType): unknown {
  if (v === null || v === undefined) return null;
  if (t.kind === 'long' && typeof v === 'bigint') return Number(v);
  if ((t.kind === 'date' || t.kind === 'timestamp') && typeof v === 'number') return new Date(v);
  return v;
}

/** createDataFrame(rdd): the RDD's rows (objects or arrays) become batches inside the RDD, evaluated lazily. */
function rddToPlan(rdd: RDD<unknown>, schema: StructType | readonly string[] | undefined, register: (rdd: RDD<ColumnBatch>) => void): LogicalPlan {
  let struct: StructType;
  if (schema && !Array.isArray(schema)) struct = schema as StructType;
  else throw new TsSparkError('INVALID_ARGUMENT', 'createDataFrame(rdd) needs a schema (a StructType or a DDL string such as "name STRING, age BIGINT")', {
    hint: 'or collect a sample and pass rows: spark.createDataFrame(await rdd.collect())',
  });
  const batches = rdd.mapPartitions((it: Iterable<unknown>) => rowsToBatches([...it], struct));
  register(batches);
  return { kind: 'rdd_scan', rddId: batches.id, output: attributesOf(struct) };
}
