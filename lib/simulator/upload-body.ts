import "server-only";
import { randomUUID } from "node:crypto";
import { mkdtemp, open, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readPiece } from "@/lib/http/read-limited";

export type UploadRead = { ok: true; bytes: Buffer } | { ok: false; reason: "too-large" | "stalled" };

let uploadFolder: Promise<string> | undefined;

/** This process's folder for uploads being received, made at the first upload. */
function folder(): Promise<string> {
  uploadFolder ??= mkdtemp(join(tmpdir(), "fal-lora-playground-uploads-"));
  return uploadFolder;
}

/**
 * Receives an upload into a temporary file, piece by piece, and reads it whole only once it has
 * all arrived: an upload in flight holds no memory but the piece being written, so a stalled or
 * abandoned one gives nothing back because it took nothing. Gives up, cancelling the stream, past
 * `maxBytes` or when no byte arrives for `idleMs`; throws ClientGone when the client goes away.
 * The file is removed in every case.
 */
export async function readUpload(
  stream: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  idleMs: number,
): Promise<UploadRead> {
  if (!stream) return { ok: true, bytes: Buffer.alloc(0) };
  const path = join(await folder(), randomUUID());
  const file = await open(path, "w");
  const reader = stream.getReader();
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
      if (length + next.value.byteLength > maxBytes) return await give("too-large");
      await file.write(next.value);
      length += next.value.byteLength;
    }
    await file.close();
    return { ok: true, bytes: await readFile(path) };
  } finally {
    clearTimeout(timer);
    reader.releaseLock();
    await file.close().catch(() => undefined);
    await rm(path, { force: true });
  }
}
