// A StructType from a parsed DDL schema string ("a INT, b STRING NOT NULL").
import { dataTypeOf } from '../analyzer/literals.js';
import type { DataTypeAst } from '../parser/ast.js';
import type { StructType } from '../types/data-type.js';

export function structFromSchemaAst(cols: ReadonlyArray<{ name: string; type: DataTypeAst; nullable: boolean }>): StructType {
  return { kind: 'struct', fields: cols.map((c) => ({ name: c.name, type: dataTypeOf(c.type), nullable: c.nullable })) };
}
