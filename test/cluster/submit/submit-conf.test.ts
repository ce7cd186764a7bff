import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSubmitArgs } from '../../../src/cluster/submit/cli-args.js';
import { buildSubmitConf, REDACTED, redactConf } from '../../../src/cluster/submit/submit-conf.js';
import { verboseReport } from '../../../src/cluster/submit/verbose-report.js';
import { isTsSparkError } from '../../../src/common/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'submit-conf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const confDir = join(dir, 'confdir');
const emptyConfDir = join(dir, 'empty');
writeFileSync(join(dir, 'props.conf'), [
  '# my properties',
  'spark.executor.memory  2g',
  'spark.app.name=fromFile',
  'spark.sql.shuffle.partitions: 8',
  'other.key 1',
].join('\n'));
mkdirSync(confDir);
mkdirSync(emptyConfDir);
writeFileSync(join(confDir, 'tsspark-defaults.conf'), 'spark.master local[3]\nspark.ui.port 4999\n');
writeFileSync(join(dir, 'data.txt'), 'x');

const env = (d: string): NodeJS.ProcessEnv => ({ TSSPARK_CONF_DIR: d });

describe('buildSubmitConf', () => {
  it('orders sources: flags > --conf > properties file', () => {
    const args = parseSubmitArgs(['--properties-file', 'props.conf', '--conf', 'spark.executor.memory=3g', '--conf', 'spark.app.name=fromConf', '--name', 'fromFlag', 'app.ts']);
    const { conf, propertiesFile, warnings } = buildSubmitConf(args, { env: env(confDir), cwd: dir });
    expect(propertiesFile).toBe(join(dir, 'props.conf'));
    expect(conf['spark.executor.memory']).toBe('3g');
    expect(conf['spark.app.name']).toBe('fromFlag');
    expect(conf['spark.sql.shuffle.partitions']).toBe('8');
    // --properties-file replaces the defaults file, as in spark-submit
    expect(conf['spark.ui.port']).toBeUndefined();
    expect(conf['spark.master']).toBe('local[*]');
    expect(conf['other.key']).toBeUndefined();
    expect(warnings).toEqual(['Ignoring non-Spark config property: other.key']);
  });

  it('dedicated flags beat --conf for the same key', () => {
    const args = parseSubmitArgs(['--conf', 'spark.executor.cores=2', '--executor-cores', '5', '--conf', 'spark.master=local[2]', '--master', 'local[7]', 'app.ts']);
    const { conf } = buildSubmitConf(args, { env: env(emptyConfDir), cwd: dir });
    expect(conf['spark.executor.cores']).toBe('5');
    expect(conf['spark.master']).toBe('local[7]');
  });

  it('reads $TSSPARK_CONF_DIR/tsspark-defaults.conf when no properties file is given', () => {
    const args = parseSubmitArgs(['--conf', 'spark.ui.port=5000', 'jobs/app.mjs']);
    const { conf, propertiesFile } = buildSubmitConf(args, { env: env(confDir), cwd: dir });
    expect(propertiesFile).toBe(join(confDir, 'tsspark-defaults.conf'));
    expect(conf).toMatchObject({ 'spark.master': 'local[3]', 'spark.ui.port': '5000', 'spark.app.name': 'app.mjs' });
  });

  it('maps every flag to its Spark key and resolves --files to absolute paths', () => {
    const args = parseSubmitArgs(['--executor-memory', '1500m', '--total-executor-cores', '6', '--driver-memory', '2g', '--files', 'data.txt', 'app.ts']);
    const { conf } = buildSubmitConf(args, { env: env(emptyConfDir), cwd: dir });
    expect(conf).toEqual({
      'spark.master': 'local[*]', 'spark.app.name': 'app.ts', 'spark.executor.memory': '1500m', 'spark.cores.max': '6',
      'spark.driver.memory': '2g', 'spark.files': join(dir, 'data.txt'),
    });
  });

  it('fails early on a missing --files entry, a missing properties file, and badly typed known keys', () => {
    const fail = (argv: string[]): unknown => {
      try {
        buildSubmitConf(parseSubmitArgs(argv), { env: env(emptyConfDir), cwd: dir });
      } catch (e) {
        return e;
      }
      throw new Error('expected failure');
    };
    expect(isTsSparkError(fail(['--files', 'nope.txt', 'a.ts']), 'PATH_NOT_FOUND')).toBe(true);
    expect(isTsSparkError(fail(['--properties-file', 'missing.conf', 'a.ts']), 'PATH_NOT_FOUND')).toBe(true);
    const bad = fail(['--conf', 'spark.task.maxFailures=many', 'a.ts']);
    expect(isTsSparkError(bad, 'INVALID_CONFIG')).toBe(true);
    expect((bad as Error).message).toContain('spark.task.maxFailures');
    expect(isTsSparkError(fail(['--conf', 'spark.ui.enabled=yes', 'a.ts']), 'INVALID_CONFIG')).toBe(true);
  });
});

describe('redaction and the verbose report', () => {
  it('redacts registry secrets and keys matching spark.redaction.regex', () => {
    const r = redactConf({ 'spark.authenticate.secret': 's3', 'spark.my.password': 'pw', 'spark.app.name': 'x' });
    expect(r).toEqual({ 'spark.authenticate.secret': REDACTED, 'spark.my.password': REDACTED, 'spark.app.name': 'x' });
    const custom = redactConf({ 'spark.redaction.regex': 'name', 'spark.app.name': 'x', 'spark.my.password': 'pw' });
    expect(custom['spark.app.name']).toBe(REDACTED);
    expect(custom['spark.my.password']).toBe('pw');
  });

  it('prints parsed arguments and the effective conf without secret values', () => {
    const args = parseSubmitArgs(['-v', '--conf', 'spark.authenticate.secret=hunter2', '--conf', 'spark.authenticate=true', 'app.ts', 'x']);
    const submit = buildSubmitConf(args, { env: env(emptyConfDir), cwd: dir });
    const text = verboseReport(args, submit, '/abs/app.ts');
    expect(text).toContain('Parsed arguments:');
    expect(text).toMatch(/primaryResource\s+\/abs\/app.ts/);
    expect(text).toContain('childArgs           ["x"]');
    expect(text).toContain('spark.authenticate=true');
    expect(text).toContain(`spark.authenticate.secret=${REDACTED}`);
    expect(text).not.toContain('hunter2');
  });
});
