// CSV records → field texts as Spark's univocity settings do it: `sep`, `quote` (fields inside quotes may hold
// the separator, and newlines in multiLine mode), `escape` (default `\`) and doubled quotes inside quotes.
// Returns each field's text; whether it was quoted does not matter to Spark's null handling.

export interface CsvSyntax {
  readonly sep: string;
  readonly quote: string;
  readonly escape: string;
}

export interface CsvRecord {
  readonly fields: string[];
  /** Offset just after the record (and its line end). */
  readonly next: number;
  /** The record's raw text (for _corrupt_record). */
  readonly raw: string;
  /** Line breaks inside the record (to keep line numbers right in multiLine mode). */
  readonly newlines: number;
}

/** Parses one record starting at `pos`; when `multiLine` is false the text is a single line. */
export function parseCsvRecord(text: string, pos: number, syn: CsvSyntax, multiLine: boolean): CsvRecord {
  const { sep, quote, escape } = syn;
  const fields: string[] = [];
  let cur = '';
  let i = pos;
  let newlines = 0;
  const n = text.length;
  const sepLen = sep.length;
  let fieldStart = true;
  for (;;) {
    if (i >= n) { fields.push(cur); break; }
    const c = text[i]!;
    if (fieldStart && quote !== '' && c === quote) {
      // quoted field
      i++;
      for (;;) {
        if (i >= n) break;
        const q = text[i]!;
        if (escape !== '' && q === escape && escape !== quote && i + 1 < n && (text[i + 1] === quote || text[i + 1] === escape)) {
          cur += text[i + 1]; i += 2; continue;
        }
        if (q === quote) {
          if (text[i + 1] === quote) { cur += quote; i += 2; continue; }
          i++;
          break;
        }
        if (q === '\n') newlines++;
        cur += q; i++;
      }
      // text after the closing quote up to the separator is kept (univocity keeps it too)
      fieldStart = false;
      continue;
    }
    fieldStart = false;
    if (text.startsWith(sep, i)) {
      fields.push(cur); cur = ''; i += sepLen; fieldStart = true;
      if (i >= n) { fields.push(''); break; }
      continue;
    }
    if (multiLine && (c === '\n' || c === '\r')) {
      fields.push(cur);
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      return { fields, next: i, raw: text.slice(pos, i).replace(/\r?\n$/, ''), newlines };
    }
    cur += c; i++;
  }
  return { fields, next: n, raw: text.slice(pos), newlines };
}

/** Splits a CSV text into records (multiLine mode), skipping blank lines; yields the record's first line number. */
export function* csvRecords(text: string, syn: CsvSyntax): Generator<{ record: CsvRecord; line: number }> {
  let pos = 0, line = 1;
  while (pos < text.length) {
    const c = text[pos];
    if (c === '\n' || c === '\r') { if (c === '\n') line++; pos++; continue; }
    const record = parseCsvRecord(text, pos, syn, true);
    yield { record, line };
    line += record.newlines + 1;
    pos = record.next;
  }
}
