// Spreads densely decoded non-null values to their row positions once a chunk is decoded.
// Pages store only non-null values; Arrow wants one slot per row, so the copy runs backwards in place.

const isSet = (v: Uint8Array, i: number): boolean => ((v[i >>> 3]! >>> (i & 7)) & 1) === 1;

/** Fixed-width values of `width` bytes (4 and 8 via word views). `words` is an Int32Array view of `bytes` when width % 4 === 0. */
export function scatterFixed(bytes: Uint8Array, words: Int32Array | null, width: number, validity: Uint8Array, rows: number, dense: number): void {
  let j = dense - 1;
  if (words && width === 4) {
    for (let i = rows - 1; i >= 0 && i > j; i--) words[i] = isSet(validity, i) ? words[j--]! : 0;
  } else if (words && width === 8) {
    for (let i = rows - 1; i >= 0 && i > j; i--) {
      if (isSet(validity, i)) { words[2 * i] = words[2 * j]!; words[2 * i + 1] = words[2 * j + 1]!; j--; } else { words[2 * i] = 0; words[2 * i + 1] = 0; }
    }
  } else {
    for (let i = rows - 1; i >= 0 && i > j; i--) {
      if (isSet(validity, i)) { bytes.copyWithin(i * width, j * width, (j + 1) * width); j--; } else bytes.fill(0, i * width, (i + 1) * width);
    }
  }
}

/** Bit-packed booleans. */
export function scatterBits(bits: Uint8Array, validity: Uint8Array, rows: number, dense: number): void {
  let j = dense - 1;
  for (let i = rows - 1; i >= 0 && i > j; i--) {
    let v = false;
    if (isSet(validity, i)) { v = isSet(bits, j); j--; }
    if (v) bits[i >>> 3]! |= 1 << (i & 7); else bits[i >>> 3]! &= ~(1 << (i & 7));
  }
}

/** Dictionary ids (null rows get id 0, which Arrow ignores under the validity bit). */
export function scatterInt32(ids: Int32Array, validity: Uint8Array, rows: number, dense: number): void {
  let j = dense - 1;
  for (let i = rows - 1; i >= 0 && i > j; i--) ids[i] = isSet(validity, i) ? ids[j--]! : 0;
}

/** Offsets of dense byte arrays → offsets with empty slots at null rows. */
export function spreadOffsets(dense: Int32Array, validity: Uint8Array, rows: number): Int32Array {
  const out = new Int32Array(rows + 1);
  let j = 0;
  for (let i = 0; i < rows; i++) {
    if (isSet(validity, i)) j++;
    out[i + 1] = dense[j]!;
  }
  return out;
}
