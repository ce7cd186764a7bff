// The target of Column.cast: a type name ("int", "decimal(10,2)"), a parsed type AST, or a DataType value
// (DataTypes.int, DataTypes.array(DataTypes.string), a StructType) as PySpark's cast(IntegerType()).
import type { DataTypeAst } from '../parser/ast.js';
import { parseDataType } from '../parser/index.js';
import { simpleString, type DataType } from '../types/data-type.js';

export type CastTarget = string | DataTypeAst | DataType;

export function castTargetAst(to: CastTarget): DataTypeAst {
  if (typeof to === 'string') return parseDataType(to);
  if (isAst(to)) return to;
  return parseDataType(simpleString(to as DataType));
}

function isAst(t: DataTypeAst | DataType): t is DataTypeAst {
  switch (t.kind) {
    case 'primitive': case 'varchar': case 'char': case 'yearMonthInterval': case 'dayTimeInterval': case 'calendarInterval': case 'decimal':
      return true;
    case 'array': return !('containsNull' in t) && isAst(t.element as DataTypeAst);
    case 'map': return !('valueContainsNull' in t) && isAst(t.key as DataTypeAst);
    case 'struct': return t.fields.every((f) => isAst(f.type as DataTypeAst));
    default: return false;
  }
}
