// The codec for RDD elements on the wire and in shuffle files: msgpackr with records and extra types, so numbers,
// strings, bigint, arrays, plain objects, Map, Set, Date and typed arrays round-trip with their types.
// Measured (1M [int,int] pairs): encode ~46 ms, decode ~94 ms; chosen over JSON and v8.serialize (see ARCHITECTURE §4).
import { Packr } from 'msgpackr';

const packr = new Packr({ useRecords: true, moreTypes: true });

export function encodeValue(value: unknown): Buffer {
  return packr.pack(value);
}

export function decodeValue<T = unknown>(bytes: Uint8Array): T {
  return packr.unpack(bytes) as T;
}
