// Analysis errors with Spark's error classes: TsSparkError('ANALYSIS_ERROR') whose details carry errorClass,
// sqlState and messageParameters as Spark reports them, and the message text `[CLASS] ...` as Spark prints it.
import { TsSparkError } from '../../common/errors.js';

export function quoteId(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}

export function quoteParts(parts: readonly string[]): string {
  return parts.map(quoteId).join('.');
}

export function analysisError(
  errorClass: string, sqlState: string, params: Readonly<Record<string, string>>, message: string,
  extra: Readonly<Record<string, unknown>> = {},
): TsSparkError {
  return new TsSparkError('ANALYSIS_ERROR', `[${errorClass}] ${message}`, {
    details: { errorClass, sqlState, messageParameters: params, ...extra },
  });
}

function levenshtein(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/** Spark orders suggestions by edit distance to the unresolved name and shows at most five. */
export function suggest(name: string, candidates: readonly string[]): string[] {
  const target = name.toLowerCase();
  return [...candidates]
    .map((c, i) => ({ c, i, d: levenshtein(target, c.replace(/`/g, '').split('.').pop()!.toLowerCase()) }))
    .sort((x, y) => x.d - y.d || x.i - y.i)
    .slice(0, 5)
    .map((x) => x.c);
}

export function unresolvedColumn(parts: readonly string[], candidates: readonly string[]): TsSparkError {
  const objectName = quoteParts(parts);
  if (candidates.length === 0) {
    return analysisError('UNRESOLVED_COLUMN.WITHOUT_SUGGESTION', '42703', { objectName },
      `A column or function parameter with name ${objectName} cannot be resolved.`, { candidates: [] });
  }
  const ordered = suggest(parts[parts.length - 1]!, candidates);
  const proposal = ordered.join(', ');
  return analysisError('UNRESOLVED_COLUMN.WITH_SUGGESTION', '42703', { objectName, proposal },
    `A column or function parameter with name ${objectName} cannot be resolved. Did you mean one of the following? [${proposal}].`,
    { candidates: ordered });
}

export function ambiguousReference(parts: readonly string[], matches: readonly string[]): TsSparkError {
  const name = quoteParts(parts);
  return analysisError('AMBIGUOUS_REFERENCE', '42702', { name, referenceNames: `[${matches.join(', ')}]` },
    `Reference ${name} is ambiguous, could be: [${matches.join(', ')}].`, { candidates: matches });
}

export function tableNotFound(parts: readonly string[]): TsSparkError {
  const relationName = quoteParts(parts);
  return analysisError('TABLE_OR_VIEW_NOT_FOUND', '42P01', { relationName },
    `The table or view ${relationName} cannot be found. Verify the spelling and correctness of the schema and catalog.\n` +
    'If you did not qualify the name with a schema, verify the current_schema() output, or qualify the name with the correct schema and catalog.\n' +
    'To tolerate the error on drop use DROP VIEW IF EXISTS or DROP TABLE IF EXISTS.');
}

export function missingAggregation(exprSql: string): TsSparkError {
  return analysisError('MISSING_AGGREGATION', '42803', { expression: `"${exprSql}"`, expressionAnyValue: `"any_value(${exprSql})"` },
    `The non-aggregating expression "${exprSql}" is based on columns which are not participating in the GROUP BY clause.\n` +
    `Add the columns or the expression to the GROUP BY, aggregate the expression, or use "any_value(${exprSql})" if you do not care which of the values within a group is returned.`);
}

export function unresolvedRoutine(name: string): TsSparkError {
  const routineName = quoteId(name);
  const searchPath = '[`system`.`builtin`, `system`.`session`, `spark_catalog`.`default`]';
  return analysisError('UNRESOLVED_ROUTINE', '42883', { routineName, searchPath },
    `Cannot resolve function ${routineName} on search path ${searchPath}.`);
}

const ordinalWords = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

export function ordinalWord(i: number): string {
  return ordinalWords[i] ?? `${i + 1}th`;
}
