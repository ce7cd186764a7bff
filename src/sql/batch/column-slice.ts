// Row-range slices of columns (copies), shared by the scan (row-group cuts) and the execution operators.
import type { Column } from './column-batch.js';

export function sliceColumn(c: Column, from: number, to: number): Column {
  const valid = c.valid === null ? null : c.valid.slice(from, to);
  switch (c.kind) {
    case 'bool': return { kind: 'bool', values: c.values.slice(from, to), valid };
    case 'i32': return { kind: 'i32', values: c.values.slice(from, to), valid };
    case 'f64': return { kind: 'f64', values: c.values.slice(from, to), valid };
    case 'dict': return { kind: 'dict', ids: c.ids.slice(from, to), dictionary: c.dictionary, valid };
    case 'str': return { kind: 'str', values: c.values.slice(from, to), valid };
    case 'obj': return { kind: 'obj', values: c.values.slice(from, to), valid };
  }
}
