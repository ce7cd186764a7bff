import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultsConfPath, loadDefaultsConf, parseProperties, readPropertiesFile } from '../../src/common/conf-file.js';
import { isTsSparkError } from '../../src/common/errors.js';
import { tssparkPackageRoot } from '../../src/common/module-hooks/package-root.js';

const dir = mkdtempSync(join(tmpdir(), 'conf-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parseProperties', () => {
  it('reads Spark defaults syntax: whitespace, = and : separators, comments, trimmed values', () => {
    const p = parseProperties([
      '# comment',
      '! also a comment',
      '',
      'spark.master                     local[4]',
      'spark.app.name=Word Count  ',
      '  spark.ui.port : 4050',
      'spark.driver.host\t10.0.0.1',
      'spark.empty',
      'spark.eq=a=b',
    ].join('\n'));
    expect(p).toEqual({
      'spark.master': 'local[4]',
      'spark.app.name': 'Word Count',
      'spark.ui.port': '4050',
      'spark.driver.host': '10.0.0.1',
      'spark.empty': '',
      'spark.eq': 'a=b',
    });
  });

  it('joins continuation lines, unescapes, and never continues a comment', () => {
    const p = parseProperties('spark.list a,\\\n    b,\\\n    c\r\n# note \\\nspark.k\\ ey v\\u00e9\\tx\nspark.path C:\\\\tmp\n');
    expect(p).toEqual({ 'spark.list': 'a,b,c', 'spark.k ey': 'vé\tx', 'spark.path': 'C:\\tmp' });
  });

  it('lets a later line win for a repeated key', () => {
    expect(parseProperties('spark.a 1\nspark.a 2')).toEqual({ 'spark.a': '2' });
  });
});

describe('readPropertiesFile / loadDefaultsConf', () => {
  it('reads a file and names a missing one in a PATH_NOT_FOUND error', () => {
    const f = join(dir, 'p.conf');
    writeFileSync(f, 'spark.executor.cores 2\n');
    expect(readPropertiesFile(f)).toEqual({ 'spark.executor.cores': '2' });
    const missing = join(dir, 'missing.conf');
    try {
      readPropertiesFile(missing);
      expect.unreachable();
    } catch (e) {
      expect(isTsSparkError(e, 'PATH_NOT_FOUND')).toBe(true);
      expect((e as Error).message).toContain(missing);
    }
  });

  it('uses TSSPARK_CONF_DIR, else <package root>/conf, and yields {} when the file is absent', () => {
    writeFileSync(join(dir, 'tsspark-defaults.conf'), 'spark.master local[2]\n');
    expect(defaultsConfPath({ TSSPARK_CONF_DIR: dir })).toBe(join(dir, 'tsspark-defaults.conf'));
    expect(loadDefaultsConf({ TSSPARK_CONF_DIR: dir })).toEqual({ 'spark.master': 'local[2]' });
    expect(loadDefaultsConf({ TSSPARK_CONF_DIR: join(dir, 'nowhere') })).toEqual({});
    expect(defaultsConfPath({})).toBe(join(tssparkPackageRoot(), 'conf', 'tsspark-defaults.conf'));
  });
});
