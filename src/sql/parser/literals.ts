// Literal interpretation shared by the grammar: numerals with Spark's suffixes and typing rules,
// typed literals (DATE '…', X'…') and interval unit names.
import type { IToken } from 'chevrotain';
import type { Expr, IntervalUnit, NumericLiteralType } from './ast.js';
import { parseFailure } from './parse-error.js';

const INT_MAX = 2147483647n;
const LONG_MAX = 9223372036854775807n;

/** `1` int, `3000000000` bigint, `1L` bigint, `1S` smallint, `1Y` tinyint, `1.5` decimal, `1e3`/`1.5D` double, `1F` float, `1BD` decimal. */
export function numberLiteral(tok: IToken, negative: boolean): Expr {
  const m = /^(.*?)(bd|[lsydf])?$/i.exec(tok.image)!;
  const body = m[1]!;
  const suffix = (m[2] ?? '').toLowerCase();
  const text = negative ? `-${body}` : body;
  const integral = /^\d+$/.test(body);
  let type: NumericLiteralType;
  switch (suffix) {
    case 'l': type = 'bigint'; break;
    case 's': type = 'smallint'; break;
    case 'y': type = 'tinyint'; break;
    case 'd': type = 'double'; break;
    case 'f': type = 'float'; break;
    case 'bd': type = 'decimal'; break;
    default:
      if (/e/i.test(body)) type = 'double';
      else if (!integral) type = 'decimal';
      else {
        const v = BigInt(text);
        const abs = v < 0n ? -v - 1n : v; // negative side of the range is one larger
        type = abs <= INT_MAX ? 'int' : abs <= LONG_MAX ? 'bigint' : 'decimal';
      }
  }
  if ((type === 'bigint' || type === 'smallint' || type === 'tinyint') && !integral) {
    throw parseFailure(`[PARSE_SYNTAX_ERROR] Invalid numeric literal '${tok.image}'.`, tok, []);
  }
  if (suffix !== '' && integral && type !== 'double' && type !== 'float' && type !== 'decimal') {
    const limits: Record<string, bigint> = { bigint: LONG_MAX, smallint: 32767n, tinyint: 127n };
    const v = BigInt(text);
    const max = limits[type]!;
    if (v > max || v < -max - 1n) {
      throw parseFailure(`[INVALID_NUMERIC_LITERAL_RANGE] Numeric literal ${text} is outside the valid range for ${type}.`, tok, []);
    }
  }
  return { kind: 'number', type, text };
}

const typedLiteralNames: Record<string, 'date' | 'timestamp' | 'timestamp_ntz' | 'timestamp_ltz' | 'binary'> = {
  date: 'date', timestamp: 'timestamp', timestamp_ntz: 'timestamp_ntz', timestamp_ltz: 'timestamp_ltz', x: 'binary',
};

export function isTypedLiteralName(name: string): boolean {
  return typedLiteralNames[name.toLowerCase()] !== undefined;
}

export function typedLiteral(name: string, value: string, tok: IToken): Expr {
  const type = typedLiteralNames[name.toLowerCase()];
  if (type === undefined) throw parseFailure(`[UNSUPPORTED_TYPED_LITERAL] Literals of the type ${name.toUpperCase()} are not supported.`, tok, []);
  if (type === 'binary' && !/^[0-9a-fA-F]*$/.test(value)) {
    throw parseFailure(`[INVALID_TYPED_LITERAL] The value of the typed literal "X" is invalid: '${value}'.`, tok, []);
  }
  return { kind: 'typedLiteral', type, value };
}

const units: Record<string, IntervalUnit> = {
  year: 'year', month: 'month', week: 'week', day: 'day', hour: 'hour', minute: 'minute', second: 'second',
  millisecond: 'millisecond', microsecond: 'microsecond',
};

/** `days` -> day; undefined when the word is no interval unit. */
export function intervalUnit(word: string): IntervalUnit | undefined {
  const w = word.toLowerCase();
  return units[w] ?? (w.endsWith('s') ? units[w.slice(0, -1)] : undefined);
}
