/**
 * The Arrow IPC messages {@link recordsToArrow} writes: the Schema, one RecordBatch and the file
 * Footer as FlatBuffers (slots as in the Arrow `format/Schema.fbs`, `Message.fbs` and `File.fbs`),
 * and the encapsulation of a message (continuation marker `0xFFFFFFFF`, metadata length, metadata
 * padded to 8 bytes, body of 8-byte-aligned buffers).
 *
 * @internal
 * @packageDocumentation
 */
import { type FbNode, flatbuffer, ref, scalar, table } from './arrow-flatbuffers.js';

/** The Arrow types {@link recordsToArrow} writes. */
export type ArrowType = 'utf8' | 'float64' | 'int32' | 'bool';

/** A field of the schema. */
export interface ArrowField {
  readonly name: string;
  readonly type: ArrowType;
}

/** A column ready to write: its buffers in the order of its layout (validity first). */
export interface ArrowColumn extends ArrowField {
  readonly length: number;
  readonly nulls: number;
  readonly buffers: ReadonlyArray<Uint8Array | Int32Array | Float64Array>;
}

/** `MetadataVersion.V5` (Arrow ≥ 1.0). */
const V5 = 4;
/** `MessageHeader` union tags. */
const HEADER_SCHEMA = 1;
const HEADER_RECORD_BATCH = 3;
/** `Type` union tags. */
const TYPE_TAG: Record<ArrowType, number> = { int32: 2, float64: 3, utf8: 5, bool: 6 };

/** The `Type` table of a field. */
function typeTable(type: ArrowType): FbNode {
  if (type === 'int32') return table(scalar('i32', 32), scalar('u8', 1)); // Int { bitWidth, is_signed }
  if (type === 'float64') return table(scalar('i16', 2)); // FloatingPoint { precision: DOUBLE }
  return table(); // Utf8, Bool: no fields
}

/** The `Schema` table: little-endian, the fields (each nullable, with an empty `children` vector). */
function schemaTable(fields: readonly ArrowField[]): FbNode {
  const fieldTables = fields.map((f) =>
    // Field { name, nullable, type_type, type, dictionary, children }
    table(
      ref({ k: 'string', v: f.name }),
      scalar('u8', 1),
      scalar('u8', TYPE_TAG[f.type]),
      ref(typeTable(f.type)),
      undefined,
      ref({ k: 'tables', v: [] }),
    ),
  );
  return table(scalar('i16', 0), ref({ k: 'tables', v: fieldTables }));
}

/** The Schema message (metadata only; its body is empty). */
export function schemaMessage(fields: readonly ArrowField[]): Uint8Array {
  // Message { version, header_type, header, bodyLength }
  return flatbuffer(
    table(scalar('i16', V5), scalar('u8', HEADER_SCHEMA), ref(schemaTable(fields)), scalar('i64', 0)),
  );
}

/** Structs of two int64s (`FieldNode { length, null_count }`, `Buffer { offset, length }`). */
function pairs(values: readonly number[]): FbNode {
  const bytes = new Uint8Array(values.length * 8);
  const view = new DataView(bytes.buffer);
  for (const [k, v] of values.entries()) view.setBigInt64(k * 8, BigInt(v), true);
  return { k: 'structs', bytes, count: values.length / 2, align: 8 };
}

const pad8 = (n: number) => Math.ceil(n / 8) * 8;

/** The RecordBatch message's metadata and its body (every buffer padded to 8 bytes). */
export function recordBatchMessage(
  length: number,
  columns: readonly ArrowColumn[],
): [Uint8Array, Uint8Array] {
  const nodes: number[] = [];
  const buffers: number[] = [];
  let bodyLength = 0;
  for (const c of columns) {
    nodes.push(c.length, c.nulls);
    for (const b of c.buffers) {
      buffers.push(bodyLength, b.byteLength);
      bodyLength += pad8(b.byteLength);
    }
  }
  const body = new Uint8Array(bodyLength);
  let at = 0;
  for (const c of columns)
    for (const b of c.buffers) {
      body.set(new Uint8Array(b.buffer, b.byteOffset, b.byteLength), at);
      at += pad8(b.byteLength);
    }
  // RecordBatch { length, nodes, buffers }
  const batch = table(scalar('i64', length), ref(pairs(nodes)), ref(pairs(buffers)));
  const meta = flatbuffer(
    table(scalar('i16', V5), scalar('u8', HEADER_RECORD_BATCH), ref(batch), scalar('i64', bodyLength)),
  );
  return [meta, body];
}

/** An encapsulated message and the lengths the file footer's `Block` records. */
export interface Encapsulated {
  readonly bytes: Uint8Array;
  /** Continuation marker, length prefix and padded metadata, in bytes. */
  readonly metaDataLength: number;
  readonly bodyLength: number;
}

/** `0xFFFFFFFF`, the metadata length, the metadata padded to 8 bytes, then the body. */
export function encapsulate(meta: Uint8Array, body: Uint8Array): Encapsulated {
  const padded = pad8(8 + meta.length) - 8;
  const bytes = new Uint8Array(8 + padded + body.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, 0xffffffff, true);
  view.setInt32(4, padded, true);
  bytes.set(meta, 8);
  bytes.set(body, 8 + padded);
  return { bytes, metaDataLength: 8 + padded, bodyLength: body.length };
}

/** A record batch's place in the file. */
export interface Block {
  readonly offset: number;
  readonly metaDataLength: number;
  readonly bodyLength: number;
}

/** The file Footer: version, schema, no dictionaries, the record batches' blocks. */
export function footer(fields: readonly ArrowField[], blocks: readonly Block[]): Uint8Array {
  // struct Block { offset: long; metaDataLength: int; (4 bytes of padding) bodyLength: long; }
  const bytes = new Uint8Array(blocks.length * 24);
  const view = new DataView(bytes.buffer);
  blocks.forEach((b, k) => {
    view.setBigInt64(k * 24, BigInt(b.offset), true);
    view.setInt32(k * 24 + 8, b.metaDataLength, true);
    view.setBigInt64(k * 24 + 16, BigInt(b.bodyLength), true);
  });
  const none: FbNode = { k: 'structs', bytes: new Uint8Array(0), count: 0, align: 8 };
  // Footer { version, schema, dictionaries, recordBatches }
  return flatbuffer(
    table(
      scalar('i16', V5),
      ref(schemaTable(fields)),
      ref(none),
      ref({ k: 'structs', bytes, count: blocks.length, align: 8 }),
    ),
  );
}
