// Lexer of the Spark SQL dialect: token types (keywords are case-insensitive) and the chevrotain Lexer.
// Used by the grammar (token types) and by parse.ts (tokenize). Words that are not keywords here
// (date, array, struct, int, ...) lex as identifiers and are interpreted by the grammar.
import { createToken, Lexer } from './chevrotain.js';
import type { TokenType } from 'chevrotain';

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /\s+/, group: Lexer.SKIPPED, line_breaks: true });
export const LineComment = createToken({ name: 'LineComment', pattern: /--[^\n\r]*/, group: Lexer.SKIPPED });
export const BlockComment = createToken({ name: 'BlockComment', pattern: /\/\*[\s\S]*?\*\//, group: Lexer.SKIPPED, line_breaks: true });

// An opening block comment with no end: lexed so parse.ts can report the unclosed comment at its position.
export const UnclosedComment = createToken({ name: 'UnclosedComment', pattern: /\/\*/, label: "'/*'" });

export const Identifier = createToken({ name: 'Identifier', pattern: /[A-Za-z_][A-Za-z0-9_]*/, label: 'identifier' });
export const BackquotedIdentifier = createToken({ name: 'BackquotedIdentifier', pattern: /`(?:[^`]|``)*`/, label: 'quoted identifier', line_breaks: true });
export const StringLiteral = createToken({
  name: 'StringLiteral',
  pattern: /'(?:[^'\\]|\\[\s\S])*'|"(?:[^"\\]|\\[\s\S])*"/,
  label: 'string',
  line_breaks: true,
});
// One token for all numerals; the suffix (L S Y BD D F) and the shape decide the literal type.
export const NumberLiteral = createToken({
  name: 'NumberLiteral',
  pattern: /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?(?:[bB][dD]|[lLsSyYdDfF])?(?![A-Za-z0-9_])/,
  label: 'number',
});

/** Non-reserved keywords share this category so they can also be used as identifiers. */
export const NonReserved = createToken({ name: 'NonReserved', pattern: Lexer.NA, label: 'identifier' });
/** Every keyword, reserved or not: Spark's non-ANSI mode takes any of them as a column name in a schema (`when INT`). */
export const AnyKeyword = createToken({ name: 'AnyKeyword', pattern: Lexer.NA, label: 'identifier' });

const keywordTokens: TokenType[] = [];
function kw(word: string, reserved = false): TokenType {
  const t = createToken({
    name: word,
    pattern: new RegExp(`${word}(?![A-Za-z0-9_])`, 'i'),
    longer_alt: Identifier,
    label: `'${word}'`,
    categories: reserved ? [AnyKeyword] : [NonReserved, AnyKeyword],
  });
  keywordTokens.push(t);
  return t;
}
const R = true;
// Reserved: never an identifier (keeps aliases and clause boundaries unambiguous).
export const Select = kw('SELECT', R), From = kw('FROM', R), Where = kw('WHERE', R), Group = kw('GROUP', R);
export const By = kw('BY', R), Having = kw('HAVING', R), Order = kw('ORDER', R), Limit = kw('LIMIT', R);
export const Offset = kw('OFFSET', R), Union = kw('UNION', R), Intersect = kw('INTERSECT', R), Except = kw('EXCEPT', R);
export const Minus = kw('MINUS', R), Join = kw('JOIN', R), Left = kw('LEFT', R), Right = kw('RIGHT', R);
export const Full = kw('FULL', R), Inner = kw('INNER', R), Outer = kw('OUTER', R), Cross = kw('CROSS', R);
export const Natural = kw('NATURAL', R), Semi = kw('SEMI', R), Anti = kw('ANTI', R), On = kw('ON', R);
export const Using = kw('USING', R), As = kw('AS', R), And = kw('AND', R), Or = kw('OR', R), Not = kw('NOT', R);
export const In = kw('IN', R), Is = kw('IS', R), Null = kw('NULL', R), True = kw('TRUE', R), False = kw('FALSE', R);
export const Case = kw('CASE', R), When = kw('WHEN', R), Then = kw('THEN', R), Else = kw('ELSE', R), End = kw('END', R);
export const Cast = kw('CAST', R), TryCast = kw('TRY_CAST', R), Between = kw('BETWEEN', R), Like = kw('LIKE', R);
export const RLike = kw('RLIKE', R), ILike = kw('ILIKE', R), Regexp = kw('REGEXP', R), Exists = kw('EXISTS', R);
export const Distinct = kw('DISTINCT', R), All = kw('ALL', R), With = kw('WITH', R), Window = kw('WINDOW', R);
export const Over = kw('OVER', R), Interval = kw('INTERVAL', R), Sort = kw('SORT', R), Cluster = kw('CLUSTER', R);
export const Distribute = kw('DISTRIBUTE', R), Lateral = kw('LATERAL', R), Into = kw('INTO', R), Div = kw('DIV', R);
export const Escape = kw('ESCAPE', R);
export const Filter = kw('FILTER'); // non-reserved: also the filter(array, lambda) function
// Non-reserved.
export const Partition = kw('PARTITION'), Asc = kw('ASC'), Desc = kw('DESC'), Nulls = kw('NULLS');
export const First = kw('FIRST'), Last = kw('LAST'), Rows = kw('ROWS'), Range = kw('RANGE');
export const Unbounded = kw('UNBOUNDED'), Preceding = kw('PRECEDING'), Following = kw('FOLLOWING');
export const Current = kw('CURRENT'), Row = kw('ROW'), Rollup = kw('ROLLUP'), Cube = kw('CUBE');
export const Grouping = kw('GROUPING'), Sets = kw('SETS'), Values = kw('VALUES'), Table = kw('TABLE');
export const Tables = kw('TABLES'), View = kw('VIEW'), Create = kw('CREATE'), Replace = kw('REPLACE');
export const Global = kw('GLOBAL'), Temporary = kw('TEMPORARY'), Temp = kw('TEMP'), Options = kw('OPTIONS');
export const Drop = kw('DROP'), If = kw('IF'), Describe = kw('DESCRIBE'), Extended = kw('EXTENDED');
export const Formatted = kw('FORMATTED'), Codegen = kw('CODEGEN'), Cost = kw('COST'), Query = kw('QUERY');
export const Show = kw('SHOW'), Columns = kw('COLUMNS'), Explain = kw('EXPLAIN'), Cache = kw('CACHE');
export const Uncache = kw('UNCACHE'), Lazy = kw('LAZY'), Insert = kw('INSERT'), Overwrite = kw('OVERWRITE');
export const Use = kw('USE'), Database = kw('DATABASE'), Databases = kw('DATABASES'), Schema = kw('SCHEMA');
export const Namespace = kw('NAMESPACE'), Namespaces = kw('NAMESPACES'), Comment = kw('COMMENT');
export const Partitioned = kw('PARTITIONED'), Location = kw('LOCATION'), Clear = kw('CLEAR'), Refresh = kw('REFRESH');
export const To = kw('TO'), Ignore = kw('IGNORE'), Respect = kw('RESPECT'), Unknown = kw('UNKNOWN'), For = kw('FOR');
export const Functions = kw('FUNCTIONS'), Cascade = kw('CASCADE'), Struct = kw('STRUCT'), Array = kw('ARRAY'), Map = kw('MAP');

export const Arrow = createToken({ name: 'Arrow', pattern: /->/, label: "'->'" });
export const FatArrow = createToken({ name: 'FatArrow', pattern: /=>/, label: "'=>'" });
export const NullSafeEq = createToken({ name: 'NullSafeEq', pattern: /<=>/, label: "'<=>'" });
export const LtEq = createToken({ name: 'LtEq', pattern: /<=/, label: "'<='" });
export const GtEq = createToken({ name: 'GtEq', pattern: />=/, label: "'>='" });
export const NotEq = createToken({ name: 'NotEq', pattern: /<>|!=/, label: "'<>'" });
export const EqEq = createToken({ name: 'EqEq', pattern: /==/, label: "'=='" });
export const Eq = createToken({ name: 'Eq', pattern: /=/, label: "'='" });
export const Lt = createToken({ name: 'Lt', pattern: /</, label: "'<'" });
export const Gt = createToken({ name: 'Gt', pattern: />/, label: "'>'" });
export const Concat = createToken({ name: 'Concat', pattern: /\|\|/, label: "'||'" });
export const Pipe = createToken({ name: 'Pipe', pattern: /\|/, label: "'|'" });
export const DoubleColon = createToken({ name: 'DoubleColon', pattern: /::/, label: "'::'" });
export const Colon = createToken({ name: 'Colon', pattern: /:/, label: "':'" });
export const Plus = createToken({ name: 'Plus', pattern: /\+/, label: "'+'" });
export const MinusSign = createToken({ name: 'MinusSign', pattern: /-/, label: "'-'" });
export const Star = createToken({ name: 'Star', pattern: /\*/, label: "'*'" });
export const Slash = createToken({ name: 'Slash', pattern: /\//, label: "'/'" });
export const Percent = createToken({ name: 'Percent', pattern: /%/, label: "'%'" });
export const Tilde = createToken({ name: 'Tilde', pattern: /~/, label: "'~'" });
export const Amp = createToken({ name: 'Amp', pattern: /&/, label: "'&'" });
export const Caret = createToken({ name: 'Caret', pattern: /\^/, label: "'^'" });
export const Bang = createToken({ name: 'Bang', pattern: /!/, label: "'!'" });
export const LParen = createToken({ name: 'LParen', pattern: /\(/, label: "'('" });
export const RParen = createToken({ name: 'RParen', pattern: /\)/, label: "')'" });
export const LBracket = createToken({ name: 'LBracket', pattern: /\[/, label: "'['" });
export const RBracket = createToken({ name: 'RBracket', pattern: /\]/, label: "']'" });
export const Comma = createToken({ name: 'Comma', pattern: /,/, label: "','" });
export const Dot = createToken({ name: 'Dot', pattern: /\./, label: "'.'" });
export const Semicolon = createToken({ name: 'Semicolon', pattern: /;/, label: "';'" });

export const allTokens: TokenType[] = [
  WhiteSpace, LineComment, BlockComment, UnclosedComment,
  NumberLiteral, // before Dot so ".5" is a number
  StringLiteral, BackquotedIdentifier,
  NonReserved, AnyKeyword, ...keywordTokens, Identifier,
  Arrow, FatArrow, NullSafeEq, LtEq, GtEq, NotEq, EqEq, Eq, Lt, Gt, Concat, Pipe, DoubleColon, Colon,
  Plus, MinusSign, Star, Slash, Percent, Tilde, Amp, Caret, Bang,
  LParen, RParen, LBracket, RBracket, Comma, Dot, Semicolon,
];

export const sqlLexer = new Lexer(allTokens, { positionTracking: 'full', ensureOptimizations: false });

/** Token types that start a query (used by gates that tell `(query)` from `(expr)`). */
export const queryStartTokens: ReadonlySet<TokenType> = new Set([Select, With, Values, From, Table]);
