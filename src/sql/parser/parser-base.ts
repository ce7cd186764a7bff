// Base of the Spark SQL parser: chevrotain setup, lookahead helpers, identifiers, string/number
// literals and data types. grammar-expr.ts, grammar-query.ts and grammar-statement.ts extend it.
import { EOF, EmbeddedActionsParser, tokenMatcher } from './chevrotain.js';
import type { IToken, TokenType, IParserErrorMessageProvider } from 'chevrotain';
import * as T from './tokens.js';
import type { DataTypeAst, DayTimeUnit, Query, StructFieldAst } from './ast.js';
import { parseFailure } from './parse-error.js';

/** Error messages are JSON of the expected token labels; parse.ts turns them into Spark-like text. */
const messageProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected }) => JSON.stringify([label(expected)]),
  buildNotAllInputParsedMessage: () => JSON.stringify([]),
  buildNoViableAltMessage: ({ expectedPathsPerAlt }) =>
    JSON.stringify(expectedPathsPerAlt.flatMap((alt) => alt.map((path) => (path[0] ? label(path[0]) : '')))),
  buildEarlyExitMessage: ({ expectedIterationPaths }) =>
    JSON.stringify(expectedIterationPaths.map((path) => (path[0] ? label(path[0]) : ''))),
};

function label(t: TokenType): string {
  return t.LABEL ?? t.name;
}

export interface NamePart {
  readonly name: string;
  readonly quoted: boolean;
}

export function unescapeBackquoted(image: string): string {
  return image.slice(1, -1).replace(/``/g, '`');
}

/** Spark's unescapeSQLString: strips the quotes and resolves backslash escapes. */
export function unescapeString(image: string): string {
  const body = image.slice(1, -1);
  if (!body.includes('\\')) return body;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\' || i + 1 >= body.length) {
      out += c;
      continue;
    }
    const n = body[++i]!;
    if (n === 'u' && /^[0-9a-fA-F]{4}$/.test(body.slice(i + 1, i + 5))) {
      out += String.fromCharCode(parseInt(body.slice(i + 1, i + 5), 16));
      i += 4;
    } else if (/[0-3]/.test(n) && /^[0-7]{2}$/.test(body.slice(i + 1, i + 3))) {
      out += String.fromCharCode(parseInt(body.slice(i, i + 3), 8));
      i += 2;
    } else {
      const simple: Record<string, string> = { '0': '\0', b: '\b', n: '\n', r: '\r', t: '\t', Z: '\x1a', '%': '\\%', _: '\\_' };
      out += simple[n] ?? n;
    }
  }
  return out;
}

const primitiveTypes: Record<string, DataTypeAst> = {
  boolean: { kind: 'primitive', name: 'boolean' },
  tinyint: { kind: 'primitive', name: 'tinyint' }, byte: { kind: 'primitive', name: 'tinyint' },
  smallint: { kind: 'primitive', name: 'smallint' }, short: { kind: 'primitive', name: 'smallint' },
  int: { kind: 'primitive', name: 'int' }, integer: { kind: 'primitive', name: 'int' },
  bigint: { kind: 'primitive', name: 'bigint' }, long: { kind: 'primitive', name: 'bigint' },
  float: { kind: 'primitive', name: 'float' }, real: { kind: 'primitive', name: 'float' },
  double: { kind: 'primitive', name: 'double' }, string: { kind: 'primitive', name: 'string' },
  binary: { kind: 'primitive', name: 'binary' }, date: { kind: 'primitive', name: 'date' },
  timestamp: { kind: 'primitive', name: 'timestamp' }, timestamp_ltz: { kind: 'primitive', name: 'timestamp' },
  timestamp_ntz: { kind: 'primitive', name: 'timestamp_ntz' }, void: { kind: 'primitive', name: 'void' },
};

const queryContinuation: ReadonlySet<TokenType> = new Set([
  T.RParen, T.Union, T.Intersect, T.Except, T.Minus, T.Order, T.Limit, T.Offset, T.Sort, T.Cluster, T.Distribute,
]);

const intervalUnits = new Set(['year', 'month', 'day', 'hour', 'minute', 'second']);

export function buildPrimitiveType(name: string, params: readonly number[], tok: IToken): DataTypeAst {
  const lower = name.toLowerCase();
  if (lower === 'decimal' || lower === 'dec' || lower === 'numeric') {
    return { kind: 'decimal', precision: params[0] ?? 10, scale: params[1] ?? 0 };
  }
  if ((lower === 'varchar' || lower === 'char' || lower === 'character') && params.length === 1) {
    return { kind: lower === 'varchar' ? 'varchar' : 'char', length: params[0]! };
  }
  const prim = primitiveTypes[lower];
  if (prim && params.length === 0) return prim;
  const shown = params.length ? `${name.toUpperCase()}(${params.join(',')})` : name.toUpperCase();
  throw parseFailure(`[UNSUPPORTED_DATATYPE] Unsupported data type "${shown}".`, tok, []);
}

