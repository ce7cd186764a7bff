// Builds one Column of a batch from physical values (column-batch.ts layout) appended row by row;
// the readers of text formats use it. Capacity is fixed per batch, so appends never reallocate.
import type { Column } from '../batch/column-batch.js';
import { physicalKind } from '../batch/column-batch.js';
import type { DataType } from '../types/data-type.js';

export class ColumnBuilder {
  private readonly kind: ReturnType<typeof physicalKind>;
  private nums: Int32Array | Float64Array | Uint8Array | null = null;
  private objs: unknown[] | null = null;
  private valid: Uint8Array;
  private anyNull = false;
  private n = 0;

  constructor(readonly type: DataType, capacity: number) {
    this.kind = physicalKind(type);
    this.valid = new Uint8Array(capacity);
    switch (this.kind) {
      case 'bool': this.nums = new Uint8Array(capacity); break;
      case 'i32': this.nums = new Int32Array(capacity); break;
      case 'f64': this.nums = new Float64Array(capacity); break;
      default: this.objs = new Array<unknown>(capacity);
    }
  }

  get length(): number { return this.n; }

  /** Appends a physical value; null/undefined appends NULL. */
  append(v: unknown): void {
    const i = this.n++;
    if (v === null || v === undefined) {
      this.anyNull = true;
      if (this.objs) this.objs[i] = null;
      return;
    }
    this.valid[i] = 1;
    if (this.nums) this.nums[i] = this.kind === 'bool' ? (v ? 1 : 0) : (v as number);
    else this.objs![i] = v;
  }

  finish(): Column {
    const n = this.n;
    const valid = this.anyNull ? this.valid.slice(0, n) : null;
    switch (this.kind) {
      case 'bool': return { kind: 'bool', values: (this.nums as Uint8Array).slice(0, n), valid };
      case 'i32': return { kind: 'i32', values: (this.nums as Int32Array).slice(0, n), valid };
      case 'f64': return { kind: 'f64', values: (this.nums as Float64Array).slice(0, n), valid };
      case 'str': return { kind: 'str', values: (this.objs as (string | null)[]).slice(0, n), valid };
      case 'obj': return { kind: 'obj', values: this.objs!.slice(0, n), valid };
    }
  }
}

/** A column holding one value (e.g. a partition value) repeated n times. */
export function constantColumn(type: DataType, value: unknown, n: number): Column {
  const b = new ColumnBuilder(type, n);
  for (let i = 0; i < n; i++) b.append(value);
  return b.finish();
}
