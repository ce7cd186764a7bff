// The readonly AST of Spark SQL text: expressions, data types, relations, queries and statements.
// Produced by the parser (grammar-*.ts), consumed by the analyzer. Names are kept as written;
// the analyzer does case-insensitive resolution.

export type DataTypeAst =
  | { readonly kind: 'primitive'; readonly name: PrimitiveTypeName }
  | { readonly kind: 'decimal'; readonly precision: number; readonly scale: number }
  | { readonly kind: 'varchar' | 'char'; readonly length: number }
  | { readonly kind: 'array'; readonly element: DataTypeAst }
  | { readonly kind: 'map'; readonly key: DataTypeAst; readonly value: DataTypeAst }
  | { readonly kind: 'struct'; readonly fields: readonly StructFieldAst[] }
  | { readonly kind: 'yearMonthInterval'; readonly start: 'year' | 'month'; readonly end: 'year' | 'month' }
  | { readonly kind: 'dayTimeInterval'; readonly start: DayTimeUnit; readonly end: DayTimeUnit }
  | { readonly kind: 'calendarInterval' };

export type PrimitiveTypeName =
  | 'boolean' | 'tinyint' | 'smallint' | 'int' | 'bigint' | 'float' | 'double' | 'string'
  | 'binary' | 'date' | 'timestamp' | 'timestamp_ntz' | 'void';

export type DayTimeUnit = 'day' | 'hour' | 'minute' | 'second';

export interface StructFieldAst {
  readonly name: string;
  readonly type: DataTypeAst;
  readonly nullable: boolean;
  readonly comment?: string;
}

export type NumericLiteralType = 'tinyint' | 'smallint' | 'int' | 'bigint' | 'float' | 'double' | 'decimal';

export type BinaryOp =
  | '+' | '-' | '*' | '/' | '%' | 'div' | '||' | '&' | '|' | '^'
  | '=' | '<>' | '<' | '<=' | '>' | '>=' | '<=>' | 'and' | 'or';

export type IntervalUnit =
  | 'year' | 'month' | 'week' | 'day' | 'hour' | 'minute' | 'second' | 'millisecond' | 'microsecond';

export type Expr =
  | { readonly kind: 'null' }
  | { readonly kind: 'boolean'; readonly value: boolean }
  /** `text` is the numeral without suffix; int literals too large for int become bigint, then decimal (as Spark). */
  | { readonly kind: 'number'; readonly type: NumericLiteralType; readonly text: string }
  | { readonly kind: 'string'; readonly value: string }
  /** DATE '...', TIMESTAMP '...', TIMESTAMP_NTZ '...', TIMESTAMP_LTZ '...'; binary X'..' has the hex digits as value. */
  | { readonly kind: 'typedLiteral'; readonly type: 'date' | 'timestamp' | 'timestamp_ntz' | 'timestamp_ltz' | 'binary'; readonly value: string }
  /** INTERVAL '1' DAY, INTERVAL 3 DAYS 2 HOURS, INTERVAL '1-2' YEAR TO MONTH, INTERVAL '1 day' */
  | { readonly kind: 'interval'; readonly parts: readonly IntervalPart[]; readonly to?: IntervalUnit }
  | { readonly kind: 'column'; readonly parts: readonly string[] }
  /** `*` or `t.*` */
  | { readonly kind: 'star'; readonly qualifier: readonly string[] }
  | { readonly kind: 'field'; readonly expr: Expr; readonly name: string }
  | { readonly kind: 'subscript'; readonly expr: Expr; readonly index: Expr }
  | { readonly kind: 'unary'; readonly op: '-' | '+' | '~' | 'not'; readonly expr: Expr }
  | { readonly kind: 'binary'; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'isNull'; readonly expr: Expr; readonly negated: boolean }
  | { readonly kind: 'isBoolean'; readonly expr: Expr; readonly value: boolean | null; readonly negated: boolean }
  | { readonly kind: 'isDistinctFrom'; readonly left: Expr; readonly right: Expr; readonly negated: boolean }
  | { readonly kind: 'between'; readonly expr: Expr; readonly low: Expr; readonly high: Expr; readonly negated: boolean }
  | { readonly kind: 'in'; readonly expr: Expr; readonly list: readonly Expr[]; readonly negated: boolean }
  | { readonly kind: 'inSubquery'; readonly expr: Expr; readonly query: Query; readonly negated: boolean }
  | { readonly kind: 'like'; readonly op: 'like' | 'ilike' | 'rlike'; readonly expr: Expr; readonly pattern: Expr; readonly escape?: string; readonly negated: boolean }
  | { readonly kind: 'likeQuantified'; readonly op: 'like' | 'ilike'; readonly quantifier: 'any' | 'all'; readonly expr: Expr; readonly patterns: readonly Expr[]; readonly negated: boolean }
  | { readonly kind: 'case'; readonly operand?: Expr; readonly branches: readonly CaseBranch[]; readonly else?: Expr }
  /** `mode` records the syntax: CAST(...), TRY_CAST(...) or x::type (same as CAST). */
  | { readonly kind: 'cast'; readonly expr: Expr; readonly type: DataTypeAst; readonly mode: 'cast' | 'try_cast' | 'colon' }
  | { readonly kind: 'function'; readonly name: readonly string[]; readonly args: readonly Expr[]; readonly distinct: boolean;
      readonly filter?: Expr; readonly ignoreNulls?: boolean; readonly over?: WindowRef }
  | { readonly kind: 'extract'; readonly field: string; readonly source: Expr }
  | { readonly kind: 'scalarSubquery'; readonly query: Query }
  | { readonly kind: 'exists'; readonly query: Query }
  | { readonly kind: 'lambda'; readonly params: readonly string[]; readonly body: Expr }
  /** `(a, b)`: an anonymous struct (Spark builds named_struct from it). */
  | { readonly kind: 'row'; readonly items: readonly Expr[] }
  /** `expr AS name` inside a function call or a row constructor: names a struct field. */
  | { readonly kind: 'alias'; readonly expr: Expr; readonly name: string }
  /** `name => value` argument of a function call. */
  | { readonly kind: 'namedArg'; readonly name: string; readonly value: Expr };

