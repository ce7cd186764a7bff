// Exhaustiveness and invariant helpers used by every discriminated-union switch.
import { TsSparkError } from './errors.js';

export function assertNever(x: never, what = 'value'): never {
  throw new TsSparkError('INTERNAL', `unexpected ${what}: ${JSON.stringify(x)}`);
}

export function invariant(cond: unknown, message: string): asserts cond {
  if (!cond) throw new TsSparkError('INTERNAL', `invariant violated: ${message}`);
}
