// textFile / wholeTextFiles on local[2]: Hadoop split rules (each line read exactly once, whatever the split
// boundaries), directories, globs, comma lists, .gz, and the missing-path error at action time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SparkContext } from '../../src/index.js';

let sc: SparkContext;
let dir: string;
beforeAll(() => {
  sc = new SparkContext({ master: 'local[2]', appName: 'rdd-text-files' });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsspark-text-'));
});
afterAll(async () => {
  await sc.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Lines of varied length, including empty lines and multi-byte characters that may straddle split boundaries. */
function makeLines(n: number, seed: number): string[] {
  let s = seed;
  const rnd = (): number => { s = (s * 1103515245 + 12345) % 2 ** 31; return s / 2 ** 31; };
  return Array.from({ length: n }, (_, i) => {
    const len = Math.floor(rnd() * 40);
    if (len < 3) return '';
    return `${i}:` + 'xé€'.repeat(len).slice(0, len);
  });
}

/** What a reader must produce: the file's lines, as String.split does, without a trailing empty line. */
function expectedLines(file: string): string[] {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => l.replace(/\r$/, ''));
}

describe('textFile', () => {
  it('reads every line exactly once for many split sizes', async () => {
    const file = path.join(dir, 'lines.txt');
    fs.writeFileSync(file, makeLines(400, 7).join('\n') + '\n');
    const expected = expectedLines(file);
    for (const minPartitions of [1, 3, 17, 64, 250]) {
      const rdd = sc.textFile(file, minPartitions);
      expect(rdd.getNumPartitions()).toBeGreaterThanOrEqual(minPartitions);
      expect(await rdd.collect()).toEqual(expected);
    }
  });

  it('handles a file without a trailing newline, CRLF endings, and lines starting exactly on a split boundary', async () => {
    const noNl = path.join(dir, 'no-newline.txt');
    fs.writeFileSync(noNl, makeLines(120, 3).join('\n'));
    expect(await sc.textFile(noNl, 40).collect()).toEqual(expectedLines(noNl));
    const crlf = path.join(dir, 'crlf.txt');
    fs.writeFileSync(crlf, makeLines(100, 11).join('\r\n') + '\r\n');
    expect(await sc.textFile(crlf, 30).collect()).toEqual(expectedLines(crlf));
    // fixed-width lines: with size/minPartitions a multiple of the line width, every boundary is a line start
    const fixed = path.join(dir, 'fixed.txt');
    const rows = Array.from({ length: 64 }, (_, i) => String(i).padStart(7, '0'));
    fs.writeFileSync(fixed, rows.join('\n') + '\n');
    expect(await sc.textFile(fixed, 16).collect()).toEqual(rows);
    expect(await sc.textFile(fixed, 64).collect()).toEqual(rows);
  });

  it('lines longer than the 4 MiB read window and splits of several MiB are read whole, once', async () => {
    const file = path.join(dir, 'big.txt');
    const lines: string[] = [];
    let size = 0;
    for (let i = 0; size < 9_000_000; i++) {
      const len = i % 40 === 0 ? 500_000 + i : (i * 7919) % 3000;
      const line = `${i}:${'é'.repeat(len >> 1)}`;
      lines.push(line);
      size += Buffer.byteLength(line) + 1;
    }
    lines.push('x'.repeat(4_300_000)); // one line longer than the read window, at the end without a newline
    fs.writeFileSync(file, lines.join('\n'));
    const got = await sc.textFile(`file://${file}`, 3).collect();
    expect(got.length).toBe(lines.length);
    expect(got.every((l, i) => l === lines[i])).toBe(true);
  });

  it('reads directories (skipping _ and . files), globs, comma-separated lists and .gz files', async () => {
    const d = path.join(dir, 'multi');
    fs.mkdirSync(d);
    const a = makeLines(30, 1);
    const b = makeLines(25, 2);
    const c = makeLines(20, 5);
    fs.writeFileSync(path.join(d, 'a.txt'), a.join('\n') + '\n');
    fs.writeFileSync(path.join(d, 'b.txt'), b.join('\n') + '\n');
    fs.writeFileSync(path.join(d, 'c.txt.gz'), zlib.gzipSync(c.join('\n') + '\n'));
    fs.writeFileSync(path.join(d, '_SUCCESS'), 'not data\n');
    fs.writeFileSync(path.join(d, '.hidden'), 'not data\n');
    expect(await sc.textFile(d, 4).collect()).toEqual([...a, ...b, ...c]);
    expect(await sc.textFile(path.join(d, '*.txt')).collect()).toEqual([...a, ...b]);
    expect(await sc.textFile(path.join(d, '{a,c}.txt*')).collect()).toEqual([...a, ...c]);
    expect(await sc.textFile(`${path.join(d, 'b.txt')},${path.join(d, 'a.txt')}`).collect()).toEqual([...b, ...a]);
    const gz = sc.textFile(path.join(d, 'c.txt.gz'), 8);
    expect(gz.getNumPartitions()).toBe(1); // gzip is not splittable
    expect(await gz.collect()).toEqual(c);
    const words = await sc.textFile(d).flatMap((l) => l.split(':')).count();
    expect(words).toBe([...a, ...b, ...c].flatMap((l) => l.split(':')).length);
  });

  it('a missing path rejects at action time with "Input path does not exist" and the path', async () => {
    const missing = path.join(dir, 'does-not-exist.txt');
    const rdd = sc.textFile(missing).map((l) => l.length); // creating the RDD does not throw
    await expect(rdd.count()).rejects.toThrow('Input path does not exist');
    await expect(rdd.collect()).rejects.toThrow(missing);
    await expect(sc.wholeTextFiles(path.join(dir, 'nope-dir')).collect()).rejects.toThrow('Input path does not exist');
    // the context is still usable
    expect(await sc.parallelize([1, 2, 3], 2).count()).toBe(3);
  });
});

describe('wholeTextFiles', () => {
  it('gives [path, content] for every file of a directory', async () => {
    const d = path.join(dir, 'whole');
    fs.mkdirSync(d);
    const contents = new Map<string, string>();
    for (let i = 0; i < 5; i++) {
      const text = makeLines(5 + i, 20 + i).join('\n');
      const f = path.join(d, `f${i}.txt`);
      fs.writeFileSync(f, text);
      contents.set(f, text);
    }
    const rdd = sc.wholeTextFiles(d, 3);
    expect(rdd.getNumPartitions()).toBe(3);
    const got = await rdd.collect();
    expect(got).toHaveLength(5);
    for (const [p, text] of got) {
      expect(p.startsWith('file:')).toBe(true);
      expect(text).toBe(contents.get(p.replace(/^file:/, '')));
    }
    const lines = await rdd.flatMap(([, t]) => t.split('\n')).count();
    expect(lines).toBe([...contents.values()].reduce((n, t) => n + t.split('\n').length, 0));
  });
});
