// Test helper: splits Spark's golden-file inputs into statements the way SQLQueryTestSuite does,
// and reads which statements Spark answered with a ParseException in the matching .sql.out.
import { readFileSync } from 'node:fs';

export function splitGoldenInput(text: string): string[] {
  const lines = text.split('\n');
  const code = lines.filter((l) => !l.trim().startsWith('--') || l.trim().startsWith('--QUERY-DELIMITER'));
  const pieces: string[] = [];
  let buf: string[] = [];
  let inDelimited = false;
  const flush = (): void => {
    pieces.push(...buf.join('\n').split(/(?<=[^\\]);/));
    buf = [];
  };
  for (const l of code) {
    if (l.trim().startsWith('--QUERY-DELIMITER-START')) {
      flush();
      inDelimited = true;
    } else if (l.trim().startsWith('--QUERY-DELIMITER-END')) {
      pieces.push(buf.join('\n').replace(/;\s*$/, ''));
      buf = [];
      inDelimited = false;
    } else buf.push(l);
  }
  if (!inDelimited) flush();
  return pieces
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => p.split('\n').filter((l) => !l.startsWith('--')).join('\n').trim())
    .filter((p) => p !== '');
}

/** Statement text -> true when Spark's recorded answer is a ParseException. */
export function parseExceptionStatements(outPath: string): Map<string, boolean> {
  const text = readFileSync(outPath, 'utf8');
  const blocks = text.split(/-- !query.*\n/);
  const result = new Map<string, boolean>();
  // blocks: [header, sql, schema, output, sql, schema, output, ...]
  for (let i = 1; i + 2 < blocks.length; i += 3) {
    const sql = blocks[i]!.trim();
    const output = blocks[i + 2]!;
    result.set(sql, /^org\.apache\.spark\.sql\.catalyst\.parser\.ParseException/m.test(output.trimStart().split('\n')[0] ?? ''));
  }
  return result;
}