export interface IntervalPart {
  readonly value: string; // the literal text, e.g. '1', '-3', '1-2', '10 11:12:13'
  readonly unit: IntervalUnit | null; // null: the unit(s) are inside the string: INTERVAL '1 day 2 hours'
}

export interface CaseBranch {
  readonly when: Expr;
  readonly then: Expr;
}

export type WindowRef = { readonly kind: 'windowName'; readonly name: string } | WindowSpec;

export interface WindowSpec {
  readonly kind: 'windowSpec';
  readonly base?: string; // OVER (w ORDER BY ...)
  readonly partitionBy: readonly Expr[];
  readonly orderBy: readonly SortItem[];
  readonly frame?: WindowFrame;
}

export interface WindowFrame {
  readonly type: 'rows' | 'range';
  readonly start: FrameBound;
  readonly end: FrameBound; // CURRENT ROW when only a start is given
}

export type FrameBound =
  | { readonly kind: 'unboundedPreceding' }
  | { readonly kind: 'unboundedFollowing' }
  | { readonly kind: 'currentRow' }
  | { readonly kind: 'preceding'; readonly offset: Expr }
  | { readonly kind: 'following'; readonly offset: Expr };

export interface SortItem {
  readonly expr: Expr;
  readonly direction: 'asc' | 'desc';
  readonly nulls?: 'first' | 'last'; // absent: Spark default (ASC NULLS FIRST, DESC NULLS LAST)
}

export interface SelectItem {
  readonly expr: Expr;
  readonly alias?: string;
  /** `generator(...) AS (a, b)`: names for a multi-column generator's outputs. */
  readonly aliases?: readonly string[];
}

/** `LATERAL VIEW [OUTER] generator(args) table [AS] col1, col2` after the FROM relations. */
export interface LateralView {
  readonly outer: boolean;
  readonly generator: Expr;
  readonly table: string;
  readonly columns: readonly string[];
}

export interface TableAlias {
  readonly name: string;
  readonly columns?: readonly string[];
}

export type JoinType = 'inner' | 'cross' | 'left' | 'right' | 'full' | 'leftSemi' | 'leftAnti';

export type Relation =
  | { readonly kind: 'table'; readonly name: readonly string[]; readonly alias?: TableAlias }
  /** parquet.`/path`, csv.`...`, json.`...` (second name part backquoted, first a known format). */
  | { readonly kind: 'fileTable'; readonly format: string; readonly path: string; readonly alias?: TableAlias }
  | { readonly kind: 'subquery'; readonly query: Query; readonly alias?: TableAlias }
  | { readonly kind: 'values'; readonly rows: readonly (readonly Expr[])[]; readonly alias?: TableAlias }
  | { readonly kind: 'tableFunction'; readonly name: readonly string[]; readonly args: readonly Expr[]; readonly alias?: TableAlias }
  | { readonly kind: 'join'; readonly type: JoinType; readonly natural: boolean; readonly left: Relation; readonly right: Relation;
      readonly on?: Expr; readonly using?: readonly string[] };

export type GroupingElement =
  | { readonly kind: 'expr'; readonly expr: Expr }
  | { readonly kind: 'rollup' | 'cube'; readonly items: readonly Expr[] }
  | { readonly kind: 'groupingSets'; readonly sets: readonly (readonly Expr[])[] };

