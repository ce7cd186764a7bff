// Spark 3.4 replaced free-text analysis/parse messages with error classes. For golden files older than that, this
// maps the recorded message to the class Spark 3.5 raises for the same failure, so the error class can be compared.

const LEGACY: ReadonlyArray<readonly [RegExp, string]> = [
  [/^Table or view not found: /, 'TABLE_OR_VIEW_NOT_FOUND'],
  [/^cannot resolve '.*' given input columns/, 'UNRESOLVED_COLUMN'],
  [/^\w+ can only be performed on tables with the compatible column types/, 'INCOMPATIBLE_COLUMN_TYPE'],
  [/^\w+ can only be performed on tables with the same number of columns/, 'NUM_COLUMNS_MISMATCH'],
  [/number of columns in the left hand side of a predicate subquery does not match/, 'DATATYPE_MISMATCH.IN_SUBQUERY_LENGTH_MISMATCH'],
  [/^mismatched input /, 'PARSE_SYNTAX_ERROR'],
  [/^no viable alternative at input /, 'PARSE_SYNTAX_ERROR'],
  [/^Undefined function: /, 'UNRESOLVED_ROUTINE'],
];

/** The Spark 3.5 error class (or its main class, when the subclass depends on details) for a pre-3.4 message. */
export function legacyErrorClass(message: string): string | undefined {
  const text = message.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
  const whole = message.replace(/\s+/g, ' ');
  for (const [re, cls] of LEGACY) if (re.test(text) || re.test(whole)) return cls;
  return undefined;
}
