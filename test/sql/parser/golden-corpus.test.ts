// Parses every statement of Spark's golden-file inputs; statements Spark answered with a
// ParseException must fail for us too, and unaliased select items must get Spark's column names.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exprToSql, parseStatement, type Statement } from '../../../src/sql/parser/index.js';
import { parseExceptionStatements, splitGoldenInput } from './golden-statements.js';

const dir = '/work/shared/spark-sql-tests';
const files = readdirSync(`${dir}/inputs`).filter((f) => f.endsWith('.sql')).sort();

function tryParse(sql: string): Statement | Error {
  try {
    return parseStatement(sql);
  } catch (e) {
    return e as Error;
  }
}

/** Top-level column names of a `struct<...>` schema line. */
function schemaNames(schema: string): string[] {
  const inner = schema.slice('struct<'.length, -1);
  const fields: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of inner) {
    if (ch === '<' || ch === '(') depth++;
    if (ch === '>' || ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      fields.push(cur);
      cur = '';
    } else cur += ch;
  }
  fields.push(cur);
  return fields.map((f) => f.replace(/:[a-z_]+(\(.*\)|<.*>)?$/, ''));
}

describe('Spark golden corpus', () => {
  it('splits, parses and fails exactly where Spark did', () => {
    let parsed = 0;
    let expectedFailures = 0;
    const unexpected: string[] = [];
    for (const f of files) {
      const outcomes = parseExceptionStatements(`${dir}/results/${f}.out`);
      for (const sql of splitGoldenInput(readFileSync(`${dir}/inputs/${f}`, 'utf8'))) {
        const sparkFailed = outcomes.get(sql);
        expect(sparkFailed, `statement of ${f} not found in its .out`).toBeDefined();
        const r = tryParse(sql);
        if (sparkFailed) {
          if (r instanceof Error) expectedFailures++;
          else unexpected.push(`${f}: should fail: ${sql}`);
        } else if (r instanceof Error) unexpected.push(`${f}: ${r.message.split('\n')[0]}: ${sql}`);
        else parsed++;
      }
    }
    expect(unexpected).toEqual([]);
    expect(parsed).toBe(249);
    expect(expectedFailures).toBe(1);
  });

  it("names unaliased select items like Spark's schemas", () => {
    let compared = 0;
    const diffs: string[] = [];
    for (const f of files) {
      const blocks = readFileSync(`${dir}/results/${f}.out`, 'utf8').split(/-- !query.*\n/);
      for (let i = 1; i + 2 < blocks.length; i += 3) {
        const schema = blocks[i + 1]!.trim();
        if (!schema.startsWith('struct<') || schema === 'struct<>') continue;
        const st = tryParse(blocks[i]!.trim());
        if (st instanceof Error || st.kind !== 'query') continue;
        let body = st.body;
        while (body.kind === 'setOp') body = body.left;
        if (body.kind !== 'select' || body.items.some((it) => it.expr.kind === 'star')) continue;
        const names = schemaNames(schema);
        body.items.forEach((item, k) => {
          if (item.alias !== undefined) return;
          compared++;
          const ours = exprToSql(item.expr);
          if (ours !== names[k]) diffs.push(`${f}: ${ours} vs ${names[k]}`);
        });
      }
    }
    expect(diffs).toEqual([]);
    expect(compared).toBeGreaterThan(100);
  });
});
