// Public entry points of the SQL parser: statements, expressions, data types and table schemas.
// Lexes, splits scripts on `;`, handles the raw-text SET/RESET commands, and reports errors Spark-style.
import { tokenMatcher } from './chevrotain.js';
import type { IToken, IRecognitionException } from 'chevrotain';
import * as T from './tokens.js';
import { SqlParser } from './grammar-statement.js';
import type { DataTypeAst, Expr, Statement } from './ast.js';
import { SqlSyntaxFailure, syntaxErrorMessage, toParseError } from './parse-error.js';
import type { TsSparkError } from '../../common/errors.js';

let parserInstance: SqlParser | undefined;
function parser(): SqlParser {
  parserInstance ??= new SqlParser();
  return parserInstance;
}

function lex(sql: string): IToken[] {
  const res = T.sqlLexer.tokenize(sql);
  if (res.errors.length > 0) {
    const e = res.errors[0]!;
    const ch = sql[e.offset] ?? '';
    const rest = sql.slice(e.offset);
    const what = ch === "'" || ch === '"' ? 'Unterminated string literal' : rest.startsWith('/*') ? 'Unclosed comment' : ch === '`' ? 'Unterminated quoted identifier' : null;
    const message = what ? `[PARSE_SYNTAX_ERROR] ${what}.` : `[PARSE_SYNTAX_ERROR] Syntax error at or near '${ch}'.`;
    throw toParseError(sql, new SqlSyntaxFailure(message, e.offset, 1, what ? rest.slice(0, 20) : ch, []));
  }
  const unclosed = res.tokens.find((t) => tokenMatcher(t, T.UnclosedComment));
  if (unclosed) throw toParseError(sql, new SqlSyntaxFailure('[UNCLOSED_BRACKETED_COMMENT] Found an unclosed bracketed comment.', unclosed.startOffset, 2, '/*', []));
  return res.tokens;
}

function fromRecognition(sql: string, e: IRecognitionException): TsSparkError {
  let expected: string[] = [];
  try {
    const parsed: unknown = JSON.parse(e.message);
    if (Array.isArray(parsed)) expected = parsed.filter((x): x is string => typeof x === 'string');
  } catch {
    /* message not from our provider */
  }
  const tok = e.token;
  return toParseError(sql, new SqlSyntaxFailure(syntaxErrorMessage(tok), Number.isNaN(tok.startOffset) || tok.tokenType?.name === 'EOF' ? -1 : tok.startOffset, tok.image.length, tok.tokenType?.name === 'EOF' ? '<EOF>' : tok.image, expected));
}

function run<R>(sql: string, tokens: IToken[], rule: (p: SqlParser) => R): R {
  const p = parser();
  p.input = tokens;
  let result: R;
  try {
    result = rule(p);
  } catch (err) {
    if (err instanceof SqlSyntaxFailure) throw toParseError(sql, err);
    throw err;
  }
  if (p.errors.length > 0) throw fromRecognition(sql, p.errors[0]!);
  return result;
}

/** SET / RESET take raw text: `SET`, `SET -v`, `SET key`, `SET key = value`, `RESET`, `RESET key`. */
function rawCommand(text: string): Statement | undefined {
  const m = /^\s*(set|reset)\b([\s\S]*)$/i.exec(text);
  if (!m) return undefined;
  const rest = m[2]!.trim();
  if (m[1]!.toLowerCase() === 'reset') return rest ? { kind: 'reset', key: rest } : { kind: 'reset' };
  if (rest === '') return { kind: 'set', verbose: false };
  if (rest === '-v') return { kind: 'set', verbose: true };
  const eq = rest.indexOf('=');
  if (eq < 0) return { kind: 'set', key: rest, verbose: false };
  return { kind: 'set', key: rest.slice(0, eq).trim(), value: rest.slice(eq + 1).trim(), verbose: false };
}

function parseOne(sql: string, tokens: IToken[]): Statement {
  const first = tokens[0];
  if (first && (first.image.toLowerCase() === 'set' || first.image.toLowerCase() === 'reset') && tokenMatcher(first, T.Identifier)) {
    const last = tokens[tokens.length - 1]!;
    const raw = rawCommand(sql.slice(first.startOffset, last.endOffset! + 1));
    if (raw) return raw;
  }
  return run(sql, tokens, (p) => p.statement());
}

/** Parses a script of `;`-separated statements (empty statements are skipped). */
export function parseStatements(sql: string): Statement[] {
  const tokens = lex(sql);
  const out: Statement[] = [];
  let start = 0;
  for (let i = 0; i <= tokens.length; i++) {
    if (i === tokens.length || tokenMatcher(tokens[i]!, T.Semicolon)) {
      if (i > start) out.push(parseOne(sql, tokens.slice(start, i)));
      start = i + 1;
    }
  }
  return out;
}

/** Parses exactly one statement (a trailing `;` is allowed). */
export function parseStatement(sql: string): Statement {
  let tokens = lex(sql);
  while (tokens.length > 0 && tokenMatcher(tokens[tokens.length - 1]!, T.Semicolon)) tokens = tokens.slice(0, -1);
  if (tokens.length === 0) {
    throw toParseError(sql, new SqlSyntaxFailure('[PARSE_EMPTY_STATEMENT] Syntax error, unexpected empty statement.', -1, 0, '<EOF>', []));
  }
  return parseOne(sql, tokens);
}

/** Parses one expression, as in `df.selectExpr`, `expr()` and `filter` strings. */
export function parseExpression(sql: string): Expr {
  return run(sql, lex(sql), (p) => p.standaloneExpression());
}

/** Parses a data type such as `int`, `decimal(10,2)` or `array<struct<a: int>>`. */
export function parseDataType(sql: string): DataTypeAst {
  return run(sql, lex(sql), (p) => p.standaloneDataType());
}

/** Parses a table schema like `a INT, b STRING NOT NULL COMMENT 'x'`. */
export function parseTableSchema(sql: string): Array<{ name: string; type: DataTypeAst; nullable: boolean }> {
  return run(sql, lex(sql), (p) => p.standaloneSchema()).map((c) => ({ name: c.name, type: c.type, nullable: c.nullable }));
}
