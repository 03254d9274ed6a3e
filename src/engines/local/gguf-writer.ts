/**
 * A minimal GGUF v3 writer: enough to produce small test models. The layout
 * follows ggml's docs/gguf.md; everything is little-endian.
 */

const GGUF_MAGIC = 'GGUF';
const GGUF_VERSION = 3;
const ALIGNMENT = 32;

const VALUE_TYPE = { u32: 4, i32: 5, f32: 6, bool: 7, string: 8, array: 9 } as const;
const TENSOR_TYPE = { f32: 0, f16: 1 } as const;

export type GgufValue =
  | { type: 'u32'; value: number }
  | { type: 'f32'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'string'; value: string }
  | { type: 'string[]'; value: readonly string[] }
  | { type: 'f32[]'; value: readonly number[] }
  | { type: 'i32[]'; value: readonly number[] };

export interface GgufTensor {
  name: string;
  /** ggml order: innermost dimension first, so a linear layer in→out is [in, out]. */
  dims: readonly number[];
  type: keyof typeof TENSOR_TYPE;
  data: Float32Array;
}

class ByteSink {
  private readonly chunks: Buffer[] = [];
  length = 0;

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
  }

  u32(value: number): void {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(value);
    this.push(b);
  }

  i32(value: number): void {
    const b = Buffer.alloc(4);
    b.writeInt32LE(value);
    this.push(b);
  }

  u64(value: number): void {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(value));
    this.push(b);
  }

  f32(value: number): void {
    const b = Buffer.alloc(4);
    b.writeFloatLE(value);
    this.push(b);
  }

  string(value: string): void {
    const bytes = Buffer.from(value, 'utf8');
    this.u64(bytes.length);
    this.push(bytes);
  }

  padTo(alignment: number): void {
    const rest = this.length % alignment;
    if (rest !== 0) this.push(Buffer.alloc(alignment - rest));
  }

  toBuffer(): Buffer {
    return Buffer.concat(this.chunks, this.length);
  }
}

function writeValue(sink: ByteSink, entry: GgufValue): void {
  switch (entry.type) {
    case 'u32':
      sink.u32(VALUE_TYPE.u32);
      sink.u32(entry.value);
      return;
    case 'f32':
      sink.u32(VALUE_TYPE.f32);
      sink.f32(entry.value);
      return;
    case 'bool':
      sink.u32(VALUE_TYPE.bool);
      sink.push(Buffer.from([entry.value ? 1 : 0]));
      return;
    case 'string':
      sink.u32(VALUE_TYPE.string);
      sink.string(entry.value);
      return;
    case 'string[]':
      writeArrayHeader(sink, VALUE_TYPE.string, entry.value.length);
      for (const s of entry.value) sink.string(s);
      return;
    case 'f32[]':
      writeArrayHeader(sink, VALUE_TYPE.f32, entry.value.length);
      for (const v of entry.value) sink.f32(v);
      return;
    case 'i32[]':
      writeArrayHeader(sink, VALUE_TYPE.i32, entry.value.length);
      for (const v of entry.value) sink.i32(v);
      return;
  }
}

function writeArrayHeader(sink: ByteSink, elementType: number, count: number): void {
  sink.u32(VALUE_TYPE.array);
  sink.u32(elementType);
  sink.u64(count);
}

const f32Scratch = new Float32Array(1);
const u32Scratch = new Uint32Array(f32Scratch.buffer);

/** IEEE 754 half precision, rounded to nearest; enough for small weights. */
function toHalfBits(value: number): number {
  f32Scratch[0] = value;
  const bits = u32Scratch[0] ?? 0;
  const sign = (bits >>> 16) & 0x8000;
  const exp = ((bits >>> 23) & 0xff) - 127 + 15;
  const mantissa = bits & 0x7fffff;
  if (exp >= 31) return sign | 0x7c00;
  if (exp <= 0) {
    if (exp < -10) return sign;
    const shifted = (mantissa | 0x800000) >> (1 - exp);
    return sign | ((shifted + 0x1000) >> 13);
  }
  // Addition, not OR, so a rounding carry moves into the exponent.
  return sign | ((exp << 10) + ((mantissa + 0x1000) >> 13));
}

function encodeTensor(tensor: GgufTensor): Buffer {
  if (tensor.type === 'f32') {
    const { buffer, byteOffset, byteLength } = tensor.data;
    return Buffer.from(buffer, byteOffset, byteLength);
  }
  const out = Buffer.alloc(tensor.data.length * 2);
  tensor.data.forEach((v, i) => {
    out.writeUInt16LE(toHalfBits(v), i * 2);
  });
  return out;
}

/** Serialises key-values and tensors into one GGUF v3 file image. */
export function encodeGguf(
  metadata: ReadonlyArray<readonly [string, GgufValue]>,
  tensors: readonly GgufTensor[],
): Buffer {
  const sink = new ByteSink();
  sink.push(Buffer.from(GGUF_MAGIC, 'ascii'));
  sink.u32(GGUF_VERSION);
  sink.u64(tensors.length);
  sink.u64(metadata.length);
  for (const [key, value] of metadata) {
    sink.string(key);
    writeValue(sink, value);
  }

  const blobs = tensors.map(encodeTensor);
  let offset = 0;
  tensors.forEach((tensor, i) => {
    sink.string(tensor.name);
    sink.u32(tensor.dims.length);
    for (const d of tensor.dims) sink.u64(d);
    sink.u32(TENSOR_TYPE[tensor.type]);
    sink.u64(offset);
    offset += alignUp(blobs[i]?.length ?? 0);
  });
  sink.padTo(ALIGNMENT);

  for (const blob of blobs) {
    sink.push(blob);
    sink.padTo(ALIGNMENT);
  }
  return sink.toBuffer();
}

function alignUp(n: number): number {
  return Math.ceil(n / ALIGNMENT) * ALIGNMENT;
}
