// tsspark-submit (the compiled bin/, after `npm run build`) on an application failing with a user error: the
// message Spark would show (whole parse error with its caret block, column candidates, FAILFAST record) and no
// stack; a user function that throws inside a job still shows the user's own stack.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './submit-replica.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tsspark-user-errors-'));
  writeFileSync(join(dir, 'bad.json'), '{"a":1}\n{bad\n');
  writeFileSync(join(dir, 'errs.mjs'), [
    "import { SparkSession } from 'tsspark';",
    "const spark = SparkSession.builder().master('local[1]').config('spark.ui.enabled', 'false').getOrCreate();",
    'const which = process.argv[2];',
    "if (which === 'column') await spark.sql('SELECT nme FROM (SELECT 1 AS name, 2 AS age)').collect();",
    "if (which === 'parse') spark.sql('SELECT 1 FORM t');",
    "if (which === 'failfast') await spark.read.option('mode', 'FAILFAST').schema('a INT').json(new URL('./bad.json', import.meta.url).pathname).collect();",
    "if (which === 'userfn') await spark.sparkContext.parallelize([1, 2], 1).map(function explode(x) { if (x === 2) throw new Error('user boom'); return x; }).collect();",
  ].join('\n'));
});
afterAll(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

function submit(which: string): { code: number | null; stderr: string } {
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'tsspark-submit.mjs'), 'errs.mjs', which], {
    cwd: dir, encoding: 'utf8', timeout: 30_000, env: { ...process.env, TSSPARK_CONF_DIR: dir, TSSPARK_SUBMIT_CONF: '' },
  });
  return { code: r.status, stderr: r.stderr };
}

describe('tsspark-submit prints user errors without stacks', () => {
  it('an unknown column: AnalysisException with the candidates', () => {
    const r = submit('column');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('AnalysisException: [UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `nme` cannot be resolved. Did you mean one of the following? [`name`, `age`].');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a parse error: the whole message with the == SQL == caret block', () => {
    const r = submit('parse');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("ParseException: [PARSE_SYNTAX_ERROR] Syntax error at or near 't'. (line 1, pos 14)\n\n== SQL ==\nSELECT 1 FORM t\n--------------^");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a FAILFAST malformed record: the job failure and the record error by message', () => {
    const r = submit('failfast');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('SparkException: Job aborted due to stage failure');
    expect(r.stderr).toMatch(/Caused by: TsSparkError: \[MALFORMED_RECORD_IN_PARSING\.WITHOUT_SUGGESTION\] Malformed records are detected in record parsing: \{bad\. Parse Mode: FAILFAST\./);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("a user function that throws keeps the user's stack", () => {
    const r = submit('userfn');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Caused by: Error: user boom\n    at explode (');
  });
});
