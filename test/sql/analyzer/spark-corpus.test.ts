// Runs every statement of the Spark golden-file corpus (/work/shared/spark-sql-tests) through the parser and the
// analyzer (views the scripts create are registered as the session would) and compares "analyzes without error"
// with "Spark answered without error".
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../../src/sql/analyzer/index.js';
import { Catalog } from '../../../src/sql/catalog/index.js';
import { parseStatement } from '../../../src/sql/parser/index.js';
import { dataTypeOf } from '../../../src/sql/analyzer/literals.js';

const ROOT = '/work/shared/spark-sql-tests';

function statements(text: string): string[] {
  const code = text.split('\n').filter((l) => !l.trim().startsWith('--') || l.trim().startsWith('--QUERY-DELIMITER'));
  const out: string[] = [];
  let buf: string[] = [];
  let inBlock = false;
  const flush = (): void => {
    for (const piece of buf.join('\n').split(/(?<=[^\\]);/)) out.push(piece);
    buf = [];
  };
  for (const l of code) {
    if (l.trim().startsWith('--QUERY-DELIMITER-START')) { flush(); inBlock = true; continue; }
    if (l.trim().startsWith('--QUERY-DELIMITER-END')) { out.push(buf.join('\n').replace(/;\s*$/, '')); buf = []; inBlock = false; continue; }
    buf.push(l);
  }
  if (!inBlock) flush();
  return out.map((s) => s.trim()).filter(Boolean)
    .map((s) => s.split('\n').filter((l) => !l.startsWith('--')).join('\n').trim()).filter(Boolean);
}

function sparkOutcomes(text: string): { ok: boolean; errorClass?: string }[] {
  const blocks = text.split(/-- !query.*\n/).slice(1);
  const res: { ok: boolean; errorClass?: string }[] = [];
  // blocks come in triples: query, schema, output
  for (let i = 0; i + 2 < blocks.length; i += 3) {
    const output = blocks[i + 2]!.trim();
    const first = output.split('\n')[0] ?? '';
    const failed = /^[a-z]+(\.[a-zA-Z_$]+)+(Exception|Error)$/.test(first);
    const cls = /"errorClass" : "([^"]+)"/.exec(output)?.[1];
    res.push(cls ? { ok: !failed, errorClass: cls } : { ok: !failed });
  }
  return res;
}

describe('Spark SQL golden-file corpus through parser + analyzer', () => {
  it('analyzes what Spark answered', () => {
    const files = fs.readdirSync(path.join(ROOT, 'inputs')).filter((f) => f.endsWith('.sql')).sort();
    let bothOk = 0; let sparkOk = 0; let oursOk = 0; let total = 0; let falseOk = 0;
    const misses: string[] = [];
    for (const f of files) {
      const stmts = statements(fs.readFileSync(path.join(ROOT, 'inputs', f), 'utf8'));
      const spark = sparkOutcomes(fs.readFileSync(path.join(ROOT, 'results', `${f}.out`), 'utf8'));
      const catalog = new Catalog();
      const conf = new Map<string, string>();
      const analyzer = new Analyzer(catalog, { get: (k) => conf.get(k) });
      stmts.forEach((sql, i) => {
        total++;
        const expected = spark[i]?.ok ?? true;
        if (expected) sparkOk++;
        let ok = true;
        let why = '';
        try {
          const r = analyzer.analyzeStatement(parseStatement(sql));
          if (r.kind === 'create_view') catalog.createOrReplaceTempView(r.name, r.plan);
          else if (r.kind === 'drop_view') catalog.dropTempView(r.name);
          else if (r.kind === 'set' && r.key && r.value !== undefined) conf.set(r.key, r.value);
          else if (r.kind === 'unsupported' && r.statement.kind === 'createTable' && r.statement.columns) {
            // a persistent table is the session's business; stand in an empty relation with its columns
            const cols = r.statement.columns;
            catalog.createOrReplaceTempView(r.statement.name[r.statement.name.length - 1]!, {
              kind: 'local_relation', batches: [],
              output: cols.map((c, k) => ({ kind: 'attr', id: 900000 + k, name: c.name, type: dataTypeOf(c.type), nullable: true })),
            });
          } else if (r.kind === 'unsupported' && r.statement.kind === 'insert') analyzer.analyzeQuery(r.statement.query);
          else if (r.kind === 'unsupported' && r.statement.kind === 'drop') catalog.dropTempView(r.statement.name[r.statement.name.length - 1]!);
          else if (r.kind === 'unsupported') { ok = false; why = `unsupported ${r.statement.kind}`; }
        } catch (e) {
          ok = false;
          why = (e as Error).message.split('\n')[0]!;
        }
        if (ok) oursOk++;
        if (ok && expected) bothOk++;
        if (ok && !expected) { falseOk++; misses.push(`(Spark failed, we analyzed) ${f}#${i}: ${sql.replace(/\s+/g, ' ').slice(0, 100)}`); }
        if (!ok && expected) misses.push(`${f}#${i}: ${why} :: ${sql.replace(/\s+/g, ' ').slice(0, 120)}`);
      });
    }
    console.log(`statements ${total}; Spark ok ${sparkOk}; analyzer ok ${oursOk}; both ok ${bothOk}; analyzer ok where Spark failed ${falseOk}`);
    console.log(misses.join('\n'));
    expect(bothOk / sparkOk).toBeGreaterThan(0.95);
  });
});
