// Spark SQL data types as a readonly union, with Spark's names: `simpleString` (DESCRIBE, printSchema) and
// `catalogString` (`struct<a:int,b:string>` schema strings of the conformance files).
import { assertNever } from '../../common/assert.js';

export type DataType =
  | { readonly kind: 'null' }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'byte' }
  | { readonly kind: 'short' }
  | { readonly kind: 'int' }
  | { readonly kind: 'long' }
  | { readonly kind: 'float' }
  | { readonly kind: 'double' }
  | { readonly kind: 'decimal'; readonly precision: number; readonly scale: number }
  | { readonly kind: 'string' }
  | { readonly kind: 'binary' }
  | { readonly kind: 'date' }
  | { readonly kind: 'timestamp' }
  | { readonly kind: 'timestamp_ntz' }
  | { readonly kind: 'calendar_interval' }
  | { readonly kind: 'day_time_interval' }
  | { readonly kind: 'year_month_interval' }
  | { readonly kind: 'array'; readonly element: DataType; readonly containsNull: boolean }
  | { readonly kind: 'map'; readonly key: DataType; readonly value: DataType; readonly valueContainsNull: boolean }
  | StructType;

export interface StructField {
  readonly name: string;
  readonly type: DataType;
  readonly nullable: boolean;
}

export interface StructType {
  readonly kind: 'struct';
  readonly fields: readonly StructField[];
}

export const T = Object.freeze({
  null: { kind: 'null' } as DataType,
  boolean: { kind: 'boolean' } as DataType,
  byte: { kind: 'byte' } as DataType,
  short: { kind: 'short' } as DataType,
  int: { kind: 'int' } as DataType,
  long: { kind: 'long' } as DataType,
  float: { kind: 'float' } as DataType,
  double: { kind: 'double' } as DataType,
  string: { kind: 'string' } as DataType,
  binary: { kind: 'binary' } as DataType,
  date: { kind: 'date' } as DataType,
  timestamp: { kind: 'timestamp' } as DataType,
  timestamp_ntz: { kind: 'timestamp_ntz' } as DataType,
  decimal: (precision: number, scale: number): DataType => ({ kind: 'decimal', precision, scale }),
  array: (element: DataType, containsNull = true): DataType => ({ kind: 'array', element, containsNull }),
  map: (key: DataType, value: DataType, valueContainsNull = true): DataType => ({ kind: 'map', key, value, valueContainsNull }),
  struct: (fields: readonly StructField[]): StructType => ({ kind: 'struct', fields }),
});

export function isNumeric(t: DataType): boolean {
  return ['byte', 'short', 'int', 'long', 'float', 'double', 'decimal'].includes(t.kind);
}

export function isIntegral(t: DataType): boolean {
  return ['byte', 'short', 'int', 'long'].includes(t.kind);
}

/** Spark's DataType.simpleString: int, bigint, decimal(10,2), array<int>, struct<a:int>. */
export function simpleString(t: DataType): string {
  switch (t.kind) {
    case 'null': return 'void';
    case 'boolean': return 'boolean';
    case 'byte': return 'tinyint';
    case 'short': return 'smallint';
    case 'int': return 'int';
    case 'long': return 'bigint';
    case 'float': return 'float';
    case 'double': return 'double';
    case 'decimal': return `decimal(${t.precision},${t.scale})`;
    case 'string': return 'string';
    case 'binary': return 'binary';
    case 'date': return 'date';
    case 'timestamp': return 'timestamp';
    case 'timestamp_ntz': return 'timestamp_ntz';
    case 'calendar_interval': return 'interval';
    case 'day_time_interval': return 'interval day to second';
    case 'year_month_interval': return 'interval year to month';
    case 'array': return `array<${simpleString(t.element)}>`;
    case 'map': return `map<${simpleString(t.key)},${simpleString(t.value)}>`;
    case 'struct': return `struct<${t.fields.map((f) => `${f.name}:${simpleString(f.type)}`).join(',')}>`;
    default: return assertNever(t, 'data type');
  }
}

/** Spark's catalogString (same as simpleString for these types). */
export const catalogString = simpleString;

/** printSchema's type names: integer, long, string, decimal(10,2), array, struct… */
export function typeName(t: DataType): string {
  switch (t.kind) {
    case 'int': return 'integer';
    case 'long': return 'long';
    case 'byte': return 'byte';
    case 'short': return 'short';
    case 'null': return 'void';
    case 'array': return 'array';
    case 'map': return 'map';
    case 'struct': return 'struct';
    default: return simpleString(t);
  }
}

export function sameType(a: DataType, b: DataType): boolean {
  return simpleString(a) === simpleString(b);
}
