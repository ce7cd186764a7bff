import { parse, type Node } from 'acorn';
import { describe, expect, it } from 'vitest';
import { freeVariables } from '../../../src/rdd/closure/free-variables.js';

function free(src: string): string[] {
  const program = parse(`(${src})`, { ecmaVersion: 'latest' }) as Node & { body: { expression: Node }[] };
  return freeVariables(program.body[0]!.expression).sort();
}

describe('freeVariables', () => {
  it('params and locals are bound, outer names are free', () => {
    expect(free('(x) => x + k')).toEqual(['k']);
    expect(free('function (a, b = c) { var d = a; let e = d; const f = e; return f + g; }')).toEqual(['c', 'g']);
  });
  it('ignores member properties and object keys but counts computed ones and shorthand values', () => {
    expect(free('(o) => o.a.b + ({ key: 1, [k]: 2, v }).key + o[idx]')).toEqual(['idx', 'k', 'v']);
  });
  it('handles destructuring with defaults and rest', () => {
    expect(free('({ a, b: { c = d }, ...rest }, [e, , f = g]) => a + c + e + f + rest + h')).toEqual(['d', 'g', 'h']);
    expect(free('() => { const { x, y: [z] } = src; return x + z; }')).toEqual(['src']);
  });
  it('hoists var and function declarations, scopes let to blocks', () => {
    expect(free('function () { inner(); { let b = 1; } return b + v; function inner() {} var v; }')).toEqual(['b']);
    expect(free('function () { if (x) { var hoisted = 1; } return hoisted; }')).toEqual(['x']);
  });
  it('binds catch params, loop variables, class names and named function expressions', () => {
    expect(free('() => { try { t(); } catch (err) { return err; } }')).toEqual(['t']);
    expect(free('() => { for (let i = 0; i < n; i++) {} for (const [k, v] of m) use(k, v); return i; }')).toEqual(['i', 'm', 'n', 'use']);
    expect(free('function fact(n) { return n <= 1 ? 1 : n * fact(n - 1); }')).toEqual([]);
    expect(free('() => { class A extends Base { m() { return A; } } return new A(); }')).toEqual(['Base']);
  });
  it('counts assignment targets and globals as free, not labels or this/arguments', () => {
    expect(free('function () { outer: for (;;) { counter += arguments.length; break outer; } return Math.max(this.x); }')).toEqual(['Math', 'counter']);
    expect(free('() => arguments')).toEqual(['arguments']);
  });
  it('handles generators, async functions and switch scopes', () => {
    expect(free('async function* g(it) { for await (const x of it) yield await f(x); }')).toEqual(['f']);
    expect(free('(x) => { switch (x) { case 1: let y = z; return y; default: return y; } }')).toEqual(['z']);
  });
});
