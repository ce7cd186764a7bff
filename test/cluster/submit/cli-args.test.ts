import { describe, expect, it } from 'vitest';
import { parseConfPair, parseSubmitArgs, SUBMIT_USAGE } from '../../../src/cluster/submit/cli-args.js';
import { isTsSparkError } from '../../../src/common/errors.js';

function parseError(argv: string[]): string {
  try {
    parseSubmitArgs(argv);
  } catch (e) {
    expect(isTsSparkError(e, 'INVALID_ARGUMENT')).toBe(true);
    return (e as Error).message;
  }
  throw new Error('expected a parse error');
}

describe('parseSubmitArgs', () => {
  it('parses every value flag, in both --flag value and --flag=value forms', () => {
    const a = parseSubmitArgs([
      '--master', 'local[4]', '--name=My App', '--conf', 'spark.ui.enabled=false', '--conf=spark.x.y=a=b', '-c', 'spark.z=1',
      '--properties-file', 'p.conf', '--executor-memory', '2g', '--executor-cores=3', '--total-executor-cores', '12',
      '--driver-memory', '512m', '--files', 'a.txt,b.csv', '--files=c.json', '-v', 'app.ts',
    ]);
    expect(a).toMatchObject({
      action: 'submit', master: 'local[4]', name: 'My App', propertiesFile: 'p.conf', executorMemory: '2g', executorCores: '3',
      totalExecutorCores: '12', driverMemory: '512m', verbose: true, appFile: 'app.ts',
    });
    expect(a.files).toEqual(['a.txt', 'b.csv', 'c.json']);
    expect(a.confPairs).toEqual([['spark.ui.enabled', 'false'], ['spark.x.y', 'a=b'], ['spark.z', '1']]);
    expect(a.appArgs).toEqual([]);
  });

  it('passes everything after the app file to the application untouched, flags included', () => {
    const a = parseSubmitArgs(['--master', 'local', 'job.mjs', '--master', 'x', '-h', '--bogus', '', 'a b']);
    expect(a.appFile).toBe('job.mjs');
    expect(a.master).toBe('local');
    expect(a.appArgs).toEqual(['--master', 'x', '-h', '--bogus', '', 'a b']);
  });

  it('recognizes help and version before anything else is required', () => {
    expect(parseSubmitArgs(['--help']).action).toBe('help');
    expect(parseSubmitArgs(['--master', 'local', '-h']).action).toBe('help');
    expect(parseSubmitArgs(['--version']).action).toBe('version');
    expect(SUBMIT_USAGE).toMatch(/^Usage: tsspark-submit \[options\]/);
    for (const flag of ['--master', '--name', '--conf', '--properties-file', '--executor-memory', '--executor-cores', '--total-executor-cores', '--driver-memory', '--files', '--verbose', '--version', '--help']) {
      expect(SUBMIT_USAGE).toContain(flag);
    }
  });

  it('leaves appFile undefined when there is none', () => {
    const a = parseSubmitArgs(['--master', 'local']);
    expect(a.action).toBe('submit');
    expect(a.appFile).toBeUndefined();
  });

  it('rejects unknown options, missing values and malformed values', () => {
    expect(parseError(['--bogus', 'app.ts'])).toBe('Unrecognized option: --bogus');
    expect(parseError(['--master'])).toBe("Missing argument for option '--master'");
    expect(parseError(['--conf', 'novalue', 'app.ts'])).toContain("without '='");
    expect(parseError(['--conf', '=x', 'app.ts'])).toContain("without '='");
    expect(parseError(['--executor-cores', 'two', 'app.ts'])).toContain('positive integer');
    expect(parseError(['--total-executor-cores', '0', 'app.ts'])).toContain('positive integer');
    expect(parseError(['--executor-memory', 'lots', 'app.ts'])).toContain('512m');
  });

  it('splits conf pairs at the first =', () => {
    expect(parseConfPair('spark.a = b=c')).toEqual(['spark.a', ' b=c']);
  });
});
