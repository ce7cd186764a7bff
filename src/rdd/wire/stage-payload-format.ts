// Shared by the stage payload's encoder (driver) and decoder (executor): the function marker and plain-object test.

/** A captured function inside a stage payload: { $fn: ShippedClosure }. */
export const FN = '$fn';

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}
