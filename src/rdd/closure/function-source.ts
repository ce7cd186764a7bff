// Turns a function value into an evaluable expression string plus its free variable names (cached per source text).
// Called by capture.ts; the expression form is what revive.ts evaluates on the executor.
import { parse, type Node } from 'acorn';
import { freeVariables } from './free-variables.js';

export interface FunctionSource {
  /** A JavaScript expression evaluating to the function, e.g. `(x) => x + k` or `({ f(x) { ... } }).f`-like. */
  readonly expression: string;
  /** Identifiers the source references but does not declare, in first-use order. */
  readonly freeNames: readonly string[];
  /** An arrow function that reads the enclosing `this` (which cannot travel). */
  readonly lexicalThis?: boolean;
  /**
   * For `class X extends <expr>`: the expression is rewritten to `extends __tsspark_super`, because V8 keeps no closure
   * binding for names used only in the extends clause; capture.ts binds it to Object.getPrototypeOf(the class).
   */
  readonly extendsSuper: boolean;
  /** The unrewritten form, used when the superclass is a builtin (`extends Error`) that every executor has. */
  readonly original?: FunctionSource;
}

export const SUPER_BINDING = '__tsspark_super';

/** Why a function's source cannot be used; capture.ts turns this into CLOSURE_NOT_SERIALIZABLE. */
export type SourceProblem = 'native' | 'bound' | 'unparseable';

const cache = new Map<string, FunctionSource | SourceProblem>();
const NATIVE = /\{\s*\[native code\]\s*\}\s*$/;

export function functionSource(fn: Function): FunctionSource | SourceProblem {
  const text = Function.prototype.toString.call(fn);
  if (NATIVE.test(text)) return fn.name.startsWith('bound ') ? 'bound' : 'native';
  let hit = cache.get(text);
  if (hit === undefined) {
    hit = analyse(text);
    cache.set(text, hit);
  }
  return hit;
}

function analyse(text: string): FunctionSource | SourceProblem {
  // Arrows, function expressions/declarations (async, generator) and classes parse as a parenthesised expression.
  const asExpression = tryParse(`(${text}\n)`) as (Node & { type: string; superClass?: Node | null }) | undefined;
  if (asExpression?.type === 'ClassExpression' && asExpression.superClass) {
    // offsets are into `(${text}\n)`, so shift by the leading parenthesis
    const { start, end } = asExpression.superClass;
    const rewritten = `(${text.slice(0, start - 1)}${SUPER_BINDING}${text.slice(end - 1)}\n)`;
    const node = tryParse(rewritten);
    if (node) {
      const original = { expression: `(${text}\n)`, freeNames: freeVariables(asExpression), extendsSuper: false };
      return { expression: rewritten, freeNames: freeVariables(node), extendsSuper: true, original };
    }
  }
  if (asExpression) return { expression: `(${text}\n)`, freeNames: freeVariables(asExpression), extendsSuper: false, lexicalThis: arrowUsesThis(asExpression) };
  // Method shorthand (`f(x) {}`, `async *g() {}`, `[key]() {}`) only parses inside an object literal; take its one property.
  const asMethod = tryParse(`({${text}\n})`);
  if (asMethod) {
    return {
      expression: `((o) => o[Reflect.ownKeys(o)[0]])({${text}\n})`,
      freeNames: freeVariables(asMethod),
      extendsSuper: false,
    };
  }
  return 'unparseable';
}

function tryParse(source: string): Node | undefined {
  try {
    const program = parse(source, { ecmaVersion: 'latest', sourceType: 'script' }) as Node & { body: readonly Node[] };
    if (program.body.length !== 1) return undefined;
    const stmt = program.body[0] as Node & { type: string; expression?: Node };
    return stmt.type === 'ExpressionStatement' ? stmt.expression : undefined;
  } catch {
    return undefined;
  }
}

/** True when an arrow function reads `this` from its enclosing scope (not inside a nested function or class). */
export function arrowUsesThis(root: Node & { type: string }): boolean {
  if (root.type !== 'ArrowFunctionExpression') return false;
  const visit = (n: unknown): boolean => {
    if (typeof n !== 'object' || n === null) return false;
    if (Array.isArray(n)) return n.some(visit);
    const t = (n as { type?: string }).type;
    if (t === 'ThisExpression') return true;
    if (t === 'FunctionExpression' || t === 'FunctionDeclaration' || t === 'ClassExpression' || t === 'ClassDeclaration') return false;
    for (const [k, v] of Object.entries(n)) if (k !== 'type' && k !== 'start' && k !== 'end' && visit(v)) return true;
    return false;
  };
  return visit((root as unknown as { body: unknown }).body);
}