function intervalType(start: string, end: string | undefined, tok: IToken): DataTypeAst {
  const s = start.toLowerCase();
  const e = (end ?? start).toLowerCase();
  const order = ['year', 'month', 'day', 'hour', 'minute', 'second'];
  if (!intervalUnits.has(s) || !intervalUnits.has(e) || order.indexOf(e) < order.indexOf(s)) {
    throw parseFailure(`[PARSE_SYNTAX_ERROR] Invalid interval type: ${start}${end ? ` TO ${end}` : ''}.`, tok, []);
  }
  const ym = (u: string): u is 'year' | 'month' => u === 'year' || u === 'month';
  if (ym(s) && ym(e)) return { kind: 'yearMonthInterval', start: s, end: e };
  if (!ym(s) && !ym(e)) return { kind: 'dayTimeInterval', start: s as DayTimeUnit, end: e as DayTimeUnit };
  throw parseFailure(`[PARSE_SYNTAX_ERROR] Invalid interval type: ${start} TO ${end ?? start}.`, tok, []);
}

export class ParserBase extends EmbeddedActionsParser {
  /** Defined by the query grammar; referenced by subquery expressions. */
  declare query: (idx?: number) => Query;

  constructor() {
    super(T.allTokens, { maxLookahead: 1, errorMessageProvider: messageProvider });
  }

  protected la(i: number): IToken {
    return this.LA(i);
  }

  protected isTok(i: number, t: TokenType): boolean {
    return tokenMatcher(this.LA(i), t);
  }

  protected isIdentLike(i: number): boolean {
    const t = this.LA(i);
    return tokenMatcher(t, T.Identifier) || tokenMatcher(t, T.BackquotedIdentifier) || tokenMatcher(t, T.NonReserved);
  }

  /** True when token i is a bare (unquoted) word equal to `word` (case-insensitive). */
  protected isWord(i: number, ...words: string[]): boolean {
    const t = this.LA(i);
    return (tokenMatcher(t, T.Identifier) || tokenMatcher(t, T.NonReserved)) && words.includes(t.image.toLowerCase());
  }

  /** `(` at position i opens a query: `(SELECT`, `(WITH`, ..., or nested parens that hold a whole query. */
  protected opensQuery(i: number): boolean {
    if (!this.isTok(i, T.LParen)) return false;
    let j = i + 1;
    while (this.isTok(j, T.LParen)) j++;
    if (!T.queryStartTokens.has(this.LA(j).tokenType)) return false;
    const leading = j - i;
    if (leading === 1) return true;
    // `((select 1) + 1)` is an expression, `((select 1) union (select 2))` a query: whenever one of the
    // leading parens closes, what follows must continue a query.
    let depth = 0;
    for (let k = i; ; k++) {
      const t = this.LA(k);
      if (t.tokenType === EOF) return false;
      if (tokenMatcher(t, T.LParen)) depth++;
      else if (tokenMatcher(t, T.RParen)) {
        depth--;
        if (depth === 0) return true;
        if (depth < leading && !queryContinuation.has(this.LA(k + 1).tokenType)) return false;
      }
    }
  }

  identifier = this.RULE('identifier', (): string => {
    return this.OR([
      { ALT: () => this.CONSUME(T.Identifier).image },
      {
        ALT: () => {
          const tok = this.CONSUME(T.BackquotedIdentifier);
          return this.ACTION(() => unescapeBackquoted(tok.image));
        },
      },
      { ALT: () => this.CONSUME(T.NonReserved).image },
    ]);
  });

  namePart = this.RULE('namePart', (): NamePart => {
    return this.OR([
      { ALT: () => ({ name: this.CONSUME(T.Identifier).image, quoted: false }) },
      {
        ALT: () => {
          const tok = this.CONSUME(T.BackquotedIdentifier);
          return this.ACTION(() => ({ name: unescapeBackquoted(tok.image), quoted: true }));
        },
      },
      { ALT: () => ({ name: this.CONSUME(T.NonReserved).image, quoted: false }) },
    ]);
  });

  multipartIdentifier = this.RULE('multipartIdentifier', (): string[] => {
    const parts: string[] = [this.SUBRULE(this.identifier)];
    this.MANY(() => {
      this.CONSUME(T.Dot);
      parts.push(this.SUBRULE2(this.identifier));
    });
    return parts;
  });

