import "server-only";
import { declaredTooLarge, readLimited } from "@/lib/http/read-limited";

export const TOO_LARGE_MESSAGE =
  "The request is too large. Upload images with the image picker (they go to storage) instead of pasting them inline as data URIs.";

export type BodyRead = { ok: true; text: string } | { ok: false };

/** Reads a request body as text, giving up (and cancelling the stream) past `maxBytes`. */
export async function readBodyLimited(request: Request, maxBytes: number): Promise<BodyRead> {
  if (declaredTooLarge(request.headers, maxBytes)) return { ok: false };
  const bytes = await readLimited(request.body, maxBytes);
  return bytes ? { ok: true, text: bytes.toString("utf8") } : { ok: false };
}
