import { createServer, Socket } from 'node:net';
import { tableFromArrays, type Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { decodeValue, encodeValue } from '../../../src/common/record-codec.js';
import { isTsSparkError } from '../../../src/common/errors.js';
import { captureClosure, registerReviver, reviveClosure, SHIP, type ShippedClosure } from '../../../src/rdd/closure/index.js';

/** Capture, push through the record codec (proves plain data) and structured clone, revive. */
async function roundTrip<F extends Function>(fn: F): Promise<F> {
  const shipped = captureClosure(fn, 'map function');
  const decoded = decodeValue<ShippedClosure>(encodeValue(structuredClone(shipped)));
  return (await reviveClosure(decoded)) as F;
}

function captureError(fn: Function): Error {
  try {
    captureClosure(fn, 'map function');
  } catch (e) {
    expect(isTsSparkError(e, 'CLOSURE_NOT_SERIALIZABLE')).toBe(true);
    return e as Error;
  }
  throw new Error('expected CLOSURE_NOT_SERIALIZABLE');
}

const factor = 7;
const lookup = new Map<string, number>([['a', 1], ['b', 2]]);
const shared = { n: 5 };
const nested = { list: [shared, shared], when: new Date(86_400_000), re: /ab+c/gi, tags: new Set(['x', 'y']) };
const odd = { big: 12345678901234567890n, neg0: -0, nan: NaN, inf: -Infinity, undef: undefined as unknown, nul: null };
const bytes = { f64: Float64Array.from([1.5, -2.25]), u8: Uint8Array.from([1, 2, 3]), buf: Buffer.from('hi'), ab: new Uint16Array([7, 9]).buffer };
const table: Table = tableFromArrays({ id: Int32Array.from([1, 2, 3]), v: Float64Array.from([0.5, 1.5, 2.5]) });
const fib = (n: number): number => (n < 2 ? n : fib(n - 1) + fib(n - 2));
function isEven(n: number): boolean { return n === 0 ? true : isOdd(n - 1); }
function isOdd(n: number): boolean { return n === 0 ? false : isEven(n - 1); }
const addFactor = (x: number) => x + factor;
const methods = { scale(x: number) { return x * factor; }, *pairs(xs: number[]) { for (const x of xs) yield [x, factor]; } };
const cyclic: { self?: unknown; name: string } = { name: 'loop' };
cyclic.self = cyclic;

describe('captureClosure + reviveClosure', () => {
  it('ships constants, Maps, Sets, Dates, RegExps and shared references by value', async () => {
    const f = await roundTrip((k: string) => [lookup.get(k)! * factor, nested.list[0] === nested.list[1], nested.when.getTime(), nested.re.test('xABBC'), [...nested.tags]]);
    expect(f('b')).toEqual([14, true, 86_400_000, true, ['x', 'y']]);
  });

  it('keeps bigint, -0, NaN, Infinity, undefined, null and cycles', async () => {
    const f = await roundTrip(() => ({ ...odd, cyc: cyclic.self === cyclic && (cyclic.self as typeof cyclic).name }));
    const r = f();
    expect(r.big).toBe(12345678901234567890n);
    expect(Object.is(r.neg0, -0)).toBe(true);
    expect(r.nan).toBeNaN();
    expect(r.inf).toBe(-Infinity);
    expect('undef' in r && r.undef === undefined).toBe(true);
    expect(r.nul).toBeNull();
    expect(r.cyc).toBe('loop');
  });

  it('ships typed arrays, Buffers, ArrayBuffers and Arrow tables', async () => {
    const f = await roundTrip(() => [bytes.f64, bytes.u8, bytes.buf, bytes.ab, table]);
    const [f64, u8, buf, ab, t] = f() as [Float64Array, Uint8Array, Buffer, ArrayBuffer, Table];
    expect(f64).toBeInstanceOf(Float64Array);
    expect([...f64]).toEqual([1.5, -2.25]);
    expect(u8).toBeInstanceOf(Uint8Array);
    expect([...u8]).toEqual([1, 2, 3]);
    expect(Buffer.isBuffer(buf) && buf.toString()).toBe('hi');
    expect([...new Uint16Array(ab)]).toEqual([7, 9]);
    expect(t.numRows).toBe(3);
    expect(t.getChild('v')!.toArray()[2]).toBe(2.5);
  });

  it('ships captured functions recursively, with self and mutual recursion', async () => {
    const f = await roundTrip((x: number) => [addFactor(x), fib(x), isEven(x), isOdd(x)]);
    expect(f(10)).toEqual([17, 55, true, false]);
  });

  it('ships generator functions, async functions and method shorthand', async () => {
    const gen = await roundTrip(function* (it: Iterable<number>) { for (const x of it) yield x * factor; });
    expect([...gen([1, 2])]).toEqual([7, 14]);
    const asyncFn = await roundTrip(async (x: number) => (await Promise.resolve(x)) + factor);
    expect(await asyncFn(1)).toBe(8);
    const scale = await roundTrip(methods.scale);
    expect(scale(3)).toBe(21);
    const pairs = await roundTrip(methods.pairs);
    expect([...pairs([1])]).toEqual([[1, 7]]);
    const viaObject = await roundTrip((x: number) => methods.scale(x) + [...methods.pairs([x])].length);
    expect(viaObject(2)).toBe(15);
  });

  it('ships classes (with captured base classes and static fields) and uses them', async () => {
    class Base { constructor(readonly x: number) {} twice() { return this.x * 2; } }
    class Scaled extends Base { static unit = factor; scaled() { return this.twice() * Scaled.unit; } }
    const f = await roundTrip((x: number) => new Scaled(x).scaled());
    expect(f(2)).toBe(28);
    class AppError extends Error { code = factor; }
    const g = await roundTrip(() => new AppError('boom'));
    const err = g() as AppError;
    expect(err instanceof Error && err.message === 'boom' && err.code === 7).toBe(true);
  });

  it('leaves globals alone and revives a fresh, independent copy', async () => {
    const counter = { n: 0 };
    const f = await roundTrip((x: number) => { counter.n += 1; return Math.max(x, JSON.parse('3')); });
    expect(f(1)).toBe(3);
    expect(counter.n).toBe(0);
  });

  it('ships Shippable objects as markers and revives them with the registered reviver', async () => {
    registerReviver('test-broadcast', async (data) => ({ value: (data as { id: number }).id * 10 }));
    const bc = { id: 4, [SHIP]: () => ({ kind: 'test-broadcast', data: { id: 4 } }) } as unknown as { value: number };
    const f = await roundTrip(() => [bc.value, bc === bc]);
    expect(f()).toEqual([40, true]);
    const unknown = { [SHIP]: () => ({ kind: 'nobody-registered-this', data: null }) };
    const shipped = captureClosure(() => unknown, 'map function');
    await expect(reviveClosure(shipped)).rejects.toThrow(/no reviver for 'nobody-registered-this'/);
  });

  it('measures capture cost per function', () => {
    const fn = (x: number) => lookup.get(String(x)) ?? factor;
    captureClosure(fn);
    const n = 200;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) captureClosure(fn);
    const ms = (performance.now() - t0) / n;
    console.log(`captureClosure: ${ms.toFixed(3)} ms per function (2 free variables)`);
    expect(ms).toBeLessThan(5);
  });
});

