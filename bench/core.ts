// Core engine benchmark (issue: core engine numbers): each figure printed with its peer measured in the same run.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SparkContext } from 'tsspark';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = async (f: () => Promise<unknown>): Promise<number> => {
  const t = performance.now();
  await f();
  return performance.now() - t;
};
const add = (a: number, b: number): number => a + b;
const rows: Array<[string, string, string, string]> = [];
const report = (name: string, ours: string, peer: string, verdict: string): void => {
  rows.push([name, ours, peer, verdict]);
  console.log(`${name.padEnd(58)} ${ours.padStart(14)} ${peer.padStart(22)}  ${verdict}`);
};

export async function benchCore(root: string): Promise<void> {
  console.log(`tsspark core benchmark — ${os.cpus().length} cores, node ${process.version}\n`);
  // 1. tiny job on a warm context
  for (const [master, target] of [['local[2]', 5], ['local-cluster[2,1,1024]', 15]] as const) {
    const sc = new SparkContext({ master, appName: 'bench-tiny' });
    for (let i = 0; i < 20; i++) await sc.parallelize([1, 2, 3, 4, 5]).reduce(add);
    const ts: number[] = [];
    for (let i = 0; i < 200; i++) ts.push(await time(() => sc.parallelize([1, 2, 3, 4, 5]).reduce(add)));
    const loop = median(Array.from({ length: 200 }, () => { const t = performance.now(); [1, 2, 3, 4, 5].reduce(add); return performance.now() - t; }));
    const m = median(ts);
    report(`tiny job parallelize().reduce() warm, ${master} (median/200)`, `${m.toFixed(2)} ms`, `JS reduce ${loop.toFixed(4)} ms`, m <= target ? `ok (≤ ${target} ms)` : `MISS (target ≤ ${target} ms)`);
    if (master.startsWith('local-cluster')) {
      const t = await time(() => sc.parallelize([], 10_000).count());
      const rate = 10_000 / (t / 1000);
      report('empty-task throughput, 10,000-partition count, local-cluster[2,1,1024]', `${Math.round(rate)} tasks/s`, `${t.toFixed(0)} ms total`, rate >= 5000 ? 'ok (≥ 5000/s)' : 'MISS (target ≥ 5000/s)');
    }
    await sc.stop();
  }
  // 2. cold submit
  const app = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tsspark-bench-')), 'tiny.ts');
  fs.writeFileSync(app, "import { SparkContext } from 'tsspark';\nconst sc = new SparkContext();\nconsole.log(await sc.parallelize([1, 2, 3, 4, 5]).reduce((a: number, b: number) => a + b));\n");
  const submit = path.join(root, 'bin', 'tsspark-submit.mjs');
  const colds: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < 5; i++) {
    let t = performance.now();
    const out = execFileSync(process.execPath, [submit, '--master', 'local[2]', app], { encoding: 'utf8' });
    colds.push(performance.now() - t);
    if (out.trim() !== '15') throw new Error(`cold submit printed ${out}`);
    t = performance.now();
    execFileSync(process.execPath, ['-e', '0']);
    bare.push(performance.now() - t);
  }
  const cold = median(colds);
  report('cold tsspark-submit --master local[2] tiny job (median/5)', `${cold.toFixed(0)} ms`, `node -e 0: ${median(bare).toFixed(0)} ms`, cold <= 1000 ? 'ok (≤ 1.0 s)' : 'MISS (target ≤ 1.0 s)');

  const sc = new SparkContext({ master: 'local[2]', appName: 'bench-core' });
  // warm-up, for both sides: two full runs of the job (V8 optimizes the fused loop) and of the plain loop
  for (let w = 0; w < 2; w++) {
    await sc.range(0, 2e7, 1, 4).map((x) => x * 2).filter((x) => x % 3 === 0).reduce(add);
    let acc = 0;
    for (let x = 0; x < 2e7; x++) { const y = x * 2; if (y % 3 === 0) acc += y; }
    if (acc < 0) throw new Error('unreachable');
  }
  // 3. fused narrow chain vs a plain loop
  const N = 2e7;
  const ours: number[] = [];
  const plain: number[] = [];
  let expect = 0;
  for (let r = 0; r < 7; r++) {
    let got = 0;
    ours.push(await time(async () => { got = await sc.range(0, N, 1, 4).map((x) => x * 2).filter((x) => x % 3 === 0).reduce(add); }));
    const t = performance.now();
    let acc = 0;
    for (let x = 0; x < N; x++) { const y = x * 2; if (y % 3 === 0) acc += y; }
    plain.push(performance.now() - t);
    expect = acc;
    if (got !== expect) throw new Error(`range job returned ${got}, loop ${expect}`);
  }
  const ratio1 = median(plain) / median(ours);
  report('range(0,2e7,1,4).map.filter.reduce vs plain for loop', `${median(ours).toFixed(0)} ms`, `loop ${median(plain).toFixed(0)} ms`, `ratio ${ratio1.toFixed(2)} ${ratio1 >= 1 ? 'ok (≥ 1.0)' : 'MISS (target ≥ 1.0)'}`);
  // 4. reduceByKey vs a single-threaded Map
  const P = 5e6;
  const K = 100_000;
  const ours2: number[] = [];
  const plain2: number[] = [];
  for (let r = 0; r < 3; r++) {
    let n = 0;
    ours2.push(await time(async () => { n = await sc.range(0, P, 1, 4).map((i) => [i % K, 1] as [number, number]).reduceByKey(add, 4).count(); }));
    const t = performance.now();
    const m = new Map<number, number>();
    for (let i = 0; i < P; i++) { const kv: [number, number] = [i % K, 1]; m.set(kv[0], (m.get(kv[0]) ?? 0) + kv[1]); }
    plain2.push(performance.now() - t);
    if (n !== K || m.size !== K) throw new Error(`reduceByKey returned ${n} keys`);
  }
  const ratio2 = median(plain2) / median(ours2);
  report('reduceByKey 5M pairs, 100k keys, 4 partitions vs Map', `${median(ours2).toFixed(0)} ms`, `Map ${median(plain2).toFixed(0)} ms`, `ratio ${ratio2.toFixed(2)} ${ratio2 >= 0.5 ? 'ok (aim ≥ 0.5)' : 'below aim 0.5'}`);
  await sc.stop();
}
