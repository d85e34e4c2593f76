import "server-only";

export const MiB = 1024 * 1024;

/** Reads a byte stream whole, or answers null (and cancels it) once it passes `maxBytes`. */
export async function readLimited(stream: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Buffer | null> {
  if (!stream) return Buffer.alloc(0);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return null;
      }
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  return Buffer.concat(chunks, total);
}

/** True when a declared `content-length` already rules the body out. */
export function declaredTooLarge(headers: Headers, maxBytes: number): boolean {
  const length = Number(headers.get("content-length") ?? "");
  return Number.isFinite(length) && length > maxBytes;
}

/** Reads a byte stream to its end, keeping nothing; false (and cancelled) once it passes `maxBytes`. */
export async function discardBody(stream: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<boolean> {
  if (!stream) return true;
  const reader = stream.getReader();
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return true;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return false;
      }
    }
  } catch {
    return false;
  } finally {
    reader.releaseLock();
  }
}
