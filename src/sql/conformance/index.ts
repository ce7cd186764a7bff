// Public API of the SQL conformance kit: Spark's golden-file script splitter and .sql.out reader, the answer
// text (shared HiveResult formatter + Spark's sorting rule), the per-file runner and its report table.
export { splitScript, splitCommentsAndCode, splitWithSemicolon, readDirectives, type SplitScript, type ScriptDirectives } from './split-script.js';
export { javaTrim, stripTrailingWhitespace } from './java-text.js';
export { parseGoldenFile, recordedError, type GoldenFile, type GoldenBlock, type RecordedError } from './golden-file.js';
export { isSemanticallySorted } from './sorted-plan.js';
export { renderRows, sortAsStrings, answerText } from './result-text.js';
export { legacyErrorClass } from './legacy-error-classes.js';
export { observeError, errorClassMatches, codeForException, type ObservedError } from './error-class.js';
export { runStatement, type StatementOutcome } from './run-statement.js';
export { resolveCorpusDir, listCorpus, eraOf, suiteSettings, readText, type CorpusFile, type Era, type FileEra } from './corpus.js';
export { parseSkipList, findSkip, type SkipEntry } from './skip-list.js';
export { runCorpusFile, compare, type FileReport, type StatementReport, type RunFileOptions } from './run-file.js';
export { tally, formatReportTable, formatFailures, type Tally } from './report-table.js';
export { runConformance, type ConformanceOptions, type ConformanceResult } from './run-corpus.js';
