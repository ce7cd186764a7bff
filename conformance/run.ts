// `npm run conformance [-- name…] [--failures] [--ansi=on|off] [--check-baseline] [--write-baseline]`: replays Spark's golden SQL
// tests (../shared/spark-sql-tests) and prints the per-file table; --check-baseline exits 1 below baseline.json.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SparkSession } from 'tsspark';
import { formatFailures, formatReportTable, runConformance } from '../dist/sql/conformance/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(here);
const args = process.argv.slice(2);
const names = args.filter((a) => !a.startsWith('-'));
const flags = new Set(args.filter((a) => a.startsWith('-')));
const ansiFlag = args.find((a) => a.startsWith('--ansi='))?.slice('--ansi='.length);
const baselinePath = path.join(here, 'baseline.json');

const spark = SparkSession.builder().master('local[2]').appName('sql-conformance').config('spark.ui.enabled', 'false')
  .config('spark.sql.shuffle.partitions', '4').getOrCreate();
const result = await runConformance({
  root, names, spark, skipListPath: path.join(here, 'skip-list.tsv'),
  ...(ansiFlag === undefined ? {} : { ansi: ansiFlag === 'on' || ansiFlag === 'true' }),
});
process.stdout.write(formatReportTable(result.files));
if (flags.has('--failures') || flags.has('-v')) process.stdout.write(`\n${formatFailures(result.files)}`);
await spark.stop();

const baseline = JSON.parse(readFileSync(baselinePath, 'utf8')) as { pass: number };
process.stdout.write(`pass ${result.pass}/${result.statements}; baseline ${baseline.pass}\n`);
if (flags.has('--write-baseline') && names.length === 0) {
  writeFileSync(baselinePath, `${JSON.stringify({ pass: result.pass, statements: result.statements }, null, 2)}\n`);
  process.stdout.write(`baseline.json updated to ${result.pass}\n`);
}
if (flags.has('--check-baseline') && names.length === 0 && result.pass < baseline.pass) {
  process.stderr.write(`conformance dropped below the baseline: ${result.pass} < ${baseline.pass}\n`);
  process.exitCode = 1;
}
