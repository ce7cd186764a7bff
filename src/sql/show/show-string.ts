// Dataset.showString of Spark 3.5: the `+---+` table (or `-RECORD n` vertical layout) that show() prints,
// byte for byte — minimum width 3, East Asian wide characters count double, cells escaped and truncated.
import type { StructType } from '../types/data-type.js';
import { renderValue, type RenderOptions } from './render-value.js';

// Utils.fullWidthRegex of Spark: characters that take two columns on a terminal.
const FULL_WIDTH = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE10-\uFE19\uFE30-\uFE6F\uFF00-\uFF60\uFFE0-\uFFE6]/g;

/** Utils.stringHalfWidth: display width in half-width columns. */
export function stringHalfWidth(s: string): number {
  const m = s.match(FULL_WIDTH);
  return s.length + (m ? m.length : 0);
}

/** SchemaUtils.escapeMetaCharacters: keeps control characters from breaking the table. */
export function escapeMetaCharacters(s: string): string {
  return s.replace(/[\n\r\t\f\b\u000B\u0007]/g, (c) => META[c]!);
}
const META: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\f': '\\f', '\b': '\\b', '\u000B': '\\v', '\u0007': '\\a' };

function truncateCell(s: string, truncate: number): string {
  if (truncate > 0 && s.length > truncate) return truncate < 4 ? s.slice(0, truncate) : `${s.slice(0, truncate - 3)}...`;
  return s;
}

const pad = (n: number): string => (n > 0 ? ' '.repeat(n) : '');

/**
 * The text of df.show(numRows, truncate, vertical). `rows` are user-facing values (at most numRows are shown);
 * `hasMoreRows` says whether the data had more than numRows rows (for the "only showing top N rows" footer).
 * truncate: true = 20 characters, false = 0 (no truncation, cells left-aligned), or a number.
 */
export function showString(
  schema: StructType,
  rows: readonly (readonly unknown[])[],
  numRows: number,
  truncate: boolean | number,
  vertical: boolean,
  hasMoreRows: boolean,
  opts: RenderOptions = {},
): string {
  const n = Math.max(0, numRows);
  const trunc = truncate === true ? 20 : truncate === false ? 0 : truncate;
  const header = schema.fields.map((f) => escapeMetaCharacters(f.name));
  const data = rows.slice(0, n).map((row) =>
    schema.fields.map((f, i) => truncateCell(escapeMetaCharacters(renderValue(row[i], f.type, opts)), trunc)));
  const out: string[] = [];
  if (!vertical) {
    const widths = header.map((h) => Math.max(3, stringHalfWidth(h)));
    for (const row of data) row.forEach((c, i) => { widths[i] = Math.max(widths[i]!, stringHalfWidth(c)); });
    const cell = (c: string, i: number): string => {
      const fill = pad(widths[i]! - stringHalfWidth(c));
      return trunc > 0 ? fill + c : c + fill;
    };
    const line = (cells: readonly string[]): string => `|${cells.map(cell).join('|')}|\n`;
    const sep = `+${widths.map((w) => '-'.repeat(w)).join('+')}+\n`;
    out.push(sep, line(header), sep);
    for (const row of data) out.push(line(row));
    out.push(sep);
  } else {
    const nameWidth = header.reduce((m, h) => Math.max(m, stringHalfWidth(h)), 3);
    const dataWidth = data.reduce((m, row) => row.reduce((mm, c) => Math.max(mm, stringHalfWidth(c)), m), 3);
    data.forEach((row, r) => {
      const title = `-RECORD ${r}`;
      out.push(title + '-'.repeat(Math.max(0, nameWidth + dataWidth + 5 - title.length)), '\n');
      row.forEach((c, j) => {
        const name = header[j]!;
        out.push(` ${name}${pad(nameWidth - stringHalfWidth(name))} | ${c}${pad(dataWidth - stringHalfWidth(c))} \n`);
      });
    });
  }
  if (vertical && data.length === 0) out.push('(0 rows)\n');
  else if (hasMoreRows) out.push(`only showing top ${n} ${n === 1 ? 'row' : 'rows'}\n`);
  return out.join('');
}
