// Free-variable analysis: the identifiers an acorn AST references but does not declare itself (params, var/let/const,
// function and class names, catch params, destructuring). Used by function-source.ts on a user function's source.
import type { Node, Pattern } from 'acorn';
import * as walk from 'acorn-walk';

/** A lexical scope: the names declared in it, and its parent. */
interface Scope {
  readonly names: Set<string>;
  readonly parent: Scope | undefined;
}

interface WalkState {
  readonly scope: Scope;
  /** true while walking the binding side of a declaration (its identifiers declare, not reference). */
  readonly declaring: boolean;
  readonly free: Set<string>;
}

// acorn's node types are a wide union; the walker hands us loosely typed nodes, so read fields through this view.
type AnyNode = Node & Record<string, unknown>;

/** The names `root` references that no scope inside `root` declares, in first-use order. */
export function freeVariables(root: Node): string[] {
  const free = new Set<string>();
  const top: Scope = { names: new Set(), parent: undefined };
  walk.recursive(root as AnyNode, { scope: top, declaring: false, free } as WalkState, visitors);
  return [...free];
}

function reference(name: string, st: WalkState): void {
  for (let s: Scope | undefined = st.scope; s; s = s.parent) if (s.names.has(name)) return;
  st.free.add(name);
}

function child(st: WalkState, names: Set<string> = new Set()): WalkState {
  return { scope: { names, parent: st.scope }, declaring: false, free: st.free };
}

/** The identifiers a binding pattern declares. */
export function patternNames(p: Pattern | AnyNode, out: Set<string>): void {
  const n = p as AnyNode;
  switch (n.type) {
    case 'Identifier': out.add(n.name as string); break;
    case 'ObjectPattern':
      for (const prop of n.properties as AnyNode[]) patternNames((prop.type === 'RestElement' ? prop.argument : prop.value) as AnyNode, out);
      break;
    case 'ArrayPattern':
      for (const el of n.elements as (AnyNode | null)[]) if (el) patternNames(el, out);
      break;
    case 'RestElement': patternNames(n.argument as AnyNode, out); break;
    case 'AssignmentPattern': patternNames(n.left as AnyNode, out); break;
    default: break; // MemberExpression targets (in for-in heads) declare nothing
  }
}

/** Lexical declarations (let/const/class/function) made directly in a statement list. */
function declareLexical(statements: readonly AnyNode[], out: Set<string>): void {
  for (const s of statements) {
    if (s.type === 'VariableDeclaration' && s.kind !== 'var') for (const d of s.declarations as AnyNode[]) patternNames(d.id as AnyNode, out);
    else if ((s.type === 'FunctionDeclaration' || s.type === 'ClassDeclaration') && s.id) out.add((s.id as AnyNode).name as string);
  }
}

/** `var` declarations anywhere in a function body (not inside nested functions), hoisted to the function scope. */
function hoistVars(node: AnyNode | null | undefined, out: Set<string>): void {
  if (!node || typeof node !== 'object') return;
  if (node.type === 'VariableDeclaration') {
    if (node.kind === 'var') for (const d of node.declarations as AnyNode[]) patternNames(d.id as AnyNode, out);
    return;
  }
  if (/Function/.test(node.type) || node.type === 'ClassDeclaration' || node.type === 'ClassExpression') return;
  for (const key of ['body', 'consequent', 'alternate', 'block', 'handler', 'finalizer', 'cases', 'init', 'left']) {
    const v = node[key];
    if (Array.isArray(v)) for (const x of v) hoistVars(x as AnyNode, out);
    else if (v && typeof v === 'object' && typeof (v as AnyNode).type === 'string') hoistVars(v as AnyNode, out);
  }
}

type Visit = (node: AnyNode, st: WalkState, c: (node: AnyNode, st: WalkState, type?: string) => void) => void;

