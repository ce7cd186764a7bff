// Test helpers: a catalog with small temp views over local relations, and SQL -> plan text.
import { Analyzer } from '../../../src/sql/analyzer/index.js';
import { Catalog } from '../../../src/sql/catalog/index.js';
import { displayPlan } from '../../../src/planner/logical/index.js';
import { parseStatement } from '../../../src/sql/parser/index.js';
import type { LogicalPlan } from '../../../src/planner/logical/logical-plan.js';
import type { DataType } from '../../../src/sql/types/data-type.js';

let nextId = 1000;

export function relation(cols: Record<string, DataType>): LogicalPlan {
  return {
    kind: 'local_relation',
    output: Object.entries(cols).map(([name, type]) => ({ kind: 'attr', id: nextId++, name, type, nullable: true })),
    batches: [],
  };
}

export function setup(): { analyzer: Analyzer; catalog: Catalog; plan: (sql: string) => string; analyze: (sql: string) => LogicalPlan } {
  const catalog = new Catalog();
  const int: DataType = { kind: 'int' };
  const str: DataType = { kind: 'string' };
  catalog.createOrReplaceTempView('t', relation({ a: int, b: int, s: str }));
  catalog.createOrReplaceTempView('u', relation({ a: int, c: { kind: 'long' } }));
  const analyzer = new Analyzer(catalog, { get: () => undefined });
  const analyze = (sql: string): LogicalPlan => {
    const r = analyzer.analyzeStatement(parseStatement(sql));
    if (r.kind !== 'query') throw new Error(`not a query: ${r.kind}`);
    return r.plan;
  };
  // ids differ run to run: number them by first appearance
  const plan = (sql: string): string => {
    const text = displayPlan(analyze(sql));
    const ids = new Map<string, number>();
    return text.replace(/#(\d+)/g, (_m, id: string) => {
      if (!ids.has(id)) ids.set(id, ids.size + 1);
      return `#${ids.get(id)}`;
    });
  };
  return { analyzer, catalog, plan, analyze };
}
