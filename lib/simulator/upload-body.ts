import "server-only";
import { readPiece } from "@/lib/http/read-limited";

export type UploadRead = { ok: true; bytes: Buffer } | { ok: false; reason: "too-large" | "stalled" };

/** The first buffer for a body of unknown length; it doubles as the body grows. */
const UNKNOWN_LENGTH_START = 1024 * 1024;

/**
 * Reads an upload into one buffer of its declared length, copying each piece in as it arrives
 * (one large allocation, which the allocator gives back whole once dropped, where a list of
 * small pieces leaves the heap fragmented). Gives up, cancelling the stream, past `maxBytes` or
 * when no byte arrives for `idleMs`; throws ClientGone when the client goes away.
 */
export async function readUpload(
  stream: ReadableStream<Uint8Array> | null,
  declared: number | undefined,
  maxBytes: number,
  idleMs: number,
): Promise<UploadRead> {
  if (!stream) return { ok: true, bytes: Buffer.alloc(0) };
  const reader = stream.getReader();
  let buffer = Buffer.allocUnsafeSlow(Math.min(declared ?? UNKNOWN_LENGTH_START, maxBytes));
  let length = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const give = async (reason: "too-large" | "stalled"): Promise<UploadRead> => {
    await reader.cancel().catch(() => undefined);
    return { ok: false, reason };
  };
  try {
    for (;;) {
      const stalled = new Promise<"stalled">((resolve) => (timer = setTimeout(() => resolve("stalled"), idleMs)));
      const next = await Promise.race([readPiece(reader), stalled]);
      clearTimeout(timer);
      if (next === "stalled") return await give("stalled");
      if (next.done) break;
      const piece = next.value;
      if (length + piece.byteLength > maxBytes) return await give("too-large");
      if (length + piece.byteLength > buffer.length) {
        const grown = Buffer.allocUnsafeSlow(
          Math.min(maxBytes, Math.max(buffer.length * 2, length + piece.byteLength)),
        );
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      buffer.set(piece, length);
      length += piece.byteLength;
    }
  } finally {
    clearTimeout(timer);
    reader.releaseLock();
  }
  return { ok: true, bytes: length === buffer.length ? buffer : buffer.subarray(0, length) };
}
