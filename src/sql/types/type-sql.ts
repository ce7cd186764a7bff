// Spark's SQL spelling of a data type in error messages and CAST text: BIGINT, DECIMAL(10,2), ARRAY<INT>.
import type { DataType } from './data-type.js';

export function typeSql(t: DataType): string {
  switch (t.kind) {
    case 'array': return `ARRAY<${typeSql(t.element)}>`;
    case 'map': return `MAP<${typeSql(t.key)}, ${typeSql(t.value)}>`;
    case 'struct': return `STRUCT<${t.fields.map((f) => `${f.name}: ${typeSql(f.type)}`).join(', ')}>`;
    case 'byte': return 'TINYINT';
    case 'short': return 'SMALLINT';
    case 'long': return 'BIGINT';
    case 'null': return 'VOID';
    case 'decimal': return `DECIMAL(${t.precision},${t.scale})`;
    case 'day_time_interval': return 'INTERVAL DAY TO SECOND';
    case 'year_month_interval': return 'INTERVAL YEAR TO MONTH';
    case 'calendar_interval': return 'INTERVAL';
    default: return t.kind.toUpperCase();
  }
}

