import { describe, expect, it } from 'vitest';
import { decodeProtoMessage, encodeProtoMessage, readProtoBool, readProtoMessages, readProtoString } from '../../../src/workspace/index.ts';

describe('protobuf wire', () => {
  it('encodes fields the way protoc does (field 1 string "hi", field 2 varint 300)', () => {
    expect(encodeProtoMessage([[1, 'hi'], [2, 300]]).toString('hex')).toBe('0a02686910ac02');
  });

  it('reads back nested and repeated messages, strings and booleans', () => {
    const condition = (type: string, status: boolean) => [[1, type], [2, status], [4, `${type} message`]] as const;
    const bytes = encodeProtoMessage([[1, [[1, condition('RuntimeReady', true)], [1, condition('NetworkReady', false)]]]]);
    const status = readProtoMessages(decodeProtoMessage(bytes), 1)[0]!;
    const conditions = readProtoMessages(status, 1).map((message) => ({ type: readProtoString(message, 1), ready: readProtoBool(message, 2), message: readProtoString(message, 4) }));
    expect(conditions).toEqual([
      { type: 'RuntimeReady', ready: true, message: 'RuntimeReady message' },
      { type: 'NetworkReady', ready: false, message: 'NetworkReady message' },
    ]);
  });

  it('skips fixed-width fields it does not need', () => {
    const bytes = Buffer.concat([Buffer.from([0x0d, 1, 2, 3, 4, 0x11, 1, 2, 3, 4, 5, 6, 7, 8]), encodeProtoMessage([[3, 'kept']])]);
    expect(readProtoString(decodeProtoMessage(bytes), 3)).toBe('kept');
  });

  it('rejects a truncated varint', () => {
    expect(() => decodeProtoMessage(Buffer.from([0x08, 0x80]))).toThrow(/complete protobuf varint/);
  });
});
