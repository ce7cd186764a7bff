// Public surface of the analyzer: the Analyzer facade, the command union, and the error helpers.
export { Analyzer, type AnalyzerConf } from './analyzer.js';
export type { AnalyzedStatement } from './commands.js';
export type { SetOpKind } from './set-ops.js';
export { analysisError, unresolvedColumn, tableNotFound } from './errors.js';
export { typeOf, nullableOf } from './expr-type.js';
