// Name resolution scope: the attributes a clause can see (with their qualifiers), Spark's case-insensitive
// matching of `a`, `t.a`, `db.t.a`, struct fields after the column, ambiguity and "did you mean" candidates,
// and the enclosing query's scope for correlated references (which become outer_ref).
import type { Attribute, Expression } from '../../planner/expr/expression.js';
import { ambiguousReference, quoteParts, unresolvedColumn } from './errors.js';

export interface ScopeEntry {
  readonly attr: Attribute;
  readonly qualifier: readonly string[];
  /** Resolvable only when qualified, and left out of `*` (the right side's key of a USING join). */
  readonly hidden: boolean;
  /** Position of the column in its own relation, so `t.*` lists t's columns in t's order after a USING join. */
  readonly origin?: number;
}

export interface Resolved {
  readonly attr: Attribute;
  /** Struct field names following the column, e.g. `s.a.b` -> ['a', 'b']. */
  readonly fields: readonly string[];
}

const eq = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

function qualifierMatches(q: readonly string[], want: readonly string[]): boolean {
  if (want.length > q.length) return false;
  const off = q.length - want.length;
  return want.every((w, i) => eq(q[off + i]!, w));
}

export class Scope {
  /** Attributes of enclosing queries this scope's subquery referenced (filled by resolution). */
  readonly outerRefs: Attribute[] = [];

  constructor(readonly entries: readonly ScopeEntry[], readonly outer?: Scope, readonly fallback?: Scope) {}

  static of(attrs: readonly Attribute[], qualifier?: readonly string[], outer?: Scope): Scope {
    return new Scope(attrs.map((attr) => ({ attr, qualifier: qualifier ?? attr.qualifier ?? [], hidden: false })), outer);
  }

  withOuter(outer: Scope | undefined): Scope {
    return new Scope(this.entries, outer, this.fallback);
  }

  /** The visible attributes, in order (what `*` expands to). */
  visible(): Attribute[] {
    return this.entries.filter((e) => !e.hidden).map((e) => e.attr);
  }

  /** `t.*`: the attributes qualified by `qualifier` (hidden ones included, as Spark does). */
  qualified(qualifier: readonly string[]): Attribute[] | undefined {
    const hits = this.entries.filter((e) => qualifierMatches(e.qualifier, qualifier));
    const xs = hits.map((e, i) => ({ e, i })).sort((a, b) => (a.e.origin ?? a.i) - (b.e.origin ?? b.i)).map((x) => x.e.attr);
    return xs.length ? xs : undefined;
  }

  private matches(parts: readonly string[]): { entries: ScopeEntry[]; fields: readonly string[] } | undefined {
    for (let k = parts.length - 1; k >= 1; k--) {
      const q = parts.slice(0, k);
      const name = parts[k]!;
      const hits = this.entries.filter((e) => eq(e.attr.name, name) && qualifierMatches(e.qualifier, q));
      if (hits.length) return { entries: hits, fields: parts.slice(k + 1) };
    }
    const hits = this.entries.filter((e) => !e.hidden && eq(e.attr.name, parts[0]!));
    return hits.length ? { entries: hits, fields: parts.slice(1) } : undefined;
  }

  /** Resolves locally only; undefined when nothing matches; throws AMBIGUOUS_REFERENCE. */
  tryLocal(parts: readonly string[]): Resolved | undefined {
    const m = this.matches(parts);
    if (!m) return this.fallback?.tryLocal(parts);
    const ids = new Set(m.entries.map((e) => e.attr.id));
    if (ids.size > 1) throw ambiguousReference(parts, m.entries.map((e) => quoteParts([...e.qualifier, e.attr.name])));
    return { attr: m.entries[0]!.attr, fields: m.fields };
  }

  /** Local first, then enclosing scopes (as outer references); undefined when nothing matches. */
  tryResolve(parts: readonly string[]): { resolved: Resolved; outer: boolean } | undefined {
    const local = this.tryLocal(parts);
    if (local) return { resolved: local, outer: false };
    // every scope passed on the way out (subquery boundaries) records the outer attribute
    const passed: Scope[] = [this];
    let s = this.outer;
    while (s) {
      const r = s.tryLocal(parts);
      if (r) {
        for (const p of passed) p.outerRefs.push(r.attr);
        return { resolved: r, outer: true };
      }
      passed.push(s);
      s = s.outer;
    }
    return undefined;
  }

  /** `t`.`a` strings of the visible attributes, as Spark lists them. */
  candidates(): string[] {
    const own = this.entries.filter((e) => !e.hidden).map((e) => quoteParts([...e.qualifier, e.attr.name]));
    return this.fallback ? [...own, ...this.fallback.candidates().filter((c) => !own.includes(c))] : own;
  }

  resolveOrThrow(parts: readonly string[]): { resolved: Resolved; outer: boolean } {
    const r = this.tryResolve(parts);
    if (!r) throw unresolvedColumn(parts, this.candidates());
    return r;
  }
}

export function attrRef(a: Attribute, outer: boolean): Expression {
  return outer ? { kind: 'outer_ref', attr: a } : a;
}