  identifierList = this.RULE('identifierList', (): string[] => {
    const names: string[] = [];
    this.CONSUME(T.LParen);
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => names.push(this.SUBRULE(this.identifier)) });
    this.CONSUME(T.RParen);
    return names;
  });

  /** Adjacent string literals concatenate, as in Spark. */
  stringLit = this.RULE('stringLit', (): string => {
    let s = '';
    this.AT_LEAST_ONE(() => {
      const tok = this.CONSUME(T.StringLiteral);
      this.ACTION(() => (s += unescapeString(tok.image)));
    });
    return s;
  });

  integerValue = this.RULE('integerValue', (): number => {
    const tok = this.CONSUME(T.NumberLiteral);
    return this.ACTION(() => {
      if (!/^\d+$/.test(tok.image)) throw parseFailure(`[PARSE_SYNTAX_ERROR] Syntax error at or near '${tok.image}': an integer is required.`, tok, []);
      return Number(tok.image);
    });
  });

  dataType = this.RULE('dataType', (): DataTypeAst => {
    return this.OR([
      {
        IGNORE_AMBIGUITIES: true,
        GATE: () => this.isTok(2, T.Lt),
        ALT: () => {
          this.CONSUME(T.Array);
          this.CONSUME(T.Lt);
          const element = this.SUBRULE(this.dataType);
          this.CONSUME(T.Gt);
          return { kind: 'array', element } as DataTypeAst;
        },
      },
      {
        IGNORE_AMBIGUITIES: true,
        GATE: () => this.isTok(2, T.Lt),
        ALT: () => {
          this.CONSUME(T.Map);
          this.CONSUME2(T.Lt);
          const key = this.SUBRULE2(this.dataType);
          this.CONSUME(T.Comma);
          const value = this.SUBRULE3(this.dataType);
          this.CONSUME2(T.Gt);
          return { kind: 'map', key, value } as DataTypeAst;
        },
      },
      {
        IGNORE_AMBIGUITIES: true,
        GATE: () => this.isTok(2, T.Lt) || this.isTok(2, T.NotEq),
        ALT: () => {
          this.CONSUME(T.Struct);
          const fields: StructFieldAst[] = [];
          this.OR2([
            { ALT: () => this.CONSUME(T.NotEq) }, // `struct<>` lexes `<>` as one token
            {
              ALT: () => {
                this.CONSUME3(T.Lt);
                this.MANY_SEP({ SEP: T.Comma, DEF: () => fields.push(this.SUBRULE(this.structField)) });
                this.CONSUME3(T.Gt);
              },
            },
          ]);
          return { kind: 'struct', fields } as DataTypeAst;
        },
      },
      {
        ALT: () => {
          const tok = this.CONSUME(T.Interval);
          let start: string | undefined;
          let end: string | undefined;
          this.OPTION({
            GATE: () => this.isIdentLike(1),
            DEF: () => {
              start = this.SUBRULE2(this.identifier);
              this.OPTION2(() => {
                this.CONSUME(T.To);
                end = this.SUBRULE3(this.identifier);
              });
            },
          });
          return this.ACTION(() => (start === undefined ? { kind: 'calendarInterval' } : intervalType(start, end, tok)) as DataTypeAst);
        },
      },
      {
        ALT: () => {
          const tok = this.LA(1);
          const name = this.SUBRULE(this.identifier);
          const params: number[] = [];
          this.OPTION3(() => {
            this.CONSUME(T.LParen);
            this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => params.push(this.SUBRULE(this.integerValue)) });
            this.CONSUME(T.RParen);
          });
          return this.ACTION(() => buildPrimitiveType(name, params, tok));
        },
      },
    ]);
  });

  structField = this.RULE('structField', (): StructFieldAst => {
    // Spark's non-ANSI mode (its default) reserves no keyword in a column definition: `when INT, select STRING`
    const name = this.OR9([
      { ALT: () => this.SUBRULE(this.identifier) },
      { IGNORE_AMBIGUITIES: true, ALT: () => this.CONSUME(T.AnyKeyword).image },
    ]);
    this.OPTION(() => this.CONSUME(T.Colon));
    const type = this.SUBRULE(this.dataType);
    let nullable = true;
    let comment: string | undefined;
    this.OPTION2(() => {
      this.CONSUME(T.Not);
      this.CONSUME(T.Null);
      nullable = false;
    });
    this.OPTION3(() => {
      this.CONSUME(T.Comment);
      comment = this.SUBRULE(this.stringLit);
    });
    return comment === undefined ? { name, type, nullable } : { name, type, nullable, comment };
  });
}
