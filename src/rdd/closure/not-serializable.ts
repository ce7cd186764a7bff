// Builds the CLOSURE_NOT_SERIALIZABLE error naming the function, the captured variable path and the fix.
// Thrown by encode-value.ts and capture.ts on the driver, before any task launches.
import { types } from 'node:util';
import { TsSparkError } from '../../common/errors.js';

export type NotSerializableReason = 'value' | 'driver-only' | 'no-source';

const FIX: Record<NotSerializableReason, string> = {
  value: 'Create it inside mapPartitions, or use sc.broadcast for read-only data.',
  'driver-only':
    'SparkContext/RDD/SparkSession objects live only on the driver: use them in driver code, and pass data to tasks with sc.broadcast.',
  'no-source':
    'Use a function defined in your own code (bound and native functions have no source to ship), or import it from a module.',
};

export function notSerializable(what: string, path: string, value: unknown, reason: NotSerializableReason = 'value'): TsSparkError {
  const described = describe(value);
  const where = path === '' ? `${what} itself` : `${what} captures variable '${path}'`;
  const isRoot = path === '';
  const message = isRoot
    ? `${where} is ${described}, which cannot be shipped to executors.`
    : `${where} (${described}), which cannot be shipped to executors.`;
  return new TsSparkError('CLOSURE_NOT_SERIALIZABLE', message, {
    hint: FIX[reason],
    details: { function: what, variable: path, type: described },
  });
}

/** "a Socket", "a Promise", "a bound function", "a symbol". */
export function describe(v: unknown): string {
  if (typeof v === 'symbol') return 'a symbol';
  if (typeof v === 'function') {
    if (v.name.startsWith('bound ')) return 'a bound function';
    const text = Function.prototype.toString.call(v);
    if (/\[native code\]\s*\}\s*$/.test(text)) return `a native function${v.name ? ` (${v.name})` : ''}`;
    return `a function${v.name ? ` (${v.name})` : ''}`;
  }
  if (typeof v !== 'object' || v === null) return typeof v;
  if (types.isModuleNamespaceObject(v)) return 'a module namespace object';
  const driverName = (v as { constructor?: { name?: unknown } }).constructor?.name;
  const name = typeof driverName === 'string' && driverName !== '' ? driverName : 'object with a custom prototype';
  return `${/^[AEIOU]/i.test(name) ? 'an' : 'a'} ${name}`;
}
