// The answer text of one statement as the golden files hold it: HiveResult rows (the shared spark-sql formatter),
// sorted as strings unless the plan is semantically sorted, joined by `\n` with trailing whitespace removed.
import { renderHiveRow } from '../show/index.js';
import type { StructType } from '../types/data-type.js';
import { stripTrailingWhitespace } from './java-text.js';

/** Scala's `Seq[String].sorted`: String.compareTo, i.e. UTF-16 code unit order (so `NULL` < `a`, `10` < `9`). */
export function sortAsStrings(lines: readonly string[]): string[] {
  return [...lines].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function renderRows(schema: StructType, rows: readonly (readonly unknown[])[], timeZone: string): string[] {
  return rows.map((r) => renderHiveRow(r, schema, { timeZone }));
}

/** The output section Spark would record for these rows. */
export function answerText(lines: readonly string[], sorted: boolean): string {
  return stripTrailingWhitespace((sorted ? lines : sortAsStrings(lines)).join('\n'));
}
