// A canonical text of a logical plan for the session's cache lookup (Spark's CacheManager compares canonicalized
// plans): expression ids renumbered in order of appearance, so two references to one view or table (each with
// fresh ids from lookupRelation) get the same key; row data (batches, typed arrays) compared by identity.
import type { LogicalPlan } from '../../planner/logical/logical-plan.js';

const identities = new WeakMap<object, number>();
let nextIdentity = 0;

function identityOf(o: object): number {
  let id = identities.get(o);
  if (id === undefined) {
    id = nextIdentity++;
    identities.set(o, id);
  }
  return id;
}

/** Equal keys ⇔ the plans compute the same rows with the same output, up to expression ids. */
export function planKey(plan: LogicalPlan): string {
  const ids = new Map<number, number>();
  const norm = (id: number): number => {
    let n = ids.get(id);
    if (n === undefined) {
      n = ids.size;
      ids.set(id, n);
    }
    return n;
  };
  return JSON.stringify(plan, function replacer(this: unknown, key: string, value: unknown): unknown {
    if (key === 'batches' && Array.isArray(value)) return value.map((b) => `#${identityOf(b as object)}`);
    if (ArrayBuffer.isView(value)) return `#${identityOf(value)}`;
    if (key === 'id' && typeof value === 'number' && isExprNode(this)) return norm(value);
    if (typeof value === 'bigint') return `${value}n`;
    return value;
  });
}

/** Attributes and aliases carry expression ids (`{ kind: 'attr' | 'alias', id }`); other `id`s are kept. */
function isExprNode(holder: unknown): boolean {
  const kind = (holder as { kind?: unknown } | null)?.kind;
  return kind === 'attr' || kind === 'alias';
}