describe('captureClosure errors', () => {
  it('rejects a captured socket, naming the function, variable and fix', () => {
    const conn = new Socket();
    const e = captureError((x: number) => conn.write(String(x)));
    expect(e.message).toContain("map function captures variable 'conn' (a Socket)");
    expect(e.message).toContain('mapPartitions');
    expect(e.message).toContain('sc.broadcast');
  });

  it('names the path of nested values and of variables of captured functions', () => {
    const server = createServer();
    const config = { retries: 3, client: { server } };
    expect(captureError(() => config.retries + (config.client ? 1 : 0)).message).toContain("variable 'config.client.server' (a Server)");
    const helper = () => config;
    expect(captureError(() => helper()).message).toContain("'helper -> config.client.server'");
  });

  it('rejects driver-only objects (SparkContext) with driver wording', () => {
    const DRIVER_ONLY: unique symbol = Symbol.for('tsspark.driverOnly') as never;
    const sc = new (class SparkContext { readonly [DRIVER_ONLY] = true; })();
    const e = captureError(() => sc);
    expect(e.message).toContain("variable 'sc' (a SparkContext)");
    expect(e.message).toContain('live only on the driver');
  });

  it('rejects bound and native functions, promises, weak maps, symbols and class instances', () => {
    const bound = function (this: unknown, x: number) { return x; }.bind(null);
    expect(captureError(bound).message).toContain('map function itself is a bound function');
    expect(captureError((x: number) => bound(x)).message).toContain("variable 'bound' (a bound function)");
    const max = Math.max;
    expect(captureError(() => max(1)).message).toContain("'max' (a native function (max))");
    const p = Promise.resolve(1);
    expect(captureError(() => p).message).toContain("'p' (a Promise)");
    const wm = new WeakMap();
    expect(captureError(() => wm).message).toContain("'wm' (a WeakMap)");
    const sym = Symbol('s');
    expect(captureError(() => sym).message).toContain("'sym' (a symbol)");
    class Point { constructor(readonly x: number) {} }
    const pt = new Point(1);
    expect(captureError(() => pt).message).toContain("'pt' (a Point)");
  });
});
