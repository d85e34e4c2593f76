import "server-only";

export const TOO_LARGE_MESSAGE =
  "The request is too large. Upload images with the image picker (they go to storage) instead of pasting them inline as data URIs.";

export type BodyRead = { ok: true; text: string } | { ok: false };

/** Reads a request body as text, giving up (and cancelling the stream) past `maxBytes`. */
export async function readBodyLimited(request: Request, maxBytes: number): Promise<BodyRead> {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > maxBytes) return { ok: false };
  if (!request.body) return { ok: true, text: "" };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { ok: false };
    }
    chunks.push(value);
  }
  return { ok: true, text: Buffer.concat(chunks, total).toString("utf8") };
}
