// Statement grammar (CREATE VIEW/TABLE, DROP, DESCRIBE, SHOW, EXPLAIN, CACHE, INSERT, USE) and the
// singleton parser instance. SET/RESET are raw-text statements handled by parse.ts, not here.
import * as T from './tokens.js';
import { QueryParser } from './grammar-query.js';
import type { ColumnDef, DataTypeAst, ExplainMode, Expr, Statement } from './ast.js';
import { parseFailure } from './parse-error.js';
import { unescapeString } from './parser-base.js';

interface ViewColumn {
  readonly name: string;
  readonly type?: DataTypeAst;
  readonly nullable: boolean;
  readonly comment?: string;
}

function toColumnDefs(cols: readonly ViewColumn[]): ColumnDef[] {
  return cols.map((c) => ({ name: c.name, type: c.type!, nullable: c.nullable, ...(c.comment !== undefined ? { comment: c.comment } : {}) }));
}

export class SqlParser extends QueryParser {
  statement = this.RULE('statement', (): Statement => {
    return this.OR([
      { ALT: () => this.SUBRULE(this.query) },
      { ALT: () => this.SUBRULE(this.createStatement) },
      { ALT: () => this.SUBRULE(this.dropStatement) },
      { ALT: () => this.SUBRULE(this.describeStatement) },
      { ALT: () => this.SUBRULE(this.showStatement) },
      {
        ALT: () => {
          this.CONSUME(T.Explain);
          const mode = this.OPTION(() => this.OR2([
            { ALT: () => (this.CONSUME(T.Extended), 'extended' as const) },
            { ALT: () => (this.CONSUME(T.Formatted), 'formatted' as const) },
            { ALT: () => (this.CONSUME(T.Codegen), 'codegen' as const) },
            { ALT: () => (this.CONSUME(T.Cost), 'cost' as const) },
          ])) ?? ('simple' as ExplainMode);
          return { kind: 'explain', mode, statement: this.SUBRULE(this.statement) } as Statement;
        },
      },
      { ALT: () => this.SUBRULE(this.cacheStatement) },
      { ALT: () => this.SUBRULE(this.insertStatement) },
      {
        ALT: () => {
          this.CONSUME(T.Use);
          this.OPTION2(() => this.OR3([{ ALT: () => this.CONSUME(T.Database) }, { ALT: () => this.CONSUME(T.Namespace) }]));
          return { kind: 'use', namespace: this.SUBRULE(this.multipartIdentifier) } as Statement;
        },
      },
    ]);
  });

  ifNotExists = this.RULE('ifNotExists', (): boolean => {
    return this.OPTION(() => (this.CONSUME(T.If), this.CONSUME(T.Not), this.CONSUME(T.Exists), true)) ?? false;
  });

  ifExists = this.RULE('ifExists', (): boolean => {
    return this.OPTION(() => (this.CONSUME(T.If), this.CONSUME(T.Exists), true)) ?? false;
  });

  createStatement = this.RULE('createStatement', (): Statement => {
    this.CONSUME(T.Create);
    const replace = this.OPTION(() => (this.CONSUME(T.Or), this.CONSUME(T.Replace), true)) ?? false;
    return this.OR([
      { ALT: () => this.SUBRULE(this.createViewRest, { ARGS: [replace] }) },
      { ALT: () => this.SUBRULE(this.createTableRest, { ARGS: [replace] }) },
      {
        ALT: () => {
          this.OR2([{ ALT: () => this.CONSUME(T.Database) }, { ALT: () => this.CONSUME(T.Schema) }, { ALT: () => this.CONSUME(T.Namespace) }]);
          const ifNotExists = this.SUBRULE(this.ifNotExists);
          return { kind: 'createDatabase', name: this.SUBRULE(this.multipartIdentifier), ifNotExists } as Statement;
        },
      },
    ]);
  });

