// The text `tsspark-submit --verbose` prints before starting the application: parsed arguments and the effective
// configuration with secrets redacted (spark-submit prints the same two sections).
import type { SubmitArgs } from './cli-args.js';
import { redactConf, type SubmitConf } from './submit-conf.js';

export function verboseReport(args: SubmitArgs, submit: SubmitConf, appPath: string): string {
  const parsed: Array<[string, string]> = [
    ['master', args.master ?? '(from conf)'],
    ['name', args.name ?? '(from conf)'],
    ['propertiesFile', args.propertiesFile ?? '(none)'],
    ['executorMemory', args.executorMemory ?? '(from conf)'],
    ['executorCores', args.executorCores ?? '(from conf)'],
    ['totalExecutorCores', args.totalExecutorCores ?? '(from conf)'],
    ['driverMemory', args.driverMemory ?? '(from conf)'],
    ['files', args.files.length > 0 ? args.files.join(',') : '(none)'],
    ['primaryResource', appPath],
    ['childArgs', `[${args.appArgs.map((a) => JSON.stringify(a)).join(' ')}]`],
    ['verbose', String(args.verbose)],
  ];
  const redacted = redactConf(submit.conf);
  const confLines = Object.keys(redacted)
    .sort()
    .map((k) => `  ${k}=${redacted[k] ?? ''}`);
  return [
    `Using properties file: ${submit.propertiesFile ?? '(none)'}`,
    'Parsed arguments:',
    ...parsed.map(([k, v]) => `  ${k.padEnd(20)}${v}`),
    '',
    'Effective tsspark properties (flags > --conf > properties file > defaults):',
    ...confLines,
    ...submit.warnings.map((w) => `Warning: ${w}`),
    '',
  ].join('\n');
}
