// Just enough of the protobuf wire format to speak a few CRI calls without generated code:
// varints, length-delimited fields (strings, bytes, nested messages), skipping the rest.
import { DemystifyError } from '../../shared/index.ts';

export type ProtoField = readonly [field: number, value: ProtoValue];
export type ProtoValue = string | number | boolean | Uint8Array | readonly ProtoField[];

function encodeVarint(value: bigint): Buffer {
  const bytes: number[] = [];
  let rest = BigInt.asUintN(64, value);
  do {
    const low = Number(rest & 0x7fn);
    rest >>= 7n;
    bytes.push(rest === 0n ? low : low | 0x80);
  } while (rest !== 0n);
  return Buffer.from(bytes);
}

export function encodeProtoMessage(fields: readonly ProtoField[]): Buffer {
  const chunks: Buffer[] = [];
  for (const [field, value] of fields) {
    if (typeof value === 'number' || typeof value === 'boolean') {
      chunks.push(encodeVarint(BigInt(field << 3)), encodeVarint(BigInt(typeof value === 'boolean' ? Number(value) : value)));
      continue;
    }
    const bytes = typeof value === 'string' ? Buffer.from(value) : value instanceof Uint8Array ? Buffer.from(value) : encodeProtoMessage(value as readonly ProtoField[]);
    chunks.push(encodeVarint(BigInt((field << 3) | 2)), encodeVarint(BigInt(bytes.length)), bytes);
  }
  return Buffer.concat(chunks);
}

/** Fields by number; varints as bigint, everything length-delimited as bytes. */
export type ProtoMessage = Map<number, Array<bigint | Buffer>>;

export function decodeProtoMessage(bytes: Uint8Array): ProtoMessage {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const message: ProtoMessage = new Map();
  let offset = 0;
  const readVarint = (): bigint => {
    let result = 0n;
    for (let shift = 0n; ; shift += 7n) {
      if (offset >= buffer.length) throw new DemystifyError('INTERNAL', 'Expected a complete protobuf varint, got the end of the message.');
      const byte = buffer[offset++]!;
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result;
    }
  };
  while (offset < buffer.length) {
    const key = readVarint();
    const field = Number(key >> 3n);
    const wireType = Number(key & 7n);
    let value: bigint | Buffer;
    if (wireType === 0) value = readVarint();
    else if (wireType === 2) {
      const length = Number(readVarint());
      value = buffer.subarray(offset, offset + length);
      offset += length;
    } else if (wireType === 1 || wireType === 5) {
      const length = wireType === 1 ? 8 : 4;
      value = buffer.subarray(offset, offset + length);
      offset += length;
    } else throw new DemystifyError('INTERNAL', `Expected protobuf wire type 0, 1, 2 or 5, got ${wireType}.`);
    message.set(field, [...(message.get(field) ?? []), value]);
  }
  return message;
}

export function readProtoString(message: ProtoMessage, field: number): string {
  const value = message.get(field)?.at(-1);
  return Buffer.isBuffer(value) ? value.toString('utf8') : '';
}

export function readProtoBool(message: ProtoMessage, field: number): boolean {
  return message.get(field)?.at(-1) === 1n;
}

export function readProtoMessages(message: ProtoMessage, field: number): ProtoMessage[] {
  return (message.get(field) ?? []).filter(Buffer.isBuffer).map((bytes) => decodeProtoMessage(bytes));
}
