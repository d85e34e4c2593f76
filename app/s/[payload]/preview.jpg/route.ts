import { serverEnv } from "@/lib/env";
import { requestOrigin } from "@/lib/http/request-origin";
import { sharePreview } from "@/lib/share/preview";
import { decoded } from "@/lib/share/share-link";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A shared link's preview card (1200×630 JPEG), or a 4xx naming what could not be read. */
export async function GET(request: Request, { params }: { params: Promise<{ payload: string }> }) {
  const { payload } = await params;
  const answer = await sharePreview(decoded(payload), requestOrigin(request, serverEnv().TRUST_PROXY));
  if (answer.status !== 200) {
    const headers = answer.retryAfterSeconds ? { "retry-after": String(answer.retryAfterSeconds) } : undefined;
    return Response.json({ detail: answer.detail }, { status: answer.status, headers });
  }
  return new Response(new Uint8Array(answer.jpeg), {
    headers: { "content-type": "image/jpeg", "cache-control": `public, max-age=${answer.maxAgeSeconds}` },
  });
}
