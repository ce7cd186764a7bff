// Seeded random streams for the TPC-H generator: a counter-based 32-bit mixer (splitmix-style), one stream per
// (seed, table, block of rows) so any partition of a table can be generated independently and identically.
export class Rng {
  private state: number;

  constructor(seed: number, table: number, block: number) {
    this.state = mix(mix(mix(seed >>> 0) ^ Math.imul(table + 1, 0x9e3779b1)) ^ Math.imul(block + 1, 0x85ebca77));
  }

  /** Uniform 32-bit unsigned integer. */
  next(): number {
    this.state = (this.state + 0x9e3779b9) | 0;
    return mix(this.state);
  }

  /** Uniform integer in [lo, hi] (inclusive, as the spec's random[lo, hi]). */
  int(lo: number, hi: number): number {
    return lo + Math.floor((this.next() / 4294967296) * (hi - lo + 1));
  }

  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor((this.next() / 4294967296) * xs.length)]!;
  }

  pickIndex(n: number): number {
    return Math.floor((this.next() / 4294967296) * n);
  }
}

function mix(z: number): number {
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}
