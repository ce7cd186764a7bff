// Expression grammar of Spark SQL with Spark's precedence: OR < AND < NOT < predicates
// (IS/BETWEEN/IN/LIKE) < comparison < | < ^ < & < (+ - ||) < (* / % DIV) < unary < postfix.
import * as T from './tokens.js';
import { PrimaryParser } from './grammar-primary.js';
import type { BinaryOp, Expr } from './ast.js';

const bin = (op: BinaryOp, left: Expr, right: Expr): Expr => ({ kind: 'binary', op, left, right });

export class ExprParser extends PrimaryParser {
  override expression = this.RULE('expression', (): Expr => this.SUBRULE(this.orExpr));

  orExpr = this.RULE('orExpr', (): Expr => {
    let e = this.SUBRULE(this.andExpr);
    this.MANY(() => {
      this.CONSUME(T.Or);
      const r = this.SUBRULE2(this.andExpr);
      e = bin('or', e, r);
    });
    return e;
  });

  andExpr = this.RULE('andExpr', (): Expr => {
    let e = this.SUBRULE(this.notExpr);
    this.MANY(() => {
      this.CONSUME(T.And);
      const r = this.SUBRULE2(this.notExpr);
      e = bin('and', e, r);
    });
    return e;
  });

  notExpr = this.RULE('notExpr', (): Expr => {
    return this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Not);
          return { kind: 'unary', op: 'not', expr: this.SUBRULE(this.notExpr) } as Expr;
        },
      },
      {
        ALT: () => {
          const e = this.SUBRULE(this.comparison);
          return this.OPTION(() => this.SUBRULE(this.predicate, { ARGS: [e] })) ?? e;
        },
      },
    ]);
  });

  predicate = this.RULE('predicate', (e: Expr): Expr => {
    return this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Is);
          const negated = this.OPTION(() => this.CONSUME(T.Not)) !== undefined;
          return this.OR2([
            { ALT: () => (this.CONSUME(T.Null), { kind: 'isNull', expr: e, negated } as Expr) },
            { ALT: () => (this.CONSUME(T.True), { kind: 'isBoolean', expr: e, value: true, negated } as Expr) },
            { ALT: () => (this.CONSUME(T.False), { kind: 'isBoolean', expr: e, value: false, negated } as Expr) },
            { ALT: () => (this.CONSUME(T.Unknown), { kind: 'isBoolean', expr: e, value: null, negated } as Expr) },
            {
              ALT: () => {
                this.CONSUME(T.Distinct);
                this.CONSUME(T.From);
                const right = this.SUBRULE(this.comparison);
                return { kind: 'isDistinctFrom', left: e, right, negated } as Expr;
              },
            },
          ]);
        },
      },
      {
        ALT: () => {
          const negated = this.OPTION2(() => this.CONSUME2(T.Not)) !== undefined;
          return this.OR3([
            {
              ALT: () => {
                this.CONSUME(T.Between);
                const low = this.SUBRULE2(this.comparison);
                this.CONSUME(T.And);
                const high = this.SUBRULE3(this.comparison);
                return { kind: 'between', expr: e, low, high, negated } as Expr;
              },
            },
            { ALT: () => this.SUBRULE(this.inPredicate, { ARGS: [e, negated] }) },
            { ALT: () => this.SUBRULE(this.likePredicate, { ARGS: [e, negated] }) },
            {
              ALT: () => {
                this.OR4([{ ALT: () => this.CONSUME(T.RLike) }, { ALT: () => this.CONSUME(T.Regexp) }]);
                const pattern = this.SUBRULE4(this.comparison);
                return { kind: 'like', op: 'rlike', expr: e, pattern, negated } as Expr;
              },
            },
          ]);
        },
      },
    ]);
  });

  inPredicate = this.RULE('inPredicate', (e: Expr, negated: boolean): Expr => {
    this.CONSUME(T.In);
    return this.OR([
      {
        GATE: () => this.opensQuery(1),
        ALT: () => {
          this.CONSUME(T.LParen);
          const query = this.SUBRULE(this.query);
          this.CONSUME(T.RParen);
          return { kind: 'inSubquery', expr: e, query, negated } as Expr;
        },
      },
      {
        ALT: () => {
          const list = this.SUBRULE(this.nonEmptyParenExprList);
          return { kind: 'in', expr: e, list, negated } as Expr;
        },
      },
    ]);
  });

  likePredicate = this.RULE('likePredicate', (e: Expr, negated: boolean): Expr => {
    const op = this.OR([
      { ALT: () => (this.CONSUME(T.Like), 'like' as const) },
      { ALT: () => (this.CONSUME(T.ILike), 'ilike' as const) },
    ]);
    return this.OR2([
      {
        GATE: () => (this.isTok(1, T.All) || this.isWord(1, 'any', 'some')) && this.isTok(2, T.LParen),
        ALT: () => {
          const q = this.OR3([
            { ALT: () => (this.CONSUME(T.All), 'all' as const) },
            { ALT: () => (this.SUBRULE(this.identifier), 'any' as const) },
          ]);
          const patterns = this.SUBRULE(this.nonEmptyParenExprList);
          return { kind: 'likeQuantified', op, quantifier: q, expr: e, patterns, negated } as Expr;
        },
      },
      {
        ALT: () => {
          const pattern = this.SUBRULE(this.comparison);
          const escape = this.OPTION(() => {
            this.CONSUME(T.Escape);
            return this.SUBRULE(this.stringLit);
          });
          return (escape === undefined
            ? { kind: 'like', op, expr: e, pattern, negated }
            : { kind: 'like', op, expr: e, pattern, escape, negated }) as Expr;
        },
      },
    ]);
  });

  parenExprList = this.RULE('parenExprList', (): Expr[] => {
    const list: Expr[] = [];
    this.CONSUME(T.LParen);
    this.MANY_SEP({ SEP: T.Comma, DEF: () => list.push(this.SUBRULE(this.expression)) });
    this.CONSUME(T.RParen);
    return list;
  });

  nonEmptyParenExprList = this.RULE('nonEmptyParenExprList', (): Expr[] => {
    const list: Expr[] = [];
    this.CONSUME(T.LParen);
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => list.push(this.SUBRULE(this.expression)) });
    this.CONSUME(T.RParen);
    return list;
  });

  override comparison = this.RULE('comparison', (): Expr => {
    let e = this.SUBRULE(this.bitOr);
    this.MANY(() => {
      const op = this.OR([
        { ALT: () => (this.CONSUME(T.Eq), '=' as const) },
        { ALT: () => (this.CONSUME(T.EqEq), '=' as const) },
        { ALT: () => (this.CONSUME(T.NotEq), '<>' as const) },
        { ALT: () => (this.CONSUME(T.Lt), '<' as const) },
        { ALT: () => (this.CONSUME(T.LtEq), '<=' as const) },
        { ALT: () => (this.CONSUME(T.Gt), '>' as const) },
        { ALT: () => (this.CONSUME(T.GtEq), '>=' as const) },
        { ALT: () => (this.CONSUME(T.NullSafeEq), '<=>' as const) },
      ]);
      const r = this.SUBRULE2(this.bitOr);
      e = bin(op, e, r);
    });
    return e;
  });

  bitOr = this.RULE('bitOr', (): Expr => {
    let e = this.SUBRULE(this.bitXor);
    this.MANY(() => {
      this.CONSUME(T.Pipe);
      const r = this.SUBRULE2(this.bitXor);
      e = bin('|', e, r);
    });
    return e;
  });

  bitXor = this.RULE('bitXor', (): Expr => {
    let e = this.SUBRULE(this.bitAnd);
    this.MANY(() => {
      this.CONSUME(T.Caret);
      const r = this.SUBRULE2(this.bitAnd);
      e = bin('^', e, r);
    });
    return e;
  });

  bitAnd = this.RULE('bitAnd', (): Expr => {
    let e = this.SUBRULE(this.additive);
    this.MANY(() => {
      this.CONSUME(T.Amp);
      const r = this.SUBRULE2(this.additive);
      e = bin('&', e, r);
    });
    return e;
  });

  additive = this.RULE('additive', (): Expr => {
    let e = this.SUBRULE(this.multiplicative);
    this.MANY(() => {
      const op = this.OR([
        { ALT: () => (this.CONSUME(T.Plus), '+' as const) },
        { ALT: () => (this.CONSUME(T.MinusSign), '-' as const) },
        { ALT: () => (this.CONSUME(T.Concat), '||' as const) },
      ]);
      const r = this.SUBRULE2(this.multiplicative);
      e = bin(op, e, r);
    });
    return e;
  });

  multiplicative = this.RULE('multiplicative', (): Expr => {
    let e = this.SUBRULE(this.unary);
    this.MANY(() => {
      const op = this.OR([
        { ALT: () => (this.CONSUME(T.Star), '*' as const) },
        { ALT: () => (this.CONSUME(T.Slash), '/' as const) },
        { ALT: () => (this.CONSUME(T.Percent), '%' as const) },
        { ALT: () => (this.CONSUME(T.Div), 'div' as const) },
      ]);
      const r = this.SUBRULE2(this.unary);
      e = bin(op, e, r);
    });
    return e;
  });

  unary = this.RULE('unary', (): Expr => {
    return this.OR([
      // `-1` is a negative literal (Spark names the column `-1`), `-a` is a unary minus
      {
        IGNORE_AMBIGUITIES: true,
        GATE: () => !(this.isTok(1, T.MinusSign) && !this.isTok(2, T.NumberLiteral)),
        ALT: () => this.SUBRULE(this.postfix),
      },
      {
        ALT: () => {
          const op = this.OR2([
            { ALT: () => (this.CONSUME(T.MinusSign), '-' as const) },
            { ALT: () => (this.CONSUME(T.Plus), '+' as const) },
            { ALT: () => (this.CONSUME(T.Tilde), '~' as const) },
            { ALT: () => (this.CONSUME(T.Bang), 'not' as const) },
          ]);
          return { kind: 'unary', op, expr: this.SUBRULE(this.unary) } as Expr;
        },
      },
    ]);
  });

  postfix = this.RULE('postfix', (): Expr => {
    let e = this.SUBRULE(this.primary);
    this.MANY(() => {
      this.OR([
        {
          ALT: () => {
            this.CONSUME(T.LBracket);
            const index = this.SUBRULE(this.expression);
            this.CONSUME(T.RBracket);
            e = { kind: 'subscript', expr: e, index };
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Dot);
            const name = this.SUBRULE(this.identifier);
            e = { kind: 'field', expr: e, name };
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.DoubleColon);
            const type = this.SUBRULE(this.dataType);
            e = { kind: 'cast', expr: e, type, mode: 'colon' };
          },
        },
      ]);
    });
    return e;
  });
}
