import "server-only";
import { createHash } from "node:crypto";
import { type ServerEnv, serverEnv } from "@/lib/env";
import { HUGGING_FACE_ORIGIN } from "@/lib/huggingface/hf-path";
import { CIVITAI_ORIGIN } from "@/lib/civitai/civitai-path";
import { serverPublicFetch } from "@/lib/http/public-fetch";
import { clientKey } from "@/lib/security/client-key";
import { createSubmitLimiter } from "@/lib/security/rate-limit";
import { type CardService, createCardService } from "./card-service";
import { readCardQuery } from "./query";

/** A card the browser may keep; one saying a host was down is asked again soon. */
const BROWSER_CACHE = "private, max-age=600";
const BROWSER_CACHE_PASSING = "private, max-age=15";

function defaultService(env: ServerEnv): CardService {
  return createCardService({
    fetch: serverPublicFetch(),
    hfOrigin: env.HF_ORIGIN ?? HUGGING_FACE_ORIGIN,
    civitaiOrigin: env.CIVITAI_ORIGIN ?? CIVITAI_ORIGIN,
    limiter: createSubmitLimiter({
      name: "lora-info",
      pointsPerMinute: env.RATE_LIMIT_LORA_INFO_PER_MINUTE,
      redisUrl: env.REDIS_URL,
    }),
  });
}

/**
 * `GET /api/lora-info?role=lora&path=…`: the card of a LoRA, model, ControlNet or IP adapter.
 * The answer is the card, whatever it found (a host it could not reach is said on the card);
 * 400 for a query that is no path, 429 past the client's lookups per minute.
 */
export function createLoraInfoHandler(dependencies?: () => { env: ServerEnv; service: CardService }) {
  let resolved: { env: ServerEnv; service: CardService } | undefined;
  return async function handleLoraInfo(request: Request): Promise<Response> {
    resolved ??= dependencies?.() ?? { env: serverEnv(), service: defaultService(serverEnv()) };
    const query = readCardQuery(new URL(request.url).searchParams);
    if ("error" in query) return Response.json({ detail: query.error }, { status: 400 });
    const answer = await resolved.service.card(query, clientKey(request.headers, resolved.env.TRUST_PROXY));
    if (answer.status === 429) {
      return Response.json(
        { detail: `Too many lookups; try again in ${answer.retryAfterSeconds} s.` },
        { status: 429, headers: { "retry-after": String(answer.retryAfterSeconds) } },
      );
    }
    const body = JSON.stringify(answer.card);
    const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
    const headers = {
      "content-type": "application/json",
      "cache-control": answer.lasting ? BROWSER_CACHE : BROWSER_CACHE_PASSING,
      etag,
    };
    if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
    return new Response(body, { status: 200, headers });
  };
}
