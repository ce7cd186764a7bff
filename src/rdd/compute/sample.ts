// Per-partition sampling (Bernoulli without replacement, Poisson with), seeded so retries sample the same rows.

export function* sampleBatches(input: Iterable<unknown[]>, withReplacement: boolean, fraction: number, seed: number): Generator<unknown[]> {
  const rnd = mulberry32(seed);
  for (const b of input) {
    const out: unknown[] = [];
    for (const x of b) {
      if (withReplacement) {
        const k = poisson(fraction, rnd);
        for (let j = 0; j < k; j++) out.push(x);
      } else if (rnd() < fraction) out.push(x);
    }
    if (out.length > 0) yield out;
  }
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function poisson(lambda: number, rnd: () => number): number {
  const l = Math.exp(-lambda);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= rnd();
  } while (p > l);
  return k - 1;
}
