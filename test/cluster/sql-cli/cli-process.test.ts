// tsspark-sql end to end as a process (the compiled bin): -e output and exit codes, -f stopping at the first
// error, --conf reaching the session, and the prompt loop reading piped multi-line statements.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = path.join(root, 'bin', 'tsspark-sql.mjs');
const run = (args: string[], input?: string): { code: number | null; out: string; err: string } => {
  const r = spawnSync(process.execPath, [bin, '--master', 'local[2]', '--conf', 'spark.ui.enabled=false', ...args], { input, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('tsspark-sql', () => {
  it('-e prints HiveResult rows without header, timings on stderr, exit 0', () => {
    const r = run(['-e', "select 1 as a, 'x', null, 1.5d, array(1, 2), map(1, 'a'); select * from values (2), (1) as t(v) order by v"]);
    expect(r.code).toBe(0);
    expect(r.out).toBe('1\tx\tNULL\t1.5\t[1,2]\t{1:"a"}\n1\n2\n');
    expect(r.err).toMatch(/^Time taken: \d+\.\d+ seconds, Fetched 1 row\(s\)$/m);
    expect(r.err).toMatch(/Fetched 2 row\(s\)/);
  });

  it('-f stops at the first failing statement, prints [ERROR_CLASS] without a stack, exit 1', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tsspark-sql-')), 'q.sql');
    fs.writeFileSync(file, "set spark.sql.shuffle.partitions=3;\nselect nope;\nselect 'never';\n");
    const r = run(['-S', '-f', file]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('spark.sql.shuffle.partitions\t3\n');
    expect(r.err).toMatch(/^\[UNRESOLVED_COLUMN\.\w+\] A column or function parameter with name `nope` cannot be resolved/m);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('--conf reaches the session; the prompt loop runs multi-line statements and keeps going after an error', () => {
    const r = run(['-S', '--conf', 'spark.sql.shuffle.partitions=7'], "set spark.sql.shuffle.partitions;\nselect\n  1 + 1;\nselect bad;\nselect 'a;b';\nquit;\nselect 9;\n");
    expect(r.code).toBe(0);
    expect(r.out).toBe('spark.sql.shuffle.partitions\t7\n2\na;b\n');
    expect(r.err).toMatch(/^\[UNRESOLVED_COLUMN/m);
  });

  it("prints Spark's whole error message (Expected one of, the caret block, table candidates) without a stack", () => {
    const parse = run(['-S', '-e', 'select 1 from t where']);
    expect(parse.code).toBe(1);
    expect(parse.err).toMatch(/^\[PARSE_SYNTAX_ERROR\] Syntax error at or near end of input\. ?\(line 1, pos 21\)\nExpected one of: .*'NOT'.*\n\n== SQL ==\nselect 1 from t where\n-{21}\^/m);
    const table = run(['-S', '-e', 'create temp view people as select 1 a; select * from peple']);
    expect(table.code).toBe(1);
    expect(table.err).toContain('[TABLE_OR_VIEW_NOT_FOUND] The table or view `peple` cannot be found. Verify the spelling and correctness of the schema and catalog.\n');
    expect(table.err).toContain('\nDid you mean one of the following? [`people`].');
    expect(parse.err + table.err).not.toMatch(/\n\s+at /);
  });
});
