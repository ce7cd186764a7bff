// Renders expressions and data types as Spark names unaliased columns (`(a + b)`, `count(1)`,
// `CAST(x AS INT)`, `CASE WHEN ... END`); the analyzer uses it for derived column names.
import { assertNever } from '../../common/assert.js';
import type { DataTypeAst, Expr, FrameBound, SortItem, WindowRef } from './ast.js';

export interface ExprToSqlOptions {
  /** How a column reference is named; default: its last name part (`t.a` -> `a`), as Spark does for qualifiers. */
  readonly columnName?: (parts: readonly string[]) => string;
}

/** Java's Double.toString, which Spark uses for double literals in names. */
export function javaDoubleString(d: number): string {
  if (Number.isNaN(d)) return 'NaN';
  if (!Number.isFinite(d)) return d > 0 ? 'Infinity' : '-Infinity';
  if (d === 0) return Object.is(d, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(d);
  if (abs >= 1e-3 && abs < 1e7) {
    const s = String(d);
    return s.includes('.') ? s : `${s}.0`;
  }
  const [mant, exp] = d.toExponential().split('e') as [string, string];
  return `${mant.includes('.') ? mant : `${mant}.0`}E${Number(exp)}`;
}

function numberName(e: Extract<Expr, { kind: 'number' }>): string {
  switch (e.type) {
    case 'double':
    case 'float':
      return javaDoubleString(Number(e.text));
    case 'decimal':
      return e.text.replace(/^(-?)0+(?=\d)/, '$1').replace(/^(-?)\./, '$10.').replace(/\.$/, '');
    case 'int':
    case 'bigint':
    case 'smallint':
    case 'tinyint':
      return BigInt(e.text).toString();
    default:
      return assertNever(e.type, 'numeric literal type');
  }
}

export function dataTypeToSql(t: DataTypeAst): string {
  switch (t.kind) {
    case 'primitive':
      return t.name.toUpperCase();
    case 'decimal':
      return `DECIMAL(${t.precision},${t.scale})`;
    case 'varchar':
    case 'char':
      return `${t.kind.toUpperCase()}(${t.length})`;
    case 'array':
      return `ARRAY<${dataTypeToSql(t.element)}>`;
    case 'map':
      return `MAP<${dataTypeToSql(t.key)}, ${dataTypeToSql(t.value)}>`;
    case 'struct':
      return `STRUCT<${t.fields.map((f) => `${f.name}: ${dataTypeToSql(f.type)}${f.nullable ? '' : ' NOT NULL'}`).join(', ')}>`;
    case 'yearMonthInterval':
    case 'dayTimeInterval':
      return t.start === t.end ? `INTERVAL ${t.start.toUpperCase()}` : `INTERVAL ${t.start.toUpperCase()} TO ${t.end.toUpperCase()}`;
    case 'calendarInterval':
      return 'INTERVAL';
    default:
      return assertNever(t, 'data type');
  }
}

const rankingFunctions = new Set(['row_number', 'rank', 'dense_rank', 'percent_rank', 'cume_dist', 'ntile']);

class Renderer {
  private readonly lambdaVars: string[] = [];
  constructor(private readonly opts: ExprToSqlOptions) {}

  render(e: Expr): string {
    const r = (x: Expr): string => this.render(x);
    switch (e.kind) {
      case 'null':
        return 'NULL';
      case 'boolean':
        return String(e.value);
      case 'number':
        return numberName(e);
      case 'string':
        return e.value;
      case 'typedLiteral':
        return e.type === 'binary' ? `X'${e.value.toUpperCase()}'` : `${e.type.toUpperCase()} '${e.value}'`;
      case 'interval':
        return `INTERVAL ${e.parts.map((p) => (p.unit ? `'${p.value}' ${p.unit.toUpperCase()}` : `'${p.value}'`)).join(' ')}${e.to ? ` TO ${e.to.toUpperCase()}` : ''}`;
      case 'column':
        if (e.parts.length === 1 && this.lambdaVars.includes(e.parts[0]!)) return 'namedlambdavariable()';
        return this.opts.columnName ? this.opts.columnName(e.parts) : e.parts[e.parts.length - 1]!;
      case 'star':
        return e.qualifier.length ? `${e.qualifier.join('.')}.*` : '*';
      case 'field':
        return `${r(e.expr)}.${e.name}`;
      case 'subscript':
        return `${r(e.expr)}[${r(e.index)}]`;
      case 'unary':
        if (e.op === 'not') return `(NOT ${r(e.expr)})`;
        if (e.op === '~') return `~${r(e.expr)}`;
        return `(${e.op} ${r(e.expr)})`;
      case 'binary':
        if (e.op === '||') return `concat(${r(e.left)}, ${r(e.right)})`;
        if (e.op === '<>') return `(NOT (${r(e.left)} = ${r(e.right)}))`;
        if (e.op === 'and' || e.op === 'or') return `(${r(e.left)} ${e.op.toUpperCase()} ${r(e.right)})`;
        return `(${r(e.left)} ${e.op} ${r(e.right)})`;
      case 'isNull':
        return `(${r(e.expr)} IS ${e.negated ? 'NOT ' : ''}NULL)`;
      case 'isBoolean': {
        const inner = e.value === null ? `(${r(e.expr)} IS NULL)` : `(${r(e.expr)} <=> ${e.value})`;
        return e.negated ? `(NOT ${inner})` : inner;
      }
      case 'isDistinctFrom': {
        const inner = `(${r(e.left)} <=> ${r(e.right)})`;
        return e.negated ? inner : `(NOT ${inner})`;
      }
      case 'between': {
        const inner = `((${r(e.expr)} >= ${r(e.low)}) AND (${r(e.expr)} <= ${r(e.high)}))`;
        return e.negated ? `(NOT ${inner})` : inner;
      }
      case 'in': {
        const inner = `(${r(e.expr)} IN (${e.list.map(r).join(', ')}))`;
        return e.negated ? `(NOT ${inner})` : inner;
      }
      case 'inSubquery': {
        const inner = `(${r(e.expr)} IN (listquery()))`;
        return e.negated ? `(NOT ${inner})` : inner;
      }
      case 'like': {
        const inner = e.op === 'ilike'
          ? `ilike(${r(e.expr)}, ${r(e.pattern)})`
          : `${r(e.expr)} ${e.op.toUpperCase()} ${r(e.pattern)}${e.escape !== undefined && e.escape !== '\\' ? ` ESCAPE '${e.escape}'` : ''}`;
        return e.negated ? `(NOT ${inner})` : inner;
      }
      case 'likeQuantified': {
        const inner = `${r(e.expr)} ${e.op.toUpperCase()} ${e.quantifier.toUpperCase()} (${e.patterns.map(r).join(', ')})`;
        return e.negated ? `(NOT ${inner})` : inner;
      }
      case 'case': {
        const when = e.branches
          .map((b) => `WHEN ${e.operand ? `(${r(e.operand)} = ${r(b.when)})` : r(b.when)} THEN ${r(b.then)}`)
          .join(' ');
        return `CASE ${when}${e.else ? ` ELSE ${r(e.else)}` : ''} END`;
      }
      case 'cast':
        return `${e.mode === 'try_cast' ? 'TRY_CAST' : 'CAST'}(${r(e.expr)} AS ${dataTypeToSql(e.type)})`;
      case 'function':
        return this.func(e);
      case 'extract':
        return `extract(${e.field} FROM ${r(e.source)})`;
      case 'scalarSubquery':
        return 'scalarsubquery()';
      case 'exists':
        return 'exists()';
      case 'lambda': {
        this.lambdaVars.push(...e.params);
        const body = r(e.body);
        this.lambdaVars.length -= e.params.length;
        return `lambdafunction(${[body, ...e.params.map(() => 'namedlambdavariable()')].join(', ')})`;
      }
      case 'row':
        return `named_struct(${e.items
          .map((x, i) => `${x.kind === 'alias' ? x.name : x.kind === 'column' ? x.parts[x.parts.length - 1] : `col${i + 1}`}, ${r(x.kind === 'alias' ? x.expr : x)}`)
          .join(', ')})`;
      case 'alias':
        return `${r(e.expr)} AS ${e.name}`;
      case 'namedArg':
        return `${e.name} => ${r(e.value)}`;
      default:
        return assertNever(e, 'expression');
    }
  }

  private func(e: Extract<Expr, { kind: 'function' }>): string {
    const name = e.name.map((p) => p.toLowerCase()).join('.');
    let args: string;
    if (name === 'count' && e.args.length === 1 && e.args[0]!.kind === 'star' && e.args[0]!.qualifier.length === 0) args = '1';
    else args = e.args.map((a) => this.render(a)).join(', ');
    const implicit = implicitLastArg[name];
    if (implicit !== undefined && e.args.length === implicit.arity) args = `${args}, ${implicit.text}`;
    let out = name === 'if' ? `(IF(${args}))` : `${name}(${e.distinct ? 'DISTINCT ' : ''}${args})`;
    if (e.ignoreNulls) out = `${out} IGNORE NULLS`;
    if (e.filter) out = `${out} FILTER (WHERE ${this.render(e.filter)})`;
    if (e.over) out = `${out} OVER ${this.window(e.over, rankingFunctions.has(name))}`;
    return out;
  }

  private window(w: WindowRef, ranking: boolean): string {
    if (w.kind === 'windowName') return w.name;
    const parts: string[] = [];
    if (w.partitionBy.length) parts.push(`PARTITION BY ${w.partitionBy.map((x) => this.render(x)).join(', ')}`);
    if (w.orderBy.length) parts.push(`ORDER BY ${w.orderBy.map((s) => this.sortItem(s)).join(', ')}`);
    if (w.frame) parts.push(`${w.frame.type.toUpperCase()} BETWEEN ${this.bound(w.frame.start)} AND ${this.bound(w.frame.end)}`);
    else if (ranking || !w.orderBy.length) {
      parts.push(ranking ? 'ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW' : 'ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING');
    } else parts.push('RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW');
    return `(${parts.join(' ')})`;
  }

  sortItem(s: SortItem): string {
    const nulls = s.nulls ?? (s.direction === 'asc' ? 'first' : 'last');
    return `${this.render(s.expr)} ${s.direction.toUpperCase()} NULLS ${nulls.toUpperCase()}`;
  }

  private bound(b: FrameBound): string {
    switch (b.kind) {
      case 'unboundedPreceding':
        return 'UNBOUNDED PRECEDING';
      case 'unboundedFollowing':
        return 'UNBOUNDED FOLLOWING';
      case 'currentRow':
        return 'CURRENT ROW';
      case 'preceding':
        return `${this.render(b.offset)} PRECEDING`;
      case 'following':
        return `${this.render(b.offset)} FOLLOWING`;
      default:
        return assertNever(b, 'frame bound');
    }
  }
}

/** Functions whose name shows a defaulted last argument (Spark names the expression after its constructor). */
const implicitLastArg: Readonly<Record<string, { readonly arity: number; readonly text: string }>> = {
  split: { arity: 2, text: '-1' },
  locate: { arity: 2, text: '1' },
  position: { arity: 2, text: '1' },
};

/** The name Spark gives an unaliased select item of this expression. */
export function exprToSql(expr: Expr, options: ExprToSqlOptions = {}): string {
  return new Renderer(options).render(expr);
}

/** `v ASC NULLS FIRST`, as Spark renders sort orders. */
export function sortItemToSql(item: SortItem, options: ExprToSqlOptions = {}): string {
  return new Renderer(options).sortItem(item);
}
