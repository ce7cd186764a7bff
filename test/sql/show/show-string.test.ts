import { describe, expect, it } from 'vitest';
import { showString } from '../../../src/sql/show/index.js';
import { T, type StructType } from '../../../src/sql/types/data-type.js';

const people: StructType = T.struct([
  { name: 'age', type: T.long, nullable: true },
  { name: 'name', type: T.string, nullable: true },
]);

describe('showString', () => {
  it('prints the people.json table of Spark docs', () => {
    const rows = [[null, 'Michael'], [30, 'Andy'], [19, 'Justin']];
    expect(showString(people, rows, 20, true, false, false)).toBe(
      '+----+-------+\n' +
      '| age|   name|\n' +
      '+----+-------+\n' +
      '|NULL|Michael|\n' +
      '|  30|   Andy|\n' +
      '|  19| Justin|\n' +
      '+----+-------+\n');
  });

  it('truncates to 17 + ... and left-aligns when truncate=false', () => {
    const s = T.struct([{ name: 'v', type: T.string, nullable: true }]);
    const long = 'abcdefghijklmnopqrstuvwxyz';
    expect(showString(s, [[long]], 20, true, false, false)).toBe(
      '+--------------------+\n|                   v|\n+--------------------+\n|abcdefghijklmnopq...|\n+--------------------+\n');
    expect(showString(s, [[long], ['ab']], 20, false, false, false)).toBe(
      '+--------------------------+\n|v                         |\n+--------------------------+\n' +
      '|abcdefghijklmnopqrstuvwxyz|\n|ab                        |\n+--------------------------+\n');
  });

  it('truncate=3 cuts without ellipsis (pyspark docs)', () => {
    const s = T.struct([{ name: 'age', type: T.long, nullable: true }, { name: 'name', type: T.string, nullable: true }]);
    expect(showString(s, [[2, 'Alice'], [5, 'Bob']], 20, 3, false, false)).toBe(
      '+---+----+\n|age|name|\n+---+----+\n|  2| Ali|\n|  5| Bob|\n+---+----+\n');
  });

  it('prints the top-N footer, singular for one row', () => {
    const s = T.struct([{ name: 'id', type: T.long, nullable: false }]);
    expect(showString(s, [[0], [1]], 2, true, false, true)).toBe(
      '+---+\n| id|\n+---+\n|  0|\n|  1|\n+---+\nonly showing top 2 rows\n');
    expect(showString(s, [[0], [1]], 1, true, false, true)).toBe(
      '+---+\n| id|\n+---+\n|  0|\n+---+\nonly showing top 1 row\n');
  });

  it('vertical mode as pyspark docs', () => {
    const s = T.struct([{ name: 'age', type: T.long, nullable: true }, { name: 'name', type: T.string, nullable: true }]);
    expect(showString(s, [[2, 'Alice'], [5, 'Bob']], 20, true, true, false)).toBe(
      '-RECORD 0-----\n age  | 2     \n name | Alice \n' +
      '-RECORD 1-----\n age  | 5     \n name | Bob   \n');
    expect(showString(s, [], 20, true, true, false)).toBe('(0 rows)\n');
  });

  it('empty result keeps the header; wide characters count double; control characters escaped', () => {
    const s = T.struct([{ name: 'x', type: T.string, nullable: true }]);
    expect(showString(s, [], 20, true, false, false)).toBe('+---+\n|  x|\n+---+\n+---+\n');
    expect(showString(s, [['日本'], ['a\nb']], 20, true, false, false)).toBe(
      '+----+\n|   x|\n+----+\n|日本|\n|a\\nb|\n+----+\n');
  });
});
