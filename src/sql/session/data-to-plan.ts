// spark.createDataFrame: local rows (objects or arrays), an RDD of rows, or an Arrow table, as a logical plan.
// Schemas are inferred as PySpark does when not given: integers → bigint, other numbers → double, strings,
// booleans, Date → timestamp, bigint → bigint, arrays → array<…>, objects → struct; object rows' keys sorted.
import { List, Map_, Struct, Table, type DataType as ArrowType } from 'apache-arrow';
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
  if (data instanceof Table) return arrowToPlan(data, schema);
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

/** An Arrow table's columns; a schema (StructType or names) renames them and converts values to its types. */
function arrowToPlan(table: Table, schema: StructType | readonly string[] | undefined): LogicalPlan {
  const source: StructType = { kind: 'struct', fields: table.schema.fields.map((f) => ({ name: f.name, type: arrowFieldType(f.type), nullable: f.nullable })) };
  const rows = table.toArray().map((r) => source.fields.map((f) => arrowValue((r as Record<string, unknown>)[f.name], f.type)));
  const struct = schema === undefined ? source : targetSchema(source, schema);
  return { kind: 'local_relation', output: attributesOf(struct), batches: rowsToBatches(rows, struct) };
}

function targetSchema(source: StructType, schema: StructType | readonly string[]): StructType {
  const fields = Array.isArray(schema) ? schema.map((name, i) => ({ ...source.fields[i]!, name })) : (schema as StructType).fields;
  if (fields.length !== source.fields.length) {
    throw new TsSparkError('INVALID_ARGUMENT', `[LENGTH_SHOULD_BE_THE_SAME] the schema and the Arrow table should have the same number of columns, got ${fields.length} and ${source.fields.length}.`);
  }
  return { kind: 'struct', fields };
}

/** Arrow → Spark types, nested List/Struct/Map included (flat types as the Parquet scan maps them). */
function arrowFieldType(t: ArrowType): DataType {
  if (t instanceof List) return T.array(arrowFieldType(t.children[0]!.type));
  if (t instanceof Struct) return T.struct(t.children.map((f) => ({ name: f.name, type: arrowFieldType(f.type), nullable: f.nullable })));
  if (t instanceof Map_) return T.map(arrowFieldType(t.children[0]!.type.children[0]!.type), arrowFieldType(t.children[0]!.type.children[1]!.type));
  return sparkTypeOfArrow(t);
}

/** An Arrow row value as the JS value jsToValue takes for `t` (nested vectors and rows to arrays, objects, Maps). */
function arrowValue(v: unknown, t: DataType): unknown {
  if (v === null || v === undefined) return null;
  switch (t.kind) {
    case 'long': return typeof v === 'bigint' ? Number(v) : v;
    case 'date': case 'timestamp': return typeof v === 'number' ? new Date(v) : v;
    case 'array': return [...(v as Iterable<unknown>)].map((e) => arrowValue(e, t.element));
    case 'struct': {
      const o = v as Record<string, unknown>;
      return Object.fromEntries(t.fields.map((f) => [f.name, arrowValue(o[f.name], f.type)]));
    }
    case 'map': {
      const entries = v instanceof Map ? [...v] : [...(v as Iterable<[unknown, unknown]>)];
      return new Map(entries.map(([k, x]) => [arrowValue(k, t.key), arrowValue(x, t.value)]));
    }
    default: return v;
  }
}

/** createDataFrame(rdd): the RDD's rows (objects or arrays) become batches inside the RDD, evaluated lazily; without
 * a schema, a parallelized collection's first 100 rows give it (other RDDs would need a job). */
function rddToPlan(rdd: RDD<unknown>, schema: StructType | readonly string[] | undefined, register: (rdd: RDD<ColumnBatch>) => void): LogicalPlan {
  let struct: StructType;
  if (schema && !Array.isArray(schema)) struct = schema as StructType;
  else if (rdd.node.kind === 'parallelize') struct = resolveSchema(rdd.node.slices.flat().slice(0, 100), schema);
  else throw new TsSparkError('INVALID_ARGUMENT', 'createDataFrame(rdd) needs a schema (a StructType or a DDL string such as "name STRING, age BIGINT")', {
    hint: 'or collect a sample and pass rows: spark.createDataFrame(await rdd.collect())',
  });
  const batches = rdd.mapPartitions((it: Iterable<unknown>) => rowsToBatches([...it], struct));
  register(batches);
  return { kind: 'rdd_scan', rddId: batches.id, output: attributesOf(struct) };
}
