// The golden-file splitter against SQLQueryTestSuite's rules (README of the corpus) and against the real corpus:
// every input must split into exactly the statements its .sql.out records, in count and in text.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listCorpus, parseGoldenFile, readText, resolveCorpusDir, splitScript, splitWithSemicolon } from '../../../src/sql/conformance/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('splitScript rules', () => {
  it('drops comment lines before joining, so a missing semicolon merges two statements', () => {
    const input = 'SELECT k FROM t GROUP BY k\n\n-- a comment between\nDROP VIEW IF EXISTS tab1;\nSELECT 2;\n';
    expect(splitScript(input).statements).toEqual(['SELECT k FROM t GROUP BY k\n\nDROP VIEW IF EXISTS tab1', 'SELECT 2']);
  });

  it('splits on ; unless a backslash precedes it, and not on a ; at the very start', () => {
    expect(splitWithSemicolon(["SELECT 'a\\;b';SELECT 2;"])).toEqual(["SELECT 'a\\;b'", 'SELECT 2']);
    expect(splitWithSemicolon([';x;y'])).toEqual([';x', 'y']);
  });

  it('trims pieces, drops empty ones, and treats indented -- lines as comments', () => {
    const input = '  SELECT 1 ;\n   -- indented comment\n;;\n\tSELECT 2\n;   \n';
    expect(splitScript(input).statements).toEqual(['SELECT 1', 'SELECT 2']);
  });

  it('QUERY-DELIMITER blocks are one statement each with a trailing ; dropped; code outside still splits on ;', () => {
    const input = [
      'SELECT 1; SELECT 2;',
      '--QUERY-DELIMITER-START',
      "SELECT 'a;b' /* ; */;",
      '--QUERY-DELIMITER-END',
      'SELECT 3;',
    ].join('\n');
    expect(splitScript(input).statements).toEqual(['SELECT 1', 'SELECT 2', "SELECT 'a;b' /* ; */", 'SELECT 3']);
  });

  it('reads --SET (comma separated), --IMPORT and --CONFIG_DIM directives', () => {
    const s = splitScript('--SET a=1,b=x=y\n--SET c=2\n--IMPORT other.sql\n--CONFIG_DIM1 k=1\n--CONFIG_DIM1 k=2,j=3\nSELECT 1;\n',
      (n) => (n === 'other.sql' ? ['SELECT 0;'] : undefined));
    expect(s.settings).toEqual([['a', '1'], ['b', 'x=y'], ['c', '2']]);
    expect(s.imports).toEqual(['other.sql']);
    expect(s.configDims.get('1')).toEqual([[['k', '1']], [['k', '2'], ['j', '3']]]);
    expect(s.statements).toEqual(['SELECT 0', 'SELECT 1']);
  });

  it("uses Java's trim (a no-break space is not whitespace to Spark)", () => {
    expect(splitScript('\u00a0SELECT 1;').statements).toEqual(['\u00a0SELECT 1']);
  });
});

describe('the real corpus', () => {
  const dir = resolveCorpusDir(root);
  const files = listCorpus(dir);
  const blocks: Record<string, number> = {};

  it('has the 14 pairs', () => {
    expect(files).toHaveLength(14);
  });

  for (const f of files) {
    it(`${f.name}: statements equal the recorded blocks, in count and text`, () => {
      const statements = splitScript(readText(f.inputPath)).statements;
      const golden = parseGoldenFile(readText(f.resultPath)).blocks;
      blocks[f.name] = golden.length;
      expect(statements.length).toBe(golden.length);
      expect(statements).toEqual(golden.map((b) => b.sql));
    });
  }

  it('matches the README counts (250 statements; having 26, union 20, except-all 24 with the merged DROP)', () => {
    const count = (n: string): number => splitScript(readText(files.find((f) => f.name === n)!.inputPath)).statements.length;
    expect(files.reduce((a, f) => a + splitScript(readText(f.inputPath)).statements.length, 0)).toBe(250);
    expect([count('having'), count('union'), count('except-all')]).toEqual([26, 20, 24]);
    const exceptAll = splitScript(readText(files.find((f) => f.name === 'except-all')!.inputPath)).statements;
    expect(exceptAll.some((s) => /GROUP BY k\s+DROP VIEW IF EXISTS tab1$/.test(s))).toBe(true);
  });
});
