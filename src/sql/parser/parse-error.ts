// Parse errors: the internal failure thrown inside the grammar and its conversion into a
// Spark-like TsSparkError('PARSE_ERROR') with line/column, expected tokens and a caret snippet.
import type { IToken } from 'chevrotain';
import { TsSparkError } from '../../common/errors.js';

/** Thrown by grammar actions; parse.ts turns it into a TsSparkError with the source snippet. */
export class SqlSyntaxFailure extends Error {
  constructor(
    message: string,
    readonly offset: number,
    readonly length: number,
    readonly offendingToken: string,
    readonly expected: readonly string[],
  ) {
    super(message);
  }
}

export function parseFailure(message: string, tok: IToken, expected: readonly string[]): SqlSyntaxFailure {
  const eof = tok.tokenType?.name === 'EOF' || Number.isNaN(tok.startOffset);
  return new SqlSyntaxFailure(message, eof ? -1 : tok.startOffset, eof ? 0 : tok.image.length, eof ? '<EOF>' : tok.image, expected);
}

export function syntaxErrorMessage(tok: IToken): string {
  const eof = tok.tokenType?.name === 'EOF' || Number.isNaN(tok.startOffset);
  return eof ? '[PARSE_SYNTAX_ERROR] Syntax error at or near end of input.' : `[PARSE_SYNTAX_ERROR] Syntax error at or near '${tok.image}'.`;
}

/**
 * Builds the user-facing error. `offset` is a 0-based char offset into `sql` (-1: end of input).
 * details.line and details.column are 1-based; details.pos is Spark's 0-based position in the line.
 */
export function toParseError(sql: string, f: SqlSyntaxFailure): TsSparkError {
  const offset = f.offset < 0 ? sql.trimEnd().length : Math.min(f.offset, sql.length);
  const before = sql.slice(0, offset);
  const line = before.split('\n').length;
  const lineStart = before.lastIndexOf('\n') + 1;
  const pos = offset - lineStart;
  const lines = sql.split('\n');
  const expected = [...new Set(f.expected.filter((e) => e !== ''))];
  const snippet: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    snippet.push(lines[i]!);
    if (i === line - 1) snippet.push('-'.repeat(pos) + '^'.repeat(Math.max(1, Math.min(f.length, 3))));
  }
  const expectText = expected.length ? `\nExpected one of: ${expected.slice(0, 25).join(', ')}${expected.length > 25 ? ', ...' : ''}.` : '';
  const message = `${f.message} (line ${line}, pos ${pos})${expectText}\n\n== SQL ==\n${snippet.join('\n')}`;
  return new TsSparkError('PARSE_ERROR', message, {
    details: { line, column: pos + 1, pos, offendingToken: f.offendingToken, expected },
  });
}
