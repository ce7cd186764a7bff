// The SQL text of one select-list item, as selectExpr("a * 2 AS b") and expr("x AS y") take it: a plain
// expression, else `expr [AS] alias` / `expr AS (a, b)` parsed as the item of a one-item SELECT.
import { TsSparkError } from '../../common/errors.js';
import type { SelectItem } from '../parser/ast.js';
import { parseExpression, parseStatement } from '../parser/index.js';

export function parseSelectItem(text: string): SelectItem {
  try {
    return { expr: parseExpression(text) };
  } catch (e) {
    if (!(e instanceof TsSparkError) || e.code !== 'PARSE_ERROR') throw e;
    const item = asSingleItem(text);
    if (item === undefined) throw e;
    return item;
  }
}

function asSingleItem(text: string): SelectItem | undefined {
  let stmt;
  try {
    stmt = parseStatement(`SELECT ${text}`);
  } catch {
    return undefined;
  }
  if (stmt.kind !== 'query' || stmt.ctes.length > 0 || stmt.orderBy.length > 0 || stmt.limit !== undefined || stmt.offset !== undefined) return undefined;
  const body = stmt.body;
  if (body.kind !== 'select' || body.items.length !== 1 || body.from !== undefined || body.where !== undefined || body.distinct) return undefined;
  if (body.groupBy !== undefined || body.having !== undefined || body.windows.length > 0 || body.lateralViews !== undefined) return undefined;
  return body.items[0];
}
