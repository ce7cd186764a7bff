// Public surface of the SQL parser: SQL text -> readonly AST, and expression naming.
export { parseStatements, parseStatement, parseExpression, parseDataType, parseTableSchema } from './parse.js';
export { exprToSql, sortItemToSql, dataTypeToSql, javaDoubleString, type ExprToSqlOptions } from './expr-to-sql.js';
export type * from './ast.js';
