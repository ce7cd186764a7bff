import { describe, expect, it } from 'vitest';
import { TsSparkError } from '../../src/common/errors.js';
import { decodeBlock, encodeFrame, FRAME_HEADER_BYTES } from '../../src/shuffle/block-format.js';
import { codecByName } from '../../src/shuffle/compression.js';

const none = codecByName('none');
const deflate = codecByName('deflate');

function rejection(f: () => unknown): TsSparkError {
  try {
    f();
  } catch (e) {
    if (e instanceof TsSparkError) return e;
    throw e;
  }
  throw new Error('expected a TsSparkError');
}

const batchA: unknown[] = [[1, 'a'], [2, { x: 1n, d: new Date(5) }], [3, new Map([['k', [1, 2]]])]];
const batchB: unknown[] = Array.from({ length: 500 }, (_, i) => [i % 7, `value-${i % 3}`]);

describe('block format', () => {
  it('round-trips batches in order, with and without compression', () => {
    for (const codec of [none, deflate]) {
      const block = Buffer.concat([encodeFrame(batchA, codec), encodeFrame(batchB, codec)]);
      expect([...decodeBlock(block)]).toEqual([batchA, batchB]);
    }
    expect([...decodeBlock(new Uint8Array(0))]).toEqual([]);
  });

  it('compresses repetitive batches and stores a frame raw when compression does not help', () => {
    const raw = encodeFrame(batchB, none);
    const packed = encodeFrame(batchB, deflate);
    expect(packed[4]).toBe(1);
    expect(packed.byteLength).toBeLessThan(raw.byteLength / 2);
    expect(raw.readUInt32LE(0)).toBe(raw.byteLength - FRAME_HEADER_BYTES);
    const tiny = encodeFrame([1], deflate);
    expect(tiny[4]).toBe(0);
    expect([...decodeBlock(tiny)]).toEqual([[1]]);
  });

  it('decodes a block that is a subarray of a larger buffer', () => {
    const frame = encodeFrame(batchA, deflate);
    const big = Buffer.concat([Buffer.from('junk'), frame, Buffer.from('more')]);
    expect([...decodeBlock(big.subarray(4, 4 + frame.byteLength))]).toEqual([batchA]);
  });

  it('rejects truncated headers and payloads with the frame position', () => {
    const block = Buffer.concat([encodeFrame(batchA, none), encodeFrame(batchB, none)]);
    const first = encodeFrame(batchA, none).byteLength;
    const cutHeader = rejection(() => [...decodeBlock(block.subarray(0, first + 3))]);
    expect(cutHeader.code).toBe('INVALID_WIRE_DATA');
    expect(cutHeader.message).toMatch(/truncated frame header/);
    expect(cutHeader.details).toMatchObject({ frame: 1, offset: first });
    const cutPayload = rejection(() => [...decodeBlock(block.subarray(0, block.byteLength - 1), { mapId: 4 })]);
    expect(cutPayload.message).toMatch(/overruns the block/);
    expect(cutPayload.details).toMatchObject({ frame: 1, mapId: 4 });
  });

  it('rejects unknown flags, undecodable payloads and payloads that are not batches', () => {
    const flags = encodeFrame(batchA, none);
    flags[4] = 0x10;
    expect(rejection(() => [...decodeBlock(flags)]).message).toMatch(/unknown frame flags 0x10/);
    const badCodec = encodeFrame(batchA, none);
    badCodec[4] = 7;
    expect(rejection(() => [...decodeBlock(badCodec)]).message).toMatch(/unknown frame flags/);
    const garbage = encodeFrame(batchB, deflate);
    garbage.fill(0xff, FRAME_HEADER_BYTES, FRAME_HEADER_BYTES + 8);
    const g = rejection(() => [...decodeBlock(garbage)]);
    expect(g.code).toBe('INVALID_WIRE_DATA');
    expect(g.message).toMatch(/does not decode/);
    const notArray = encodeFrame(batchA, none).subarray(0, 0);
    expect([...decodeBlock(notArray)]).toEqual([]);
  });
});
