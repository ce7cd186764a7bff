// Totals of a conformance run and the table the runner prints: per file, statements, schema and row matches of
// the statements Spark answered, recorded errors we also raise (and with the same class), skips and passes.
import { firstLine } from './error-class.js';
import type { FileReport, StatementReport } from './run-file.js';

export interface Tally {
  readonly statements: number;
  /** Statements Spark answered without an error. */
  readonly answered: number;
  readonly schemaMatches: number;
  readonly rowMatches: number;
  /** Answered statements whose schema and rows both match. */
  readonly answeredMatches: number;
  readonly errors: number;
  readonly errorsMatched: number;
  readonly errorClassMatched: number;
  readonly skipped: number;
  readonly pass: number;
}

export function tally(statements: readonly StatementReport[]): Tally {
  const ans = statements.filter((s) => !s.errorExpected);
  const err = statements.filter((s) => s.errorExpected);
  return {
    statements: statements.length,
    answered: ans.length,
    schemaMatches: ans.filter((s) => s.schemaMatch).length,
    rowMatches: ans.filter((s) => s.rowsMatch).length,
    answeredMatches: ans.filter((s) => s.pass).length,
    errors: err.length,
    errorsMatched: err.filter((s) => s.failedToo).length,
    errorClassMatched: err.filter((s) => s.errorClassMatch).length,
    skipped: statements.filter((s) => s.skip !== undefined).length,
    pass: statements.filter((s) => s.pass).length,
  };
}

const HEADER = ['file', 'era', 'ansi', 'stmts', 'schema', 'rows', 'errors', 'class', 'skip', 'pass', 'ms'];

/** A plain-text table, one line per file plus a totals line; `schema`/`rows` are out of the answered statements. */
export function formatReportTable(files: readonly FileReport[]): string {
  const rows: string[][] = files.map((f) => {
    const t = tally(f.statements);
    return [f.name + (f.splitProblem ? ' (!)' : ''), f.era, f.ansi ? 'on' : 'off', String(t.statements), `${t.schemaMatches}/${t.answered}`,
      `${t.rowMatches}/${t.answered}`, `${t.errorsMatched}/${t.errors}`, `${t.errorClassMatched}/${t.errors}`, String(t.skipped),
      `${t.pass}/${t.statements}`, String(f.millis)];
  });
  const all = tally(files.flatMap((f) => f.statements));
  const ms = files.reduce((a, f) => a + f.millis, 0);
  rows.push(['TOTAL', '', '', String(all.statements), `${all.schemaMatches}/${all.answered}`, `${all.rowMatches}/${all.answered}`,
    `${all.errorsMatched}/${all.errors}`, `${all.errorClassMatched}/${all.errors}`, String(all.skipped), `${all.pass}/${all.statements}`, String(ms)]);
  const widths = HEADER.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (r: readonly string[]): string => r.map((v, c) => (c === 0 || c === 1 ? v.padEnd(widths[c]!) : v.padStart(widths[c]!))).join('  ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const pct = all.answered === 0 ? 0 : (100 * all.answeredMatches) / all.answered;
  return [line(HEADER), rule, ...rows.slice(0, -1).map(line), rule, line(rows[rows.length - 1]!), '',
    `answered statements matching schema and rows: ${all.answeredMatches}/${all.answered} (${pct.toFixed(1)}%); ` +
    `recorded errors we also raise: ${all.errorsMatched}/${all.errors} (same class: ${all.errorClassMatched})`, ''].join('\n');
}

/** One line per failing statement: where, what Spark recorded, what we did. */
export function formatFailures(files: readonly FileReport[], maxText = 160): string {
  const out: string[] = [];
  for (const f of files) {
    if (f.splitProblem) out.push(`${f.name}: SPLIT ${f.splitProblem}`);
    for (const s of f.statements) {
      if (s.pass && (!s.errorExpected || s.errorClassMatch)) continue;
      const head = `${f.name}#${s.index}${s.skip ? ` [skip: ${s.skip.sparkVersion}]` : ''}: ${oneLine(s.sql, 80)}`;
      let what: string;
      if (s.outcome.kind === 'error') {
        what = s.errorExpected ? `error class differs: expected ${s.expected.error!.errorClass ?? s.expected.error!.exceptionClass}, got ${s.outcome.error.errorClass ?? s.outcome.error.code}`
          : `failed: ${firstLine(s.outcome.error.message)}`;
      } else if (s.errorExpected) {
        what = `expected ${s.expected.error!.errorClass ?? s.expected.error!.exceptionClass}, but answered`;
      } else if (!s.schemaMatch) {
        what = `schema ${s.outcome.schema} != ${s.expected.schema}`;
      } else {
        what = `rows [${oneLine(s.outcome.output, maxText)}] != [${oneLine(s.expected.output, maxText)}]`;
      }
      out.push(`${head}\n    ${oneLine(what, maxText * 2 + 20)}`);
    }
  }
  return out.join('\n') + (out.length > 0 ? '\n' : '');
}

function oneLine(s: string, max: number): string {
  const t = s.replace(/\n/g, ' | ').replace(/\s+/g, ' ');
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
