import { isRecord } from "@/lib/json/is-record";

/*
 * The safetensors format: 8 bytes, a little-endian unsigned 64-bit length N, then N bytes of a
 * UTF-8 JSON object mapping each tensor's name to {dtype, shape, data_offsets}, with an optional
 * "__metadata__" object of strings; the tensors' bytes follow. (docs/lora-info.md#safetensors)
 */

/** Headers longer than this are refused: real LoRA headers are kilobytes, checkpoints' a few hundred. */
export const MAX_HEADER_BYTES = 16 * 1024 * 1024;
/** A safetensors header nests three deep (header, tensor, shape); anything far deeper is not one. */
const MAX_DEPTH = 8;
export const LENGTH_BYTES = 8;

export type TensorInfo = { dtype: string; shape: number[]; offsets: [number, number] };

export type SafetensorsHeader = {
  tensors: Map<string, TensorInfo>;
  metadata: Record<string, string>;
};

/** Why a file's header could not be read, in words for the card. */
export class HeaderError extends Error {
  constructor(
    readonly kind: "header-too-large" | "not-safetensors" | "truncated",
    message: string,
  ) {
    super(message);
    this.name = "HeaderError";
  }
}

const MiB = 1024 * 1024;

function startsWith(bytes: Uint8Array, text: string): boolean {
  if (bytes.length < text.length) return false;
  for (let index = 0; index < text.length; index++) if (bytes[index] !== text.charCodeAt(index)) return false;
  return true;
}

/**
 * What a file plainly is when it is not safetensors, from its first bytes and content type: an
 * HTML page (a model page, a login page), a JSON error, a pickled PyTorch checkpoint.
 */
export function notSafetensors(prefix: Uint8Array, contentType = ""): string | undefined {
  const text = new TextDecoder().decode(prefix.subarray(0, 64)).trimStart().toLowerCase();
  if (/^text\/html/i.test(contentType) || text.startsWith("<!doctype") || text.startsWith("<html")) {
    return "This address answers with a web page, not a weights file.";
  }
  if (/^application\/json/i.test(contentType) || text.startsWith('{"') || text.startsWith("{ ")) {
    return "This address answers with a JSON message, not a weights file.";
  }
  if (startsWith(prefix, "PK\u0003\u0004") || prefix[0] === 0x80) {
    return "This is a pickled PyTorch file (.ckpt, .pt, .bin), not safetensors: it cannot be read without downloading it whole.";
  }
  return undefined;
}

/** The header's length from the file's first 8 bytes, refused when it is past `MAX_HEADER_BYTES`. */
export function headerLength(first: Uint8Array): number {
  if (first.length < LENGTH_BYTES) {
    throw new HeaderError("truncated", `The file ends after ${first.length} bytes, before its header's length.`);
  }
  const length = new DataView(first.buffer, first.byteOffset, LENGTH_BYTES).getBigUint64(0, true);
  if (length > BigInt(MAX_HEADER_BYTES)) {
    const size =
      length >= BigInt(Number.MAX_SAFE_INTEGER) ? `${length} bytes` : `${Math.round(Number(length) / MiB)} MiB`;
    throw new HeaderError(
      "header-too-large",
      `The file says its header is ${size}; headers over ${MAX_HEADER_BYTES / MiB} MiB are not read.`,
    );
  }
  if (length < 2n) throw new HeaderError("not-safetensors", "The file's header is empty: it is not safetensors.");
  return Number(length);
}

/** Throws before parsing when the JSON nests deeper than a header can: parsing it would cost time for nothing. */
function checkDepth(bytes: Uint8Array): void {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index];
    if (inString) {
      if (byte === 0x5c) index++;
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === 0x7b || byte === 0x5b) {
      depth++;
      if (depth > MAX_DEPTH) {
        throw new HeaderError(
          "not-safetensors",
          "The header nests deeper than a safetensors header can: it is not one.",
        );
      }
    } else if (byte === 0x7d || byte === 0x5d) depth--;
  }
}

function tensorInfo(value: unknown): TensorInfo | undefined {
  if (!isRecord(value)) return undefined;
  const { dtype, shape, data_offsets: offsets } = value;
  if (typeof dtype !== "string" || !Array.isArray(shape) || !Array.isArray(offsets)) return undefined;
  if (!shape.every((size) => Number.isSafeInteger(size) && size >= 0)) return undefined;
  const [start, end] = offsets as unknown[];
  if (typeof start !== "number" || typeof end !== "number") return undefined;
  return { dtype, shape: shape as number[], offsets: [start, end] };
}

/** The tensors and metadata of a header's JSON bytes. */
export function parseHeader(bytes: Uint8Array): SafetensorsHeader {
  const first = bytes.find((byte) => byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09);
  if (first !== 0x7b)
    throw new HeaderError("not-safetensors", "The header is not a JSON object: this is not safetensors.");
  checkDepth(bytes);
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new HeaderError("not-safetensors", "The header is not valid JSON: this is not safetensors.");
  }
  if (!isRecord(parsed))
    throw new HeaderError("not-safetensors", "The header is not a JSON object: this is not safetensors.");
  const tensors = new Map<string, TensorInfo>();
  const metadata: Record<string, string> = {};
  for (const [name, value] of Object.entries(parsed)) {
    if (name === "__metadata__") {
      if (isRecord(value))
        for (const [key, text] of Object.entries(value)) if (typeof text === "string") metadata[key] = text;
      continue;
    }
    const info = tensorInfo(value);
    if (info) tensors.set(name, info);
  }
  if (tensors.size === 0 && Object.keys(parsed).some((name) => name !== "__metadata__")) {
    throw new HeaderError(
      "not-safetensors",
      "The header lists no tensors in the safetensors shape: this is not safetensors.",
    );
  }
  return { tensors, metadata };
}

/** A scalar tensor's value (an alpha) when its bytes are among those already read, else undefined. */
export function scalarValue(info: TensorInfo, data: Uint8Array | undefined): number | undefined {
  const [start, end] = info.offsets;
  if (!data || info.shape.some((size) => size !== 1) || end > data.length || start < 0) return undefined;
  const view = new DataView(data.buffer, data.byteOffset + start, end - start);
  if (info.dtype === "F32" && end - start === 4) return view.getFloat32(0, true);
  if (info.dtype === "F64" && end - start === 8) return view.getFloat64(0, true);
  if (info.dtype === "BF16" && end - start === 2) return bfloat16ToNumber(view.getUint16(0, true));
  if (info.dtype === "F16" && end - start === 2) return halfToNumber(view.getUint16(0, true));
  return undefined;
}

/** bfloat16 is the top half of a float32. */
function bfloat16ToNumber(bits: number): number {
  const float = new DataView(new ArrayBuffer(4));
  float.setUint16(0, bits);
  return float.getFloat32(0);
}

function halfToNumber(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 0x1f) return fraction ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}
