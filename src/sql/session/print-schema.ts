// printSchema's tree text, as Spark prints it:
// root
//  |-- age: long (nullable = true)
//  |-- name: string (nullable = true)
import type { DataType, StructType } from '../types/data-type.js';

export function renderTreeString(schema: StructType, typeName: (t: DataType) => string): string {
  const lines = ['root'];
  const visit = (t: DataType, prefix: string): void => {
    if (t.kind === 'struct') {
      for (const f of t.fields) {
        lines.push(`${prefix}-- ${f.name}: ${typeName(f.type)} (nullable = ${f.nullable})`);
        visit(f.type, `${prefix.replace(/-- $/, '')}    |`);
      }
    } else if (t.kind === 'array') {
      lines.push(`${prefix}-- element: ${typeName(t.element)} (containsNull = ${t.containsNull})`);
      visit(t.element, `${prefix}    |`);
    } else if (t.kind === 'map') {
      lines.push(`${prefix}-- key: ${typeName(t.key)}`);
      lines.push(`${prefix}-- value: ${typeName(t.value)} (valueContainsNull = ${t.valueContainsNull})`);
      visit(t.value, `${prefix}    |`);
    }
  };
  visit(schema, ' |');
  return `${lines.join('\n')}\n\n`;
}
