// Word count, the classic first Spark job: the 10 most frequent words of a text file.
// Run: npx tsspark-submit examples/wordcount.ts [file] (default: the chapter shipped in examples/data).
import { SparkContext } from 'tsspark';

const input = process.argv[2] ?? new URL('./data/pride-and-prejudice-ch1.txt', import.meta.url).pathname;
const sc = new SparkContext({ appName: 'wordcount' });

const counts = sc
  .textFile(input)
  .flatMap((line) => line.toLowerCase().split(/[^a-z']+/))
  .filter((w) => w.length > 0)
  .map((w) => [w, 1] as [string, number])
  .reduceByKey((a, b) => a + b);

const top = await counts.takeOrdered(10, ([word, n]) => [-n, word]);
console.log(`${await counts.count()} distinct words in ${input} (master ${sc.master}, ${sc.defaultParallelism} task slots)`);
for (const [word, n] of top) console.log(`${String(n).padStart(6)}  ${word}`);