const visitors: Record<string, Visit> = {
  Identifier(node, st) {
    reference(node.name as string, st);
  },
  VariablePattern(node, st) {
    if (!st.declaring) reference(node.name as string, st);
  },
  Function(node, st, c) {
    const names = new Set<string>();
    // a function expression's own name is visible only inside it; a declaration's name belongs to the enclosing scope
    if (node.id && node.type !== 'FunctionDeclaration') names.add((node.id as AnyNode).name as string);
    for (const p of node.params as AnyNode[]) patternNames(p, names);
    if (node.type !== 'ArrowFunctionExpression') names.add('arguments');
    const body = node.body as AnyNode;
    if (body.type === 'BlockStatement') {
      hoistVars(body, names);
      declareLexical(body.body as AnyNode[], names);
    }
    const inner = child(st, names);
    for (const p of node.params as AnyNode[]) c(p, { ...inner, declaring: true }, 'Pattern');
    if (body.type === 'BlockStatement') for (const s of body.body as AnyNode[]) c(s, inner, 'Statement');
    else c(body, inner, 'Expression');
  },
  Class(node, st, c) {
    const names = new Set<string>();
    if (node.id) names.add((node.id as AnyNode).name as string);
    const inner = child(st, names);
    if (node.superClass) c(node.superClass as AnyNode, inner, 'Expression');
    c(node.body as AnyNode, inner);
  },
  BlockStatement(node, st, c) {
    const names = new Set<string>();
    declareLexical(node.body as AnyNode[], names);
    const inner = child(st, names);
    for (const s of node.body as AnyNode[]) c(s, inner, 'Statement');
  },
  StaticBlock(node, st, c) {
    const names = new Set<string>();
    hoistVars(node, names);
    declareLexical(node.body as AnyNode[], names);
    const inner = child(st, names);
    for (const s of node.body as AnyNode[]) c(s, inner, 'Statement');
  },
  SwitchStatement(node, st, c) {
    c(node.discriminant as AnyNode, st, 'Expression');
    const names = new Set<string>();
    for (const cs of node.cases as AnyNode[]) declareLexical(cs.consequent as AnyNode[], names);
    const inner = child(st, names);
    for (const cs of node.cases as AnyNode[]) c(cs, inner);
  },
  CatchClause(node, st, c) {
    const names = new Set<string>();
    if (node.param) patternNames(node.param as AnyNode, names);
    const inner = child(st, names);
    if (node.param) c(node.param as AnyNode, { ...inner, declaring: true }, 'Pattern');
    c(node.body as AnyNode, inner, 'Statement');
  },
  ForStatement(node, st, c) {
    const inner = loopScope(node.init as AnyNode | null, st);
    if (node.init) c(node.init as AnyNode, inner, 'ForInit');
    if (node.test) c(node.test as AnyNode, inner, 'Expression');
    if (node.update) c(node.update as AnyNode, inner, 'Expression');
    c(node.body as AnyNode, inner, 'Statement');
  },
  ForInStatement: forInOf,
  ForOfStatement: forInOf,
  VariableDeclarator(node, st, c) {
    c(node.id as AnyNode, { ...st, declaring: true }, 'Pattern');
    if (node.init) c(node.init as AnyNode, st, 'Expression');
  },
  AssignmentPattern(node, st, c) {
    c(node.left as AnyNode, st, 'Pattern');
    // default values are expressions evaluated in the scope, never declarations
    c(node.right as AnyNode, { ...st, declaring: false }, 'Expression');
  },
  Property(node, st, c) {
    // keys of patterns/objects are names, not references; computed keys are expressions
    if (node.computed) c(node.key as AnyNode, { ...st, declaring: false }, 'Expression');
    if (node.value) c(node.value as AnyNode, st, st.declaring ? 'Pattern' : 'Expression');
  },
  MethodDefinition: classMember,
  PropertyDefinition: classMember,
  MemberExpression(node, st, c) {
    c(node.object as AnyNode, { ...st, declaring: false }, 'Expression');
    if (node.computed) c(node.property as AnyNode, { ...st, declaring: false }, 'Expression');
  },
};

function classMember(node: AnyNode, st: WalkState, c: (node: AnyNode, st: WalkState, type?: string) => void): void {
  if (node.computed) c(node.key as AnyNode, st, 'Expression');
  if (node.value) c(node.value as AnyNode, st, 'Expression');
}

function loopScope(init: AnyNode | null, st: WalkState): WalkState {
  const names = new Set<string>();
  if (init && init.type === 'VariableDeclaration' && init.kind !== 'var') for (const d of init.declarations as AnyNode[]) patternNames(d.id as AnyNode, names);
  return child(st, names);
}

function forInOf(node: AnyNode, st: WalkState, c: (node: AnyNode, st: WalkState, type?: string) => void): void {
  const inner = loopScope(node.left as AnyNode, st);
  c(node.left as AnyNode, inner, 'ForInit');
  c(node.right as AnyNode, inner, 'Expression');
  c(node.body as AnyNode, inner, 'Statement');
}
