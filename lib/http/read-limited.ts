import "server-only";

export const MiB = 1024 * 1024;

/** The client closed its connection before its request body ended: nothing to answer, one line to log. */
export class ClientGone extends Error {
  constructor(cause: unknown) {
    const reason = cause instanceof Error ? [cause.message, (cause as { code?: string }).code].filter(Boolean) : [];
    super(`the client went away before its request ended (${reason.join(", ") || "connection closed"})`);
    this.name = "ClientGone";
  }
}

/** The next piece of a request body; a broken stream (the client went away) throws ClientGone. */
export async function readPiece(reader: ReadableStreamDefaultReader<Uint8Array>) {
  try {
    return await reader.read();
  } catch (cause) {
    throw new ClientGone(cause);
  }
}

/**
 * Reads a byte stream whole, or answers null (and cancels it) once it passes `maxBytes`; throws
 * ClientGone when the client goes away first.
 */
export async function readLimited(stream: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Buffer | null> {
  if (!stream) return Buffer.alloc(0);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await readPiece(reader);
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