export interface NamedWindow {
  readonly name: string;
  readonly spec: WindowRef;
}

export interface SelectCore {
  readonly kind: 'select';
  readonly distinct: boolean;
  readonly items: readonly SelectItem[];
  readonly from?: Relation;
  readonly lateralViews?: readonly LateralView[];
  readonly where?: Expr;
  readonly groupBy?: readonly GroupingElement[];
  readonly having?: Expr;
  readonly windows: readonly NamedWindow[];
}

export type QueryBody =
  | SelectCore
  | { readonly kind: 'setOp'; readonly op: 'union' | 'intersect' | 'except'; readonly all: boolean; readonly left: QueryBody; readonly right: QueryBody }
  | { readonly kind: 'values'; readonly rows: readonly (readonly Expr[])[]; readonly alias?: TableAlias }
  | { readonly kind: 'table'; readonly name: readonly string[] } // TABLE t
  | Query; // a parenthesized query with its own ORDER BY / LIMIT / WITH

export interface Cte {
  readonly name: string;
  readonly columns?: readonly string[];
  readonly query: Query;
}

export interface Query {
  readonly kind: 'query';
  readonly ctes: readonly Cte[];
  readonly body: QueryBody;
  readonly orderBy: readonly SortItem[];
  readonly sortBy: readonly SortItem[];
  readonly distributeBy: readonly Expr[];
  readonly clusterBy: readonly Expr[];
  readonly limit?: Expr; // absent also for LIMIT ALL
  readonly offset?: Expr;
}

export interface ColumnDef {
  readonly name: string;
  readonly type: DataTypeAst;
  readonly nullable: boolean;
  readonly comment?: string;
}

export type ExplainMode = 'simple' | 'extended' | 'formatted' | 'codegen' | 'cost';

export type Statement =
  | Query
  | { readonly kind: 'createView'; readonly name: readonly string[]; readonly replace: boolean; readonly temporary: boolean;
      readonly global: boolean; readonly ifNotExists: boolean; readonly columns?: readonly string[]; readonly query: Query }
  | { readonly kind: 'createViewUsing'; readonly name: readonly string[]; readonly replace: boolean; readonly global: boolean;
      readonly columns?: readonly ColumnDef[]; readonly provider: string; readonly options: Readonly<Record<string, string>> }
  | { readonly kind: 'createTable'; readonly name: readonly string[]; readonly replace: boolean; readonly ifNotExists: boolean;
      readonly columns?: readonly ColumnDef[]; readonly provider?: string; readonly options: Readonly<Record<string, string>>;
      readonly partitionedBy: readonly string[]; readonly location?: string; readonly comment?: string; readonly query?: Query }
  | { readonly kind: 'createDatabase'; readonly name: readonly string[]; readonly ifNotExists: boolean }
  | { readonly kind: 'drop'; readonly object: 'table' | 'view' | 'database'; readonly name: readonly string[]; readonly ifExists: boolean }
  | { readonly kind: 'describeTable'; readonly name: readonly string[]; readonly extended: boolean; readonly column?: readonly string[] }
  | { readonly kind: 'describeQuery'; readonly query: Query }
  | { readonly kind: 'showTables'; readonly namespace?: readonly string[]; readonly pattern?: string }
  | { readonly kind: 'showColumns'; readonly table: readonly string[]; readonly namespace?: readonly string[] }
  | { readonly kind: 'showDatabases'; readonly pattern?: string }
  | { readonly kind: 'showFunctions'; readonly pattern?: string }
  | { readonly kind: 'explain'; readonly mode: ExplainMode; readonly statement: Statement }
  /** SET (all), SET -v (all with docs), SET k (show one), SET k=v; key and value are the raw text, trimmed. */
  | { readonly kind: 'set'; readonly key?: string; readonly value?: string; readonly verbose: boolean }
  | { readonly kind: 'reset'; readonly key?: string }
  | { readonly kind: 'cacheTable'; readonly name: readonly string[]; readonly lazy: boolean;
      readonly options: Readonly<Record<string, string>>; readonly query?: Query }
  | { readonly kind: 'uncacheTable'; readonly name: readonly string[]; readonly ifExists: boolean }
  | { readonly kind: 'clearCache' }
  | { readonly kind: 'refreshTable'; readonly name: readonly string[] }
  | { readonly kind: 'insert'; readonly table: readonly string[]; readonly overwrite: boolean; readonly columns?: readonly string[];
      readonly partition?: Readonly<Record<string, Expr | null>>; readonly query: Query }
  | { readonly kind: 'use'; readonly namespace: readonly string[] };
