// Spark's StatCounter: count, mean, variance (population and sample), min, max, merged from partition counters.
import type { StatCounter } from './sink.js';

export class StatCounterView {
  private constructor(readonly count: number, readonly mean: number, private readonly m2: number, readonly max: number, readonly min: number) {}

  static merge(parts: readonly StatCounter[]): StatCounterView {
    let n = 0;
    let mean = 0;
    let m2 = 0;
    let max = -Infinity;
    let min = Infinity;
    for (const p of parts) {
      if (p.count === 0) continue;
      const delta = p.mean - mean;
      const total = n + p.count;
      mean = n === 0 ? p.mean : (mean * n + p.mean * p.count) / total;
      m2 += p.m2 + (delta * delta * n * p.count) / total;
      n = total;
      if (p.max > max) max = p.max;
      if (p.min < min) min = p.min;
    }
    return new StatCounterView(n, n === 0 ? NaN : mean, m2, max, min);
  }

  get sum(): number { return this.count * this.mean || 0; }
  get variance(): number { return this.count === 0 ? NaN : this.m2 / this.count; }
  get sampleVariance(): number { return this.count <= 1 ? NaN : this.m2 / (this.count - 1); }
  get stdev(): number { return Math.sqrt(this.variance); }
  get sampleStdev(): number { return Math.sqrt(this.sampleVariance); }

  toString(): string {
    return `(count: ${this.count}, mean: ${this.mean}, stdev: ${this.stdev}, max: ${this.max}, min: ${this.min})`;
  }

  toJSON(): Record<string, number> {
    return { count: this.count, mean: this.mean, stdev: this.stdev, max: this.max, min: this.min, sum: this.sum, variance: this.variance };
  }
}