  createViewRest = this.RULE('createViewRest', (replace: boolean): Statement => {
    const global = this.OPTION(() => this.CONSUME(T.Global)) !== undefined;
    const temporary = this.OPTION2(() => this.OR([{ ALT: () => this.CONSUME(T.Temp) }, { ALT: () => this.CONSUME(T.Temporary) }])) !== undefined;
    const viewTok = this.CONSUME(T.View);
    const ifNotExists = this.SUBRULE(this.ifNotExists);
    const name = this.SUBRULE(this.multipartIdentifier);
    const cols = this.OPTION3(() => {
      const list: ViewColumn[] = [];
      this.CONSUME(T.LParen);
      this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => list.push(this.SUBRULE(this.viewColumn)) });
      this.CONSUME(T.RParen);
      return list;
    });
    return this.OR2([
      {
        ALT: () => {
          this.CONSUME(T.Using);
          const provider = this.SUBRULE(this.identifier);
          const options = this.OPTION4(() => this.SUBRULE(this.optionsClause)) ?? {};
          return this.ACTION((): Statement => {
            if (cols?.some((c) => c.type === undefined)) throw parseFailure('[PARSE_SYNTAX_ERROR] A column type is required in the view schema.', viewTok, []);
            return { kind: 'createViewUsing', name, replace, global, provider, options, ...(cols ? { columns: toColumnDefs(cols) } : {}) };
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.As);
          const query = this.SUBRULE(this.query);
          return this.ACTION((): Statement => ({
            kind: 'createView', name, replace, temporary, global, ifNotExists, query,
            ...(cols ? { columns: cols.map((c) => c.name) } : {}),
          }));
        },
      },
    ]);
  });

  viewColumn = this.RULE('viewColumn', (): ViewColumn => {
    const name = this.SUBRULE(this.identifier);
    const type = this.OPTION({ GATE: () => !this.isTok(1, T.Comment), DEF: () => this.SUBRULE(this.dataType) });
    const nullable = this.OPTION2(() => (this.CONSUME(T.Not), this.CONSUME(T.Null), false)) ?? true;
    const comment = this.OPTION3(() => (this.CONSUME(T.Comment), this.SUBRULE(this.stringLit)));
    return { name, nullable, ...(type !== undefined ? { type } : {}), ...(comment !== undefined ? { comment } : {}) };
  });

  createTableRest = this.RULE('createTableRest', (replace: boolean): Statement => {
    this.CONSUME(T.Table);
    const ifNotExists = this.SUBRULE(this.ifNotExists);
    const name = this.SUBRULE(this.multipartIdentifier);
    const columns = this.OPTION({
      GATE: () => !this.opensQuery(1),
      DEF: () => {
        const list: ColumnDef[] = [];
        this.CONSUME(T.LParen);
        this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => list.push(this.SUBRULE(this.structField)) });
        this.CONSUME(T.RParen);
        return list;
      },
    });
    let provider: string | undefined;
    let options: Record<string, string> = {};
    let partitionedBy: string[] = [];
    let location: string | undefined;
    let comment: string | undefined;
    this.MANY(() => {
      this.OR([
        { ALT: () => (this.CONSUME(T.Using), (provider = this.SUBRULE(this.identifier))) },
        { ALT: () => (options = this.SUBRULE(this.optionsClause)) },
        { ALT: () => (this.CONSUME(T.Partitioned), this.CONSUME(T.By), (partitionedBy = this.SUBRULE(this.identifierList))) },
        { ALT: () => (this.CONSUME(T.Location), (location = this.SUBRULE(this.stringLit))) },
        { ALT: () => (this.CONSUME(T.Comment), (comment = this.SUBRULE2(this.stringLit))) },
      ]);
    });
    const query = this.OPTION2(() => (this.OPTION3(() => this.CONSUME(T.As)), this.SUBRULE(this.query)));
    return {
      kind: 'createTable', name, replace, ifNotExists, options, partitionedBy,
      ...(columns !== undefined ? { columns } : {}),
      ...(provider !== undefined ? { provider } : {}),
      ...(location !== undefined ? { location } : {}),
      ...(comment !== undefined ? { comment } : {}),
      ...(query !== undefined ? { query } : {}),
    };
  });

  optionsClause = this.RULE('optionsClause', (): Record<string, string> => {
    const options: Record<string, string> = {};
    this.CONSUME(T.Options);
    this.CONSUME(T.LParen);
    this.MANY_SEP({ SEP: T.Comma, DEF: () => {
      const key = this.OR([
        {
          ALT: () => {
            const tok = this.CONSUME(T.StringLiteral);
            return this.ACTION(() => unescapeString(tok.image));
          },
        },
        {
          ALT: () => {
            const parts = this.SUBRULE(this.multipartIdentifier);
            return this.ACTION(() => parts.join('.'));
          },
        },
      ]);
      this.OPTION(() => this.CONSUME(T.Eq));
      const value = this.OR2([
        { ALT: () => this.SUBRULE2(this.stringLit) },
        { ALT: () => this.CONSUME(T.NumberLiteral).image },
        { ALT: () => this.CONSUME(T.True).image.toLowerCase() },
        { ALT: () => this.CONSUME(T.False).image.toLowerCase() },
        { ALT: () => this.SUBRULE(this.identifier) },
      ]);
      this.ACTION(() => (options[key] = value));
    } });
    this.CONSUME(T.RParen);
    return options;
  });

  dropStatement = this.RULE('dropStatement', (): Statement => {
    this.CONSUME(T.Drop);
    const object = this.OR([
      { ALT: () => (this.CONSUME(T.Table), 'table' as const) },
      { ALT: () => (this.CONSUME(T.View), 'view' as const) },
      { ALT: () => (this.CONSUME(T.Database), 'database' as const) },
      { ALT: () => (this.CONSUME(T.Schema), 'database' as const) },
      { ALT: () => (this.CONSUME(T.Namespace), 'database' as const) },
    ]);
    const ifExists = this.SUBRULE(this.ifExists);
    const name = this.SUBRULE(this.multipartIdentifier);
    this.OPTION(() => this.CONSUME(T.Cascade));
    return { kind: 'drop', object, name, ifExists };
  });

  describeStatement = this.RULE('describeStatement', (): Statement => {
    this.OR([{ ALT: () => this.CONSUME(T.Describe) }, { ALT: () => this.CONSUME(T.Desc) }]);
    return this.OR2([
      {
        IGNORE_AMBIGUITIES: true,
        GATE: () => !this.isIdentLike(2) || this.isTok(2, T.Values) || this.isTok(2, T.Table),
        ALT: () => (this.CONSUME(T.Query), { kind: 'describeQuery', query: this.SUBRULE(this.query) }) as Statement,
      },
      {
        GATE: () => this.isTok(1, T.Select) || this.isTok(1, T.With) || this.isTok(1, T.From) || this.isTok(1, T.LParen) || this.isTok(1, T.Values),
        IGNORE_AMBIGUITIES: true,
        ALT: () => ({ kind: 'describeQuery', query: this.SUBRULE2(this.query) }) as Statement,
      },
      {
        ALT: () => {
          this.OPTION(() => this.CONSUME(T.Table));
          const extended = this.OPTION2(() => this.OR3([{ ALT: () => this.CONSUME(T.Extended) }, { ALT: () => this.CONSUME(T.Formatted) }])) !== undefined;
          const name = this.SUBRULE(this.multipartIdentifier);
          const column = this.OPTION3(() => this.SUBRULE2(this.multipartIdentifier));
          return { kind: 'describeTable', name, extended, ...(column !== undefined ? { column } : {}) } as Statement;
        },
      },
    ]);
  });

  likePattern = this.RULE('likePattern', (): string => {
    this.OPTION(() => this.CONSUME(T.Like));
    return this.SUBRULE(this.stringLit);
  });

  showStatement = this.RULE('showStatement', (): Statement => {
    this.CONSUME(T.Show);
    return this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Tables);
          const namespace = this.OPTION(() => (this.OR2([{ ALT: () => this.CONSUME(T.From) }, { ALT: () => this.CONSUME(T.In) }]), this.SUBRULE(this.multipartIdentifier)));
          const pattern = this.OPTION2(() => this.SUBRULE(this.likePattern));
          return { kind: 'showTables', ...(namespace ? { namespace } : {}), ...(pattern !== undefined ? { pattern } : {}) } as Statement;
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Columns);
          this.OR3([{ ALT: () => this.CONSUME2(T.From) }, { ALT: () => this.CONSUME2(T.In) }]);
          const table = this.SUBRULE2(this.multipartIdentifier);
          const namespace = this.OPTION3(() => (this.OR4([{ ALT: () => this.CONSUME3(T.From) }, { ALT: () => this.CONSUME3(T.In) }]), this.SUBRULE3(this.multipartIdentifier)));
          return { kind: 'showColumns', table, ...(namespace ? { namespace } : {}) } as Statement;
        },
      },
      {
        ALT: () => {
          this.OR5([{ ALT: () => this.CONSUME(T.Databases) }, { ALT: () => this.CONSUME(T.Namespaces) }]);
          const pattern = this.OPTION4(() => this.SUBRULE2(this.likePattern));
          return { kind: 'showDatabases', ...(pattern !== undefined ? { pattern } : {}) } as Statement;
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Functions);
          const pattern = this.OPTION5(() => this.SUBRULE3(this.likePattern));
          return { kind: 'showFunctions', ...(pattern !== undefined ? { pattern } : {}) } as Statement;
        },
      },
    ]);
  });

  cacheStatement = this.RULE('cacheStatement', (): Statement => {
    return this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Cache);
          const lazy = this.OPTION(() => this.CONSUME(T.Lazy)) !== undefined;
          this.CONSUME(T.Table);
          const name = this.SUBRULE(this.multipartIdentifier);
          const options = this.OPTION2(() => this.SUBRULE(this.optionsClause)) ?? {};
          const query = this.OPTION3(() => (this.OPTION4(() => this.CONSUME(T.As)), this.SUBRULE(this.query)));
          return { kind: 'cacheTable', name, lazy, options, ...(query !== undefined ? { query } : {}) } as Statement;
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Uncache);
          this.CONSUME2(T.Table);
          const ifExists = this.SUBRULE(this.ifExists);
          return { kind: 'uncacheTable', name: this.SUBRULE2(this.multipartIdentifier), ifExists } as Statement;
        },
      },
      { ALT: () => (this.CONSUME(T.Clear), this.CONSUME2(T.Cache), { kind: 'clearCache' }) as Statement },
      {
        ALT: () => {
          this.CONSUME(T.Refresh);
          this.OPTION5(() => this.CONSUME3(T.Table));
          return { kind: 'refreshTable', name: this.SUBRULE3(this.multipartIdentifier) } as Statement;
        },
      },
    ]);
  });

  insertStatement = this.RULE('insertStatement', (): Statement => {
    this.CONSUME(T.Insert);
    const overwrite = this.OR([{ ALT: () => (this.CONSUME(T.Into), false) }, { ALT: () => (this.CONSUME(T.Overwrite), true) }]);
    this.OPTION(() => this.CONSUME(T.Table));
    const table = this.SUBRULE(this.multipartIdentifier);
    const partition = this.OPTION2(() => {
      const spec: Record<string, Expr | null> = {};
      this.CONSUME(T.Partition);
      this.CONSUME(T.LParen);
      this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => {
        const key = this.SUBRULE(this.identifier);
        const value = this.OPTION3(() => (this.CONSUME(T.Eq), this.SUBRULE(this.expression)));
        this.ACTION(() => (spec[key] = value ?? null));
      } });
      this.CONSUME(T.RParen);
      return spec;
    });
    const columns = this.OPTION4({ GATE: () => !this.opensQuery(1), DEF: () => this.SUBRULE(this.identifierList) });
    const query = this.SUBRULE(this.query);
    return {
      kind: 'insert', table, overwrite, query,
      ...(partition !== undefined ? { partition } : {}),
      ...(columns !== undefined ? { columns } : {}),
    };
  });

  /** Entry points for the standalone expression / data type / schema parsers. */
  standaloneExpression = this.RULE('standaloneExpression', (): Expr => this.SUBRULE(this.expression));
  standaloneDataType = this.RULE('standaloneDataType', (): DataTypeAst => this.SUBRULE(this.dataType));
  standaloneSchema = this.RULE('standaloneSchema', (): ColumnDef[] => {
    const cols: ColumnDef[] = [];
    this.MANY_SEP({ SEP: T.Comma, DEF: () => cols.push(this.SUBRULE(this.structField)) });
    return cols;
  });

  constructor() {
    super();
    this.performSelfAnalysis();
  }
}
